package dev.egretta.lucene;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.egretta.core.ConfigurationException;
import dev.egretta.core.EgrettaException;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * bge-small-en-v1.5 (int8-quantized ONNX, the model file shipped in LangChain4j's jar) run directly
 * on ONNX Runtime, tokenized by {@link WordPieceTokenizer}. CLS pooling, unit vectors. Queries are
 * embedded as they are, without bge's optional instruction prefix ("Represent this sentence for
 * searching relevant passages: "): with the score calibration, fusion and answerability refitted both
 * ways, the bare question won the relevance fit (ObliQA's fit part better, SciFact train level) and
 * takes about 8 fewer tokens per question (core/README.md, "The query instruction").
 *
 * <p>One session with one intra-op thread. Passages are embedded <em>one text per call</em> by
 * {@code threads} workers. The model quantizes its activations dynamically, per call: in a padded
 * batch every text shares the scale of the batch's extremes, so a passage's vector depended on its
 * neighbours (cosine to a query moved by 0.01) and padding cost work. One text per call gives each
 * passage the same vector wherever it is embedded, and was 1.3-1.5x faster on 2 cores (LangChain4j's
 * own {@code embedAll} runs one text per call with ONNX's default thread count, so two of its callers oversubscribe them).
 *
 * <p>A query runs on the caller's thread, on the same one-thread session. (A second session with two
 * intra-op threads for lone queries, kept for a day, cut a question's embedding from 5.8-6.4 to
 * 4.4-4.9 ms where the CPU lacks AVX2, and gave nothing with AVX2; it loaded in the background at a
 * process's second question, and a JVM that exited meanwhile crashed in ONNX Runtime, whose own
 * shutdown hook frees the environment the load was using: retrieval-lucene/README.md, "Embedding".)
 *
 * <p>The tokenizer and the session load on background threads from construction, so a caller can
 * open its index meanwhile; {@link #awaitReady()} waits for them and reports a load failure. With the
 * system property {@value OptimizedModelCache#PROPERTY} set, the session opens a cached copy of the
 * model with its graph already optimized ({@link OptimizedModelCache}).
 */
final class OnnxBgeEmbedder implements Embedder, AutoCloseable {
  private static final int DIMENSION = 384;
  private static final String MODEL = "/bge-small-en-v1.5-q.onnx";
  /** The model's longest input, [CLS] and [SEP] included; longer texts are cut (as Hugging Face's truncation does). */
  static final int MAX_TOKENS = 512;

  /** Loading ONNX Runtime's native library takes a fifth of a second, so it happens off the caller's thread too. */
  private final CompletableFuture<OrtEnvironment> environment;
  private final CompletableFuture<WordPieceTokenizer> tokenizer;
  private final CompletableFuture<Loaded> session;
  private final ExecutorService workers;
  private final int threads;
  /**
   * Whether ONNX Runtime repacks the int8 weights for its matrix kernels when a session opens: a
   * session then opens in 130-160 ms instead of 70-100 and each call takes 3.3-4.4 ms instead of
   * 4.6-5.3 (one thread, a 20-token question, vectors identical to the bit; throwaway harness on
   * the mapped optimized model), so only a process that embeds a few texts and exits goes without.
   */
  private final boolean repackWeights;
  /** The process-wide instance once it exists (see {@link #awaitBackgroundLoad}). */
  private static volatile OnnxBgeEmbedder created;

  /** @param oneOffRun a process that embeds a few texts and exits: weights not repacked */
  OnnxBgeEmbedder(int threads, boolean oneOffRun) {
    this.threads = threads;
    this.repackWeights = !oneOffRun;
    ExecutorService loaders = Executors.newThreadPerTaskExecutor(
        Thread.ofPlatform().daemon().name("egretta-model-load-", 0).factory());
    tokenizer = CompletableFuture.supplyAsync(OnnxBgeEmbedder::readTokenizer, loaders);
    environment = CompletableFuture.supplyAsync(() -> {
      OnnxNativeLibrary.prepare();
      return OrtEnvironment.getEnvironment();
    }, loaders);
    session = environment.thenApplyAsync(this::createSession, loaders);
    CompletableFuture.allOf(tokenizer, session).whenComplete((ok, failure) -> loaders.shutdown());
    workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("egretta-embed").factory());
    created = this;
  }

  /**
   * Waits, at most {@code max}, until the background load of the process-wide model (if one was
   * started) has ended. ONNX Runtime closes its native environment in a shutdown hook of its own,
   * which runs concurrently with every other hook: a JVM that began to exit while a background
   * thread was inside {@code OrtSession.createSession} crashed with SIGSEGV. A program that exits
   * soon after opening an index (a command-line run that fails) calls this before {@code System.exit}.
   */
  static void awaitBackgroundLoad(Duration max) {
    OnnxBgeEmbedder e = created;
    if (e == null) {
      return;
    }
    try {
      CompletableFuture.allOf(e.session, e.tokenizer).handle((ok, failure) -> null)
          .get(max.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException ignored) {
      // Waited as long as allowed.
    }
  }

  /** The model's tokenizer, read from the model jar's {@code tokenizer.json} (without loading the model). */
  static WordPieceTokenizer readTokenizer() {
    try (InputStream vocabulary = resource("/bge-small-en-v1.5-q-tokenizer.json")) {
      return WordPieceTokenizer.read(vocabulary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = BgeSmallEnV15QuantizedEmbeddingModel.class.getResourceAsStream(name);
    if (in == null) {
      throw new ConfigurationException("the bge-small-en-v1.5-q model file " + name + " is missing from the classpath");
    }
    return in;
  }

  /**
   * A session and the mapped optimized copy it runs on, when it came from {@link OptimizedModelCache}
   * (held here so that the bytes stay reachable while the session is used).
   */
  private record Loaded(OrtSession session, MappedByteBuffer weights) {}

  private Loaded createSession(OrtEnvironment env) {
    try {
      Supplier<OrtSession.SessionOptions> options = () -> {
        try {
          OrtSession.SessionOptions o = new OrtSession.SessionOptions();
          o.setIntraOpNumThreads(1);
          o.setInterOpNumThreads(1);
          o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
          if (!repackWeights) {
            o.addConfigEntry("session.disable_prepacking", "1");
          }
          return o;
        } catch (OrtException e) {
          throw new ConfigurationException("cannot configure ONNX Runtime: " + e.getMessage(), e);
        }
      };
      URL url = BgeSmallEnV15QuantizedEmbeddingModel.class.getResource(MODEL);
      if (url == null) {
        throw new ConfigurationException("the bge-small-en-v1.5-q model file " + MODEL + " is missing from the classpath");
      }
      // Read (inflated from the jar) only when the optimized copy is missing or not wanted.
      Supplier<byte[]> model = () -> {
        try (InputStream in = url.openStream()) {
          return in.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };
      Optional<OptimizedModelCache.Opened> cached =
          OptimizedModelCache.forModel(id(), url, env).flatMap(c -> c.open(env, model, options));
      if (cached.isPresent()) {
        return new Loaded(cached.get().session(), cached.get().weights());
      }
      try (OrtSession.SessionOptions o = options.get()) {
        return new Loaded(env.createSession(model.get(), o), null);
      }
    } catch (OrtException | IOException e) {
      throw new ConfigurationException("cannot load the bge-small-en-v1.5-q embedding model: " + e.getMessage(), e);
    }
  }

  /** Read once, when {@link Shared} creates the instance. */
  private static volatile boolean oneOffRun;

  private static final class Shared {
    static final OnnxBgeEmbedder INSTANCE =
        new OnnxBgeEmbedder(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), oneOffRun);
  }

  /** The process-wide instance (the model is loaded once, about 35 MB). */
  static OnnxBgeEmbedder shared() {
    return Shared.INSTANCE;
  }

  /**
   * The process-wide instance, created for a process that embeds a few texts and exits (see
   * {@link #repackWeights}) unless it exists already.
   */
  static OnnxBgeEmbedder sharedForOneOffRun() {
    oneOffRun = true;
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
  public void awaitReady() {
    ready(tokenizer);
    ready(session);
  }

  private static <T> T ready(CompletableFuture<T> part) {
    try {
      return part.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConfigurationException ce) {
        throw ce;
      }
      throw new ConfigurationException("cannot load the bge-small-en-v1.5-q embedding model: " + cause.getMessage(), cause);
    }
  }

  @Override
  public TokenCounter tokenCounter() {
    return text -> ready(tokenizer).count(text);
  }

  @Override
  public float[] embedQuery(String query) {
    long[] ids = ready(tokenizer).encode(query, MAX_TOKENS);
    return infer(ready(session).session(), ids);
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    return embedAll(ready(session).session(), ready(tokenizer), texts);
  }

  private List<float[]> embedAll(OrtSession model, WordPieceTokenizer words, List<String> texts) {
    float[][] out = new float[texts.size()][];
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < out.length && !stop.get(); i = next.getAndIncrement()) {
        out[i] = infer(model, words.encode(texts.get(i), MAX_TOKENS));
      }
    };
    if (threads == 1 || texts.size() == 1) {
      worker.run();
      return Arrays.asList(out);
    }
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < Math.min(threads, texts.size()); t++) {
      futures.add(workers.submit(worker));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EgrettaException("interrupted while embedding", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof EgrettaException ee ? ee : new EgrettaException("embedding failed: " + cause.getMessage(), cause);
    } finally {
      stop.set(true);
    }
    return Arrays.asList(out);
  }

  /** One text (token ids with [CLS] and [SEP]) through the model: its normalised [CLS] vector. */
  private float[] infer(OrtSession session, long[] ids) {
    OrtEnvironment environment = this.environment.join();
    long[] mask = new long[ids.length];
    Arrays.fill(mask, 1L);
    long[] shape = {1, ids.length};
    try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape);
        OrtSession.Result result =
            session.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor))) {
      FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] cls = new float[DIMENSION];
      hidden.get(0, cls);
      return Embedder.normalise(cls);
    } catch (OrtException e) {
      throw new EgrettaException("embedding failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
