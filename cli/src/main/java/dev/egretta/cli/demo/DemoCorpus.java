package dev.egretta.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The demo's sample corpus: three policy documents of a fictional bank, written by the project
 * and typeset to PDF at run time. Two sit in the {@code business-continuity} domain (an incident
 * response policy and a business continuity plan), one in {@code information-security} (an access
 * control policy); all in category {@code us}. Files are laid out as Egret's bucket is:
 * {@code <dir>/<domain>/pdf/<category>/<file>.pdf}.
 */
public final class DemoCorpus {
  private static final List<String> TEXTS =
      List.of("incident-response-policy.txt", "business-continuity-plan.txt", "access-control-policy.txt");

  /** One written document. */
  public record Document(Path path, String title, String domain, String category, int pages) {}

  private DemoCorpus() {}

  /**
   * Writes the sample PDFs under {@code dir}. A file whose bytes would not change is left untouched
   * (so incremental indexing sees it as unchanged).
   */
  public static List<Document> write(Path dir) throws IOException {
    PolicyPdf typesetter = new PolicyPdf();
    List<Document> written = new ArrayList<>();
    for (String name : TEXTS) {
      PolicyText policy = PolicyText.resource(name);
      byte[] pdf = typesetter.render(policy);
      Path file = dir.resolve(policy.domain()).resolve("pdf").resolve(policy.category()).resolve(policy.file());
      Files.createDirectories(file.getParent());
      if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), pdf)) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, pdf);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      written.add(new Document(file, policy.title(), policy.domain(), policy.category(), pageCount(pdf)));
    }
    return written;
  }

  private static int pageCount(byte[] pdf) throws IOException {
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return doc.getNumberOfPages();
    }
  }
}
