package dev.egretta.cli;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.cli.demo.DemoCorpus;
import dev.egretta.core.Engine;
import dev.egretta.core.Organisation;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.LocalFolderSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code egretta demo}: writes a small sample corpus of policy PDFs, indexes it, asks a question and a
 * follow-up in the same session, and prints the cited answers. No network, no configuration.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Show Egretta end to end, offline: write three sample policy PDFs (two domains, four pages each), "
        + "index them, ask a question and a follow-up in the same session, and print the cited answers.",
        "--json prints {\"corpus\", \"documents\", \"index\", \"answers\": [<Egret query response>, ...]}."})
final class DemoCommand implements Callable<Integer> {
  static final String DOMAIN = "business-continuity";
  static final String CATEGORY = "us";
  static final String QUESTION = "What is the recovery time objective for payment processing?";
  static final String FOLLOW_UP = "And for online banking?";

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Where the demo keeps its corpus, index and sessions (default: $EGRETTA_HOME/demo, else ./egretta-data/demo).")
  Path dir;

  @Mixin JsonOption json;

  private final Context context;

  DemoCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Path home = dir == null ? context.home().resolve("demo") : context.resolve(dir);
    Path corpus = home.resolve("corpus");
    Path indexDir = home.resolve("index");
    List<DemoCorpus.Document> documents = DemoCorpus.write(corpus);
    int pages = documents.stream().mapToInt(DemoCorpus.Document::pages).sum();
    if (!json.json) {
      context.println("Egretta demo: an embedded RAG engine answering from PDFs with cited pages (offline).");
      context.println("");
      context.println("1. Sample corpus: " + documents.size() + " policy PDFs of a fictional bank, " + pages
          + " pages, in " + corpus);
      Table table = Table.of("domain", "category", "document", "pages").right(3);
      documents.forEach(d -> table.row(d.domain(), d.category(), corpus.relativize(d.path()), d.pages()));
      context.print(indent(table.render()));
    }

    IndexOption index = new IndexOption();
    index.index = indexDir;
    IngestReport report;
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(indexDir);
         IngestProgress progress = IngestProgress.forContext(context, json.json, "Indexing")) {
      report = kb.ingest(LocalFolderSource.of(corpus), IngestOptions.publicLibrary().withSync(),
          IngestProgress.listener(progress));
    }
    if (!json.json) {
      context.println("");
      context.println("2. Index: " + indexDir);
      context.print("   ");
      IndexCommand.print(context, report, false);
    }

    QueryResponse first;
    QueryResponse second;
    try (OpenEngine open = OpenEngine.open(context, index, new GeneratorOptions(), new S3Options(), false)) {
      Engine engine = open.engine();
      ValidatedQuery q1 = ValidatedQuery.of(QUESTION, DOMAIN, CATEGORY, Mode.COMPLIANCE);
      first = engine.query(q1, Organisation.LOCAL);
      ValidatedQuery q2 = ValidatedQuery.of(FOLLOW_UP, DOMAIN, CATEGORY, Mode.COMPLIANCE)
          .withSessionId(UUID.fromString(first.sessionId()));
      second = engine.query(q2, Organisation.LOCAL);
    }

    if (json.json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("corpus", corpus.toString());
      out.put("documents", documents.stream().map(d -> Map.of("path", d.path().toString(), "title", d.title(),
          "domain", d.domain(), "category", d.category(), "pages", d.pages())).toList());
      out.put("index", report.toJsonMap());
      out.put("answers", List.of(first, second));
      context.printJson(out);
      return Egretta.OK;
    }
    context.println("");
    context.println("3. Question (" + DOMAIN + " / " + CATEGORY + ", compliance mode):");
    context.println("   > " + QUESTION);
    context.println("");
    context.print(Render.answer(first));
    context.println("");
    context.println("4. Follow-up in the same session (" + first.sessionId() + "):");
    context.println("   > " + FOLLOW_UP);
    context.println("");
    context.print(Render.answer(second));
    context.println("");
    context.println("Next: ask your own questions of the demo index, e.g.");
    context.println("  bin/egretta ask --index " + indexDir + " --domain information-security --category us \\");
    context.println("      \"Is multi-factor authentication required for remote access?\"");
    return Egretta.OK;
  }

  private static String indent(String text) {
    return text.lines().map(l -> "   " + l).reduce(new StringBuilder(), (sb, l) -> sb.append(l).append('\n'),
        StringBuilder::append).toString();
  }
}
