package dev.egretta.lucene;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Reads the text of a page image with the {@code tesseract} command (Debian's {@code tesseract-ocr}
 * with {@code tesseract-ocr-eng}), one process per page, killed at its time limit. A process rather
 * than Tika's OCR parser: its time and memory end with it, and ingestion decides per page. Tesseract
 * runs single-threaded ({@code OMP_THREAD_LIMIT=1}); the parser threads give the parallelism.
 * Thread-safe.
 */
final class TesseractOcr {
  private static final System.Logger LOG = System.getLogger(TesseractOcr.class.getName());
  private static final TesseractOcr SYSTEM = new TesseractOcr("tesseract");

  private final String command;
  private final ExternalCommand.Availability available;

  TesseractOcr(String command) {
    this.command = command;
    this.available = new ExternalCommand.Availability(this::probe, () -> LOG.log(System.Logger.Level.WARNING,
        "OCR unavailable: ''{0} --list-langs'' did not list eng; scanned PDF pages are not indexed "
            + "(install tesseract-ocr and tesseract-ocr-eng)", command));
  }

  /** {@code tesseract} on the PATH. */
  static TesseractOcr system() {
    return SYSTEM;
  }

  /** Whether the command runs and has English data; asked once, warned about once. */
  boolean available() {
    return available.get();
  }

  private boolean probe() {
    return ExternalCommand.probe(command, "--list-langs").map(out -> out.lines().anyMatch("eng"::equals)).orElse(false);
  }

  /**
   * The text tesseract reads in {@code image}.
   *
   * @throws IOException when tesseract fails or runs past {@code timeLimit} (the process is killed)
   */
  String read(BufferedImage image, Duration timeLimit) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("egretta-ocr");
    try {
      Path png = dir.resolve("page.png");
      if (!ImageIO.write(image, "png", png.toFile())) {
        throw new IOException("cannot write the page image");
      }
      ExternalCommand.run(List.of(command, png.toString(), dir.resolve("out").toString(), "-l", "eng"),
          Map.of("OMP_THREAD_LIMIT", "1"), timeLimit);
      return Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    } finally {
      ExternalCommand.deleteScratch(dir);
    }
  }
}
