package dev.egretta.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.egretta.lucene.BenchmarkHooks;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The embedding-only reference: the bge-small-en-v1.5-q model file (from the LangChain4j jar) alone,
 * on raw ONNX Runtime, embedding a list of texts in the fastest arrangement known for this kind of
 * machine: one caller thread per core, each ONNX session call on one intra-op thread (measured here: about 4,400 tokens/s on 2 cores, and slower with more threads), texts
 * sorted by length and run in padded batches of up to {@code batch} (1 = one text per call), tokenized by
 * the same Java WordPiece tokenizer as Egretta's (14x faster than DJL's binding of Hugging Face's, which
 * this reference used before). No parsing, chunking or indexing: the physical limit of the machine for
 * this model.
 */
final class EmbeddingReference {
  private static final int DIMENSION = 384;
  private static final int MAX_BATCH_TOKENS = 4096;

  private EmbeddingReference() {}

  static Map<String, Object> embed(List<String> texts, int threads, int batch) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    ClassLoader loader = EmbeddingReference.class.getClassLoader();
    OrtSession session;
    try (InputStream model = loader.getResourceAsStream("bge-small-en-v1.5-q.onnx")) {
      if (model == null) {
        throw new IllegalStateException("bge-small-en-v1.5-q model files are not on the class path");
      }
      session = env.createSession(model.readAllBytes(), options);
    }
    Function<String, long[]> tokenizer = BenchmarkHooks.builtInTokenizer();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long tokens = 0;
    try {
      long t1 = System.nanoTime();
      long[][] encodings = texts.parallelStream().map(tokenizer).toArray(long[][]::new);
      Integer[] order = IntStream.range(0, encodings.length).boxed().toArray(Integer[]::new);
      Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].length));
      List<Future<Integer>> futures = new ArrayList<>();
      int from = 0;
      while (from < order.length) {
        int to = from + 1;
        while (to < order.length && to - from < batch
            && (to - from + 1) * encodings[order[to]].length <= MAX_BATCH_TOKENS) {
          to++;
        }
        List<long[]> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
          rows.add(encodings[order[i]]);
        }
        futures.add(pool.submit(() -> run(env, session, rows)));
        from = to;
      }
      int embedded = 0;
      for (Future<Integer> f : futures) {
        embedded += f.get();
      }
      long t2 = System.nanoTime();
      for (long[] e : encodings) {
        tokens += e.length;
      }
      if (embedded != texts.size()) {
        throw new IllegalStateException("embedded " + embedded + " of " + texts.size() + " texts");
      }
      out.put("texts", embedded);
      out.put("tokens", tokens);
      out.put("threads", threads);
      out.put("batch", batch);
      out.put("loadSeconds", (t1 - t0) / 1e9);
      out.put("embedSeconds", (t2 - t1) / 1e9);
      out.put("totalSeconds", (t2 - t0) / 1e9);
    } finally {
      pool.shutdownNow();
      session.close();
    }
    return out;
  }

  private static int run(OrtEnvironment env, OrtSession session, List<long[]> batch) throws OrtException {
    int rows = batch.size();
    int length = batch.stream().mapToInt(e -> e.length).max().orElse(0);
    long[] ids = new long[rows * length];
    long[] mask = new long[rows * length];
    long[] types = new long[rows * length];
    for (int r = 0; r < rows; r++) {
      long[] rowIds = batch.get(r);
      System.arraycopy(rowIds, 0, ids, r * length, rowIds.length);
      Arrays.fill(mask, r * length, r * length + rowIds.length, 1L);
    }
    long[] shape = {rows, length};
    try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor typeTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
        OrtSession.Result result =
            session.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor))) {
      FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] cls = new float[DIMENSION];
      for (int r = 0; r < rows; r++) {
        hidden.get(r * length * DIMENSION, cls);
      }
      return rows;
    }
  }
}
