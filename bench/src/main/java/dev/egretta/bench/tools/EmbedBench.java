package dev.egretta.bench.tools;

import dev.egretta.lucene.BenchmarkHooks;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Embedding throughput of the built-in embedder (raw ONNX Runtime, 2 callers x 1 intra-op
 * thread, one text per call) against LangChain4j's own {@code embedAll} on the same texts.
 * {@code EmbedBench <text file, one passage per line> [count]}.
 */
public final class EmbedBench {
  private EmbedBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: EmbedBench <text file, one passage per line> [count]");
      System.exit(2);
    }
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 128;
    List<String> texts = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank()).limit(count).toList();
    BenchmarkHooks.embedPassagesWithBuiltInModel(texts.subList(0, Math.min(8, texts.size())));
    long t = System.nanoTime();
    BenchmarkHooks.embedPassagesWithBuiltInModel(texts);
    double oursSeconds = (System.nanoTime() - t) / 1e9;
    BgeSmallEnV15QuantizedEmbeddingModel lc4j = new BgeSmallEnV15QuantizedEmbeddingModel();
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    lc4j.embedAll(segments.subList(0, Math.min(8, segments.size())));
    t = System.nanoTime();
    lc4j.embedAll(segments);
    double lc4jSeconds = (System.nanoTime() - t) / 1e9;
    System.out.printf("%d texts: raw ONNX %.2f s (%.1f texts/s), LangChain4j embedAll %.2f s (%.1f texts/s)%n",
        texts.size(), oursSeconds, texts.size() / oursSeconds, lc4jSeconds, texts.size() / lc4jSeconds);
  }
}
