package dev.egretta.cli;

import dev.egretta.eval.BeirEvaluator;
import dev.egretta.eval.Metrics;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.RetrieverKind;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code egretta eval}: retrieval relevance over a BEIR dataset (nDCG@10, Recall@10/100, MRR@10). */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measure retrieval relevance over a BEIR dataset (corpus.jsonl, queries.jsonl, qrels/<split>.tsv). "
        + "The dataset's index is built on the first run and reused after (it embeds nothing new).",
        "--json prints {\"ndcg@10\", \"recall@10\", \"recall@100\", \"mrr@10\", \"queries\"}."})
final class EvalCommand implements Callable<Integer> {
  /** The retrievers that can be evaluated. */
  enum Retriever { bm25, dense, hybrid }

  @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "The BEIR dataset directory.")
  Path dataset;

  @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test", description = "qrels split (default test).")
  String split;

  @Option(names = "--retriever", paramLabel = "bm25|dense|hybrid", defaultValue = "hybrid",
      description = "What to evaluate: BM25 only, vectors only, or both fused (default hybrid).")
  Retriever retriever;

  @Option(names = "--index", paramLabel = "DIR",
      description = "The dataset's own index (default: <tmp>/egretta-eval/<dataset>-c<chunk>-o<overlap>); "
          + "never the index of 'egretta index'.")
  Path index;

  @Mixin JsonOption json;
  @Mixin BackendOptions backend;

  private final Context context;

  EvalCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Path datasetDir = context.resolve(dataset);
    if (!java.nio.file.Files.isDirectory(datasetDir)) {
      throw new CliFailure("no such dataset folder: " + datasetDir);
    }
    RetrieverKind kind = RetrieverKind.valueOf(retriever.name().toUpperCase(Locale.ROOT));
    if (backend.elasticsearch()) {
      print(datasetDir, ElasticsearchEval.evaluate(context, backend, datasetDir, split, kind, json.json));
      return Egretta.OK;
    }
    Path indexDir = index == null ? null : context.resolve(index);
    try (BeirEvaluator eval = BeirEvaluator.open(datasetDir, split, indexDir, LuceneConfig.defaults())) {
      if (!json.json) {
        context.note("Indexing " + datasetDir.getFileName() + " (" + eval.queryCount() + " " + split
            + " queries); a complete index is reused...");
      }
      try (PrintStream log = json.json ? null : lines(context.err())) {
        eval.index(log);
      }
      print(datasetDir, eval.evaluate(kind));
    }
    return Egretta.OK;
  }

  private void print(Path datasetDir, Metrics metrics) {
    if (json.json) {
      context.println(metrics.toJson());
    } else {
      Table table = Table.of("dataset", "split", "retriever", "nDCG@10", "Recall@10", "Recall@100", "MRR@10", "queries")
          .right(3, 4, 5, 6, 7);
      table.row(datasetDir.getFileName(), split, retriever, f(metrics.ndcg10()), f(metrics.recall10()),
          f(metrics.recall100()), f(metrics.mrr10()), metrics.queries());
      context.print(table.render());
      context.out().flush();
    }
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** A PrintStream whose lines go to {@code writer} (the evaluator logs progress lines to a stream). */
  private static PrintStream lines(PrintWriter writer) {
    OutputStream out = new OutputStream() {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public void write(int b) {
        if (b == '\n') {
          writer.println(line.toString(StandardCharsets.UTF_8));
          writer.flush();
          line.reset();
        } else {
          line.write(b);
        }
      }
    };
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }
}
