package dev.egretta.lucene;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * A copy of an ONNX model with ONNX Runtime's graph optimizations already applied, kept in the folder
 * named by the system property {@value #PROPERTY} (the {@code egretta} launcher sets it to
 * {@code ~/.cache/egretta/models}; without it nothing is cached). Optimizing bge-small's graph costs
 * 200-350 ms of CPU in every fresh process; opening the optimized copy costs 60-120 ms, and it gives
 * the same vectors to the last bit (measured on 200 texts).
 *
 * <p>The copy keeps only the portable ("extended") optimizations; the session that opens it applies the
 * hardware-specific rest itself, so a cache folder shared between machines stays correct. It is keyed
 * by the model's length and CRC-32 and ONNX Runtime's version, written once under a temporary name and
 * renamed. Any failure here falls back to the original model: the cache may only save time.
 */
final class OptimizedModelCache {
  static final String PROPERTY = "egretta.modelCache";
  private static final System.Logger LOG = System.getLogger(OptimizedModelCache.class.getName());

  private final Path file;

  private OptimizedModelCache(Path file) {
    this.file = file;
  }

  /**
   * The cache for the model at {@code resource}, or empty when the property is not set. A model inside a
   * jar is keyed by its entry's size and CRC-32, so a cache hit never inflates the 34 MB entry.
   */
  static Optional<OptimizedModelCache> forModel(String name, URL resource, OrtEnvironment environment)
      throws IOException {
    String dir = System.getProperty(PROPERTY, "");
    if (dir.isBlank()) {
      return Optional.empty();
    }
    long length;
    long crc;
    if (resource.openConnection() instanceof JarURLConnection jar && jar.getJarEntry().getCrc() != -1) {
      length = jar.getJarEntry().getSize();
      crc = jar.getJarEntry().getCrc();
    } else {
      byte[] model;
      try (InputStream in = resource.openStream()) {
        model = in.readAllBytes();
      }
      CRC32 sum = new CRC32();
      sum.update(model);
      length = model.length;
      crc = sum.getValue();
    }
    String version = environment.getVersion().replaceAll("[^0-9A-Za-z.]", "_");
    String key = "%s-%d-%08x-ort%s.onnx".formatted(name, length, crc, version);
    return Optional.of(new OptimizedModelCache(Path.of(dir).resolve(key)));
  }

  /**
   * A session over the cached optimized copy, creating the copy first if there is none; empty when
   * either step failed (the caller then opens the original model).
   */
  Optional<OrtSession> open(OrtEnvironment environment, Supplier<byte[]> model, OrtSession.SessionOptions options) {
    if (!Files.isRegularFile(file)) {
      write(environment, model.get());
    }
    if (Files.isRegularFile(file)) {
      try {
        return Optional.of(environment.createSession(file.toString(), options));
      } catch (OrtException e) {
        LOG.log(System.Logger.Level.DEBUG, "cannot open the optimized model " + file + "; using the original", e);
        deleteQuietly(file);
      }
    }
    return Optional.empty();
  }

  private void write(OrtEnvironment environment, byte[] model) {
    Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try (OrtSession.SessionOptions extended = new OrtSession.SessionOptions()) {
      Files.createDirectories(file.getParent());
      extended.setIntraOpNumThreads(1);
      extended.setInterOpNumThreads(1);
      extended.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
      extended.setOptimizedModelFilePath(tmp.toString());
      environment.createSession(model, extended).close();
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | OrtException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot write the optimized model " + file, e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // Nothing more to do: the next run tries again.
    }
  }
}
