package dev.egretta.lucene;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.egretta.core.ConfigurationException;
import dev.egretta.core.EgrettaException;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * bge-small-en-v1.5 (int8-quantized ONNX, the model file shipped in LangChain4j's jar) run directly
 * on ONNX Runtime: one session with one intra-op thread, called from {@code threads} worker threads
 * with length-sorted, padded batches. On 2 cores this is the fastest arrangement measured (DESIGN
 * §5); LangChain4j's own {@code embedAll} oversubscribes the cores. CLS pooling, unit vectors;
 * queries get bge's instruction prefix, passages do not.
 */
final class OnnxBgeEmbedder implements Embedder, AutoCloseable {
  static final String QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";
  private static final int DIMENSION = 384;
  private static final int MAX_BATCH = 16;
  private static final int MAX_BATCH_TOKENS = 4096;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final ExecutorService workers;
  private final int threads;

  private OnnxBgeEmbedder(int threads) {
    this.threads = threads;
    Class<?> anchor = BgeSmallEnV15QuantizedEmbeddingModel.class;
    try (InputStream model = anchor.getResourceAsStream("/bge-small-en-v1.5-q.onnx");
        InputStream vocabulary = anchor.getResourceAsStream("/bge-small-en-v1.5-q-tokenizer.json")) {
      if (model == null || vocabulary == null) {
        throw new ConfigurationException("bge-small-en-v1.5-q model files are missing from the classpath");
      }
      tokenizer = HuggingFaceTokenizer.newInstance(
          vocabulary, Map.of("padding", "false", "truncation", "true", "maxLength", "512"));
      environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = environment.createSession(model.readAllBytes(), options);
    } catch (IOException | OrtException e) {
      throw new ConfigurationException("cannot load the bge-small-en-v1.5-q embedding model: " + e.getMessage(), e);
    }
    workers = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "egretta-embed");
      t.setDaemon(true);
      return t;
    });
  }

  private static final class Shared {
    static final OnnxBgeEmbedder INSTANCE =
        new OnnxBgeEmbedder(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
  }

  /** The process-wide instance (the model is loaded once, about 35 MB). */
  static OnnxBgeEmbedder shared() {
    return Shared.INSTANCE;
  }

  @Override
  public String id() {
    return "bge-small-en-v1.5-q";
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public TokenCounter tokenCounter() {
    return text -> tokenizer.encode(text, false, false).getIds().length;
  }

  @Override
  public float[] embedQuery(String query) {
    Encoding encoding = tokenizer.encode(QUERY_PREFIX + query);
    return run(List.of(encoding)).get(0);
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    Encoding[] encodings = tokenizer.batchEncode(texts);
    Integer[] order = IntStream.range(0, encodings.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
    List<int[]> batches = new ArrayList<>();
    int from = 0;
    while (from < order.length) {
      int to = from + 1;
      while (to < order.length && to - from < MAX_BATCH
          && (to - from + 1) * encodings[order[to]].getIds().length <= MAX_BATCH_TOKENS) {
        to++;
      }
      batches.add(new int[] {from, to});
      from = to;
    }
    float[][] out = new float[texts.size()][];
    List<Future<?>> futures = new ArrayList<>();
    for (int[] b : batches) {
      Runnable task = () -> {
        List<Encoding> batch = new ArrayList<>();
        for (int i = b[0]; i < b[1]; i++) {
          batch.add(encodings[order[i]]);
        }
        List<float[]> vectors = run(batch);
        for (int i = b[0]; i < b[1]; i++) {
          out[order[i]] = vectors.get(i - b[0]);
        }
      };
      if (threads == 1 || batches.size() == 1) {
        task.run();
      } else {
        futures.add(workers.submit(task));
      }
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EgrettaException("interrupted while embedding", e);
      } catch (ExecutionException e) {
        throw new EgrettaException("embedding failed: " + e.getCause().getMessage(), e.getCause());
      }
    }
    return Arrays.asList(out);
  }

  private List<float[]> run(List<Encoding> batch) {
    int rows = batch.size();
    int length = batch.stream().mapToInt(e -> e.getIds().length).max().orElse(0);
    long[] ids = new long[rows * length];
    long[] mask = new long[rows * length];
    long[] types = new long[rows * length];
    for (int r = 0; r < rows; r++) {
      Encoding e = batch.get(r);
      long[] rowIds = e.getIds();
      System.arraycopy(rowIds, 0, ids, r * length, rowIds.length);
      Arrays.fill(mask, r * length, r * length + rowIds.length, 1L);
    }
    long[] shape = {rows, length};
    try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
        OrtSession.Result result =
            session.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor))) {
      FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
      List<float[]> vectors = new ArrayList<>(rows);
      for (int r = 0; r < rows; r++) {
        float[] cls = new float[DIMENSION];
        hidden.get(r * length * DIMENSION, cls);
        vectors.add(Embedder.normalise(cls));
      }
      return vectors;
    } catch (OrtException e) {
      throw new EgrettaException("embedding failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
