package dev.egretta.cli;

import dev.egretta.core.Organisation;
import dev.egretta.core.spi.DocumentSource;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.OcrMode;
import dev.egretta.lucene.Rejection;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code egretta index}: adds the documents of a folder or an S3 prefix to the index, incrementally. */
@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Index the documents (PDF, Word, OpenDocument text, RTF, PowerPoint, HTML, Markdown, text; read by "
        + "their content) of a folder or an S3 prefix. Files laid out as <domain>/pdf/<category>/<file> "
        + "are filed by their path; others need --domain and --category. Unchanged documents are skipped.",
        "--json prints {\"documents_indexed\", \"documents_unchanged\", \"documents_deleted\", "
        + "\"documents_rejected\": [{\"uri\", \"reason\"}], \"pages\", \"chunks\", \"seconds\"}."})
final class IndexCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FOLDER|s3://BUCKET/PREFIX", description = "Where the documents are.")
  String location;

  @Option(names = "--org", paramLabel = "ORG", converter = OrgOption.Converter.class,
      description = "Index as the private documents of this organisation (default: the public library).")
  Organisation owner;

  @Option(names = "--domain", paramLabel = "D", description = "Domain of files outside the <domain>/pdf/<category>/ layout.")
  String domain;

  @Option(names = "--category", paramLabel = "C", description = "Category of files outside the layout.")
  String category;

  @Option(names = "--sync", description = "Also remove documents the source no longer holds.")
  boolean sync;

  @Option(names = "--ocr", paramLabel = "auto|off|force", defaultValue = "auto",
      description = "OCR (tesseract) of PDF pages: auto = pages without a text layer (default), off, force = every page.")
  String ocr;

  @Mixin IndexOption index;
  @Mixin S3Options s3;
  @Mixin JsonOption json;

  private final Context context;

  IndexCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    if ((domain == null) != (category == null)) {
      throw new UsageException("--domain and --category go together: give both or neither");
    }
    IngestOptions options = owner == null ? IngestOptions.publicLibrary() : IngestOptions.privateTo(owner);
    try {
      options = options.withOcr(OcrMode.parse(ocr));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--ocr: " + e.getMessage());
    }
    if (sync) {
      options = options.withSync();
    }
    IngestReport report;
    if (index.backend.elasticsearch()) {
      report = ElasticsearchIndexing.ingest(context, index.backend, location, domain, category, s3, options, json.json);
    } else {
      try (Sources.Opened source = Sources.open(context, location, domain, category, s3);
           LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index.indexDir(context));
           IngestProgress progress = IngestProgress.forContext(context, json.json, "Indexing")) {
        report = kb.ingest(source.source(), options, IngestProgress.listener(progress));
      }
    }
    print(context, report, json.json);
    if (report.rejected().stream().anyMatch(r -> r.reason().equals(OcrMode.UNAVAILABLE))) {
      context.note("Scanned documents were not indexed: OCR needs tesseract (install tesseract-ocr and tesseract-ocr-eng).");
    }
    return Egretta.OK;
  }

  /** Prints an ingestion report: the JSON summary, or a sentence and a table of rejected documents. */
  static void print(Context context, IngestReport report, boolean json) {
    if (json) {
      context.printJson(report.toJsonMap());
      return;
    }
    context.println(String.format(Locale.ROOT,
        "Indexed %d document(s): %d page(s), %d chunk(s) in %.1f s; %d unchanged, %d removed, %d rejected.",
        report.documentsIndexed(), report.pages(), report.chunks(), report.seconds(), report.documentsUnchanged(),
        report.documentsDeleted(), report.rejected().size()));
    if (!report.rejected().isEmpty()) {
      Table table = Table.of("rejected document", "reason").limit(0, 70).limit(1, 80);
      for (Rejection r : report.rejected()) {
        table.row(r.uri(), r.reason());
      }
      context.print(table.render());
    }
    if (!report.truncated().isEmpty()) {
      context.println("Indexed in part (damaged or too long): " + String.join(", ", report.truncated()));
    }
    context.out().flush();
  }

}
