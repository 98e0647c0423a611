package dev.egretta.eval;

import dev.egretta.lucene.Fusion;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.RetrieverKind;
import java.nio.file.Path;

/** Command-line options of the evaluation mains. */
record EvalArgs(Path dataset, String split, EvalPipeline pipeline, Path index, boolean json, boolean latency, LuceneConfig config) {

  /** The kind of evidence evaluated. */
  RetrieverKind retriever() {
    return pipeline.kind();
  }

  /** The arguments of a command-line main; on a bad one, its message on stderr and exit code 2. */
  static EvalArgs parseOrExit(String[] args) {
    try {
      return parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      throw e; // not reached
    }
  }

  static EvalArgs parse(String[] args) {
    Path dataset = null;
    String split = "test";
    String retriever = null;
    String rerank = null;
    Path index = null;
    boolean json = false;
    boolean latency = false;
    LuceneConfig.Builder config = LuceneConfig.builder();
    LuceneConfig defaults = LuceneConfig.defaults();
    double k1 = defaults.bm25K1();
    double b = defaults.bm25B();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--dataset" -> dataset = Path.of(value(args, ++i, a));
        case "--split" -> split = value(args, ++i, a);
        case "--retriever" -> retriever = value(args, ++i, a);
        case "--rerank" -> rerank = value(args, ++i, a);
        case "--index" -> index = Path.of(value(args, ++i, a));
        case "--json" -> json = true;
        case "--latency" -> latency = true;
        case "--int8" -> config.int8Quantization(true);
        case "--fusion" -> config.fusion(Fusion.parse(value(args, ++i, a)));
        case "--chunk-tokens" -> config.chunkTokens(integer(value(args, ++i, a), a));
        case "--overlap-tokens" -> config.chunkOverlapTokens(integer(value(args, ++i, a), a));
        case "--k1" -> k1 = number(value(args, ++i, a), a);
        case "--b" -> b = number(value(args, ++i, a), a);
        case "--proximity" -> config.bm25Proximity(number(value(args, ++i, a), a));
        case "--proximity-slop" -> config.bm25ProximitySlop(integer(value(args, ++i, a), a));
        default -> throw new IllegalArgumentException("unknown option " + a
            + "; usage: --dataset DIR [--split test] [--retriever bm25|dense|hybrid] [--rerank none|builtin] [--index DIR] [--json]"
            + " [--latency] [--int8] [--fusion rrf|convex] [--chunk-tokens N] [--overlap-tokens N] [--k1 K] [--b B] [--proximity W]"
            + " [--proximity-slop N]");
      }
    }
    if (dataset == null) {
      throw new IllegalArgumentException("--dataset DIR is required");
    }
    config.bm25(k1, b);
    return new EvalArgs(dataset, split, EvalPipeline.of(retriever, rerank), index, json, latency, config.build());
  }

  private static double number(String value, String option) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number; got '" + value + "'");
    }
  }

  private static int integer(String value, String option) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number; got '" + value + "'");
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
