package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ScannedPagesTest {
  @Test
  void aPageNeedsOcrWhenItsTextLayerHasFewLettersOrDigits() {
    assertThat(ScannedPages.usable("")).isFalse();
    assertThat(ScannedPages.usable("  - 7 -  Scanned with X ")).isFalse();
    assertThat(ScannedPages.usable("Incidents are reported to the security team within one hour.")).isTrue();
  }

  @Test
  void aBlankRenderedPageHasNoInkAndALineOfTextHas() {
    BufferedImage page = new BufferedImage(2550, 3300, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 2550, 3300);
    assertThat(ScannedPages.hasInk(page)).isFalse();
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
    g.drawString("Only one line of text on this page.", 100, 200);
    g.dispose();
    assertThat(ScannedPages.hasInk(page)).isTrue();
  }
}
