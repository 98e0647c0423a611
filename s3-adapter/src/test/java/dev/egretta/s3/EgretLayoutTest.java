package dev.egretta.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.spi.DomainCategory;
import org.junit.jupiter.api.Test;

class EgretLayoutTest {

  @Test
  void readsDomainAndCategoryFromTheLastFourSegments() {
    assertThat(EgretLayout.of("business-continuity/pdf/us/file.pdf"))
        .contains(new DomainCategory("business-continuity", "us"));
    assertThat(EgretLayout.of("library/2026/cloud-security/PDF/sg/file.pdf"))
        .contains(new DomainCategory("cloud-security", "sg"));
  }

  @Test
  void keysOutsideTheLayoutHaveNoFiling() {
    assertThat(EgretLayout.of("file.pdf")).isEmpty();
    assertThat(EgretLayout.of("pdf/us/file.pdf")).isEmpty();
    assertThat(EgretLayout.of("domain/docs/us/file.pdf")).isEmpty();
    assertThat(EgretLayout.of("domain/pdf/us/deeper/file.pdf")).isEmpty();
    assertThat(EgretLayout.of("/pdf/us/file.pdf")).isEmpty();
    assertThat(EgretLayout.of("domain/pdf//file.pdf")).isEmpty();
  }

  @Test
  void recognisesDocumentsByExtensionInAnyCase() {
    assertThat(EgretLayout.isDocument("a/b.pdf")).isTrue();
    assertThat(EgretLayout.isDocument("a/b.PDF")).isTrue();
    assertThat(EgretLayout.isDocument("a/b.docx")).isTrue();
    assertThat(EgretLayout.isDocument("a/b.Md")).isTrue();
    assertThat(EgretLayout.isDocument("a/b.pdf.exe")).isFalse();
    assertThat(EgretLayout.isDocument("a/pdf/")).isFalse();
    assertThat(EgretLayout.isDocument("pdf")).isFalse();
  }
}
