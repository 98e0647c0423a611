package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.InputStream;
import java.net.URL;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optimized copy of the real bge-small model: written once, reopened, same vectors as the original. */
class OptimizedModelCacheTest {
  private static byte[] model;
  private static URL resource;
  private static OrtEnvironment environment;

  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    OnnxNativeLibrary.prepare();
    environment = OrtEnvironment.getEnvironment();
    resource = BgeSmallEnV15QuantizedEmbeddingModel.class.getResource("/bge-small-en-v1.5-q.onnx");
    try (InputStream in = resource.openStream()) {
      model = in.readAllBytes();
    }
  }

  @AfterEach
  void clear() {
    System.clearProperty(OptimizedModelCache.PROPERTY);
  }

  private static OrtSession.SessionOptions options() {
    try {
      OrtSession.SessionOptions o = new OrtSession.SessionOptions();
      o.setIntraOpNumThreads(1);
      o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return o;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void withoutThePropertyNothingIsCached() throws Exception {
    assertThat(OptimizedModelCache.forModel("bge", resource, environment)).isEmpty();
  }

  @Test
  void theOptimizedCopyIsWrittenOnceAndGivesTheOriginalsVectors() throws Exception {
    System.setProperty(OptimizedModelCache.PROPERTY, dir.resolve("models").toString());
    OptimizedModelCache cache = OptimizedModelCache.forModel("bge", resource, environment).orElseThrow();

    Optional<OptimizedModelCache.Opened> first = cache.open(environment, () -> model, OptimizedModelCacheTest::options);
    assertThat(first).isPresent();
    List<Path> files = files();
    assertThat(files).hasSize(1);
    assertThat(files.getFirst().getFileName().toString()).startsWith("bge-" + model.length + "-").endsWith(".ort");
    long written = Files.getLastModifiedTime(files.getFirst()).toMillis();

    try (OrtSession original = environment.createSession(model, options());
         OrtSession cached = first.get().session();
         // A hit never reads (inflates) the original model.
         OrtSession reopened = cache.open(environment, () -> {
           throw new AssertionError("the original model was read although its optimized copy exists");
         }, OptimizedModelCacheTest::options).orElseThrow().session()) {
      assertThat(files()).containsExactlyElementsOf(files);
      assertThat(Files.getLastModifiedTime(files.getFirst()).toMillis()).isEqualTo(written);
      // [CLS] "audit records must be retained for three years" [SEP], and random sequences up to the model's 512.
      long[][] inputs = {{101, 15727, 2636, 2442, 2022, 6025, 2005, 2093, 2086, 102}, random(3), random(33), random(180),
          random(512)};
      for (long[] ids : inputs) {
        float[] expected = cls(original, ids);
        assertThat(cls(cached, ids)).containsExactly(expected);
        assertThat(cls(reopened, ids)).containsExactly(expected);
      }
    }
  }

  /** A cache in {@code dir} that has written its optimized copy of the model (opened once). */
  private OptimizedModelCache cacheWithItsCopy() throws Exception {
    System.setProperty(OptimizedModelCache.PROPERTY, dir.toString());
    OptimizedModelCache cache = OptimizedModelCache.forModel("bge", resource, environment).orElseThrow();
    openAndClose(cache);
    return cache;
  }

  private void openAndClose(OptimizedModelCache cache) throws Exception {
    cache.open(environment, () -> model, OptimizedModelCacheTest::options).orElseThrow().session().close();
  }

  @Test
  void writingTheCopyRemovesTheSameModelsCopyInOnnxFormat() throws Exception {
    OptimizedModelCache cache = cacheWithItsCopy();
    Path copy = files().getFirst();
    Path older = copy.resolveSibling(copy.getFileName().toString().replace(".ort", ".onnx"));
    Files.write(older, new byte[] {1, 2, 3});
    Files.delete(copy);

    openAndClose(cache);
    assertThat(files()).containsExactly(copy);
  }

  @Test
  void aDamagedCopyIsDroppedAndTheCallerFallsBack() throws Exception {
    OptimizedModelCache cache = cacheWithItsCopy();
    Path file = files().getFirst();
    Files.write(file, new byte[] {1, 2, 3});

    assertThat(cache.open(environment, () -> new byte[0], OptimizedModelCacheTest::options)).isEmpty();
    assertThat(file).doesNotExist();
  }

  private List<Path> files() throws Exception {
    Path models = Files.isDirectory(dir.resolve("models")) ? dir.resolve("models") : dir;
    try (Stream<Path> s = Files.list(models)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static long[] random(int n) {
    java.util.Random r = new java.util.Random(7 + n);
    long[] ids = new long[n];
    for (int i = 1; i < n - 1; i++) {
      ids[i] = 1000 + r.nextInt(28_000);
    }
    ids[0] = 101;
    ids[n - 1] = 102;
    return ids;
  }

  private static float[] cls(OrtSession session, long[] ids) throws Exception {
    long[] shape = {1, ids.length};
    long[] mask = new long[ids.length];
    Arrays.fill(mask, 1L);
    try (OnnxTensor a = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
         OnnxTensor b = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
         OnnxTensor c = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape);
         OrtSession.Result r = session.run(Map.of("input_ids", a, "attention_mask", b, "token_type_ids", c))) {
      float[] cls = new float[384];
      ((OnnxTensor) r.get(0)).getFloatBuffer().get(0, cls);
      return cls;
    }
  }
}
