package dev.egretta.cli;

import dev.egretta.eval.BeirEvaluator;
import dev.egretta.eval.EvalPipeline;
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
        "Without --retriever and --rerank it evaluates what the engine does (its default retrieval and reranking); "
            + "each option replaces that part.",
        "--json prints {\"ndcg@10\", \"recall@10\", \"recall@100\", \"mrr@10\", \"queries\"}."})
final class EvalCommand implements Callable<Integer> {
  /** The retrievers that can be evaluated. */
  enum Retriever { bm25, dense, hybrid }

  /** The reranking stages that can be evaluated. */
  enum Rerank { none, builtin }

  @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "The BEIR dataset directory.")
  Path dataset;

  @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "test", description = "qrels split (default test).")
  String split;

  @Option(names = "--retriever", paramLabel = "bm25|dense|hybrid",
      description = "The retrieval: BM25 only, vectors only, or both fused (default: the engine's, hybrid).")
  Retriever retriever;

  @Option(names = "--rerank", paramLabel = "none|builtin",
      description = "The reranking stage: none or the built-in reranker (default: the engine's, see core/README.md).")
  Rerank rerank;

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
    EvalPipeline pipeline = EvalPipeline.of(retriever == null ? null : retriever.name(), rerank == null ? null : rerank.name());
    if (backend.elasticsearch()) {
      if (rerank == Rerank.builtin) {
        throw new CliFailure("--rerank builtin is evaluated on the Lucene backend only; drop it or --backend elasticsearch");
      }
      // The cluster ranks with the same fusion; the reranker is the engine's, so it is not part of a backend's figure.
      RetrieverKind kind = retriever == null ? RetrieverKind.HYBRID : RetrieverKind.valueOf(retriever.name().toUpperCase(Locale.ROOT));
      print(datasetDir, kind.name().toLowerCase(Locale.ROOT),
          ElasticsearchEval.evaluate(context, backend, datasetDir, split, kind, json.json));
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
      print(datasetDir, pipeline.name(), eval.evaluate(pipeline));
    }
    return Egretta.OK;
  }

  private void print(Path datasetDir, String pipeline, Metrics metrics) {
    if (json.json) {
      context.println(metrics.toJson());
    } else {
      Table table = Table.of("dataset", "split", "retriever", "nDCG@10", "Recall@10", "Recall@100", "MRR@10", "queries")
          .right(3, 4, 5, 6, 7);
      table.row(datasetDir.getFileName(), split, pipeline, f(metrics.ndcg10()), f(metrics.recall10()),
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
