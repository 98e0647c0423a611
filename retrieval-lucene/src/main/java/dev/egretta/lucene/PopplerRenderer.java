package dev.egretta.lucene;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Renders one PDF page to a grey image with Poppler's {@code pdftoppm} (Debian's {@code poppler-utils})
 * in a child process: for pages whose scan is JBIG2-compressed, which PDFBox cannot decode without
 * jbig2-imageio, and whose decoder a hostile stream can hold in a loop that no thread interrupt
 * stops. The process is killed at its time limit and, where {@code prlimit} exists, cannot map more
 * than {@value #MEMORY_LIMIT_BYTES} bytes, so such a page costs bounded time and memory. Thread-safe.
 */
final class PopplerRenderer {
  static final long MEMORY_LIMIT_BYTES = 1L << 30;
  private static final System.Logger LOG = System.getLogger(PopplerRenderer.class.getName());
  private static final PopplerRenderer SYSTEM = new PopplerRenderer("pdftoppm");

  private final String command;
  private final ExternalCommand.Availability available;
  private final ExternalCommand.Availability prlimit = new ExternalCommand.Availability(
      () -> ExternalCommand.probe("prlimit", "--version").isPresent(),
      () -> LOG.log(System.Logger.Level.INFO, "prlimit not found: pdftoppm runs without a memory cap"));

  PopplerRenderer(String command) {
    this.command = command;
    this.available = new ExternalCommand.Availability(() -> ExternalCommand.probe(command, "-v").isPresent(),
        () -> LOG.log(System.Logger.Level.INFO, "''{0}'' not found: JBIG2-compressed scanned pages are not read by OCR "
            + "(install poppler-utils)", command));
  }

  /** {@code pdftoppm} on the PATH. */
  static PopplerRenderer system() {
    return SYSTEM;
  }

  /** Whether the command runs; asked once, noted once. */
  boolean available() {
    return available.get();
  }

  /**
   * Page {@code index} (0-based) of the PDF file at {@code dpi}, grey.
   *
   * @throws IOException when pdftoppm fails, runs past {@code timeLimit} (it is killed) or writes no image
   */
  BufferedImage render(Path pdf, int index, float dpi, Duration timeLimit) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("egretta-render");
    try {
      List<String> cmd = new ArrayList<>();
      if (prlimit.get()) {
        cmd.addAll(List.of("prlimit", "--as=" + MEMORY_LIMIT_BYTES, "--"));
      }
      String page = Integer.toString(index + 1);
      cmd.addAll(List.of(command, "-r", String.format(Locale.ROOT, "%.1f", dpi), "-gray", "-f", page, "-l", page,
          "-singlefile", "-png", pdf.toString(), dir.resolve("page").toString()));
      ExternalCommand.run(cmd, Map.of(), timeLimit);
      BufferedImage image = ImageIO.read(dir.resolve("page.png").toFile());
      if (image == null) {
        throw new IOException(command + " wrote no readable image");
      }
      return image;
    } finally {
      ExternalCommand.deleteScratch(dir);
    }
  }
}
