package dev.egretta.lucene;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * A copy of an ONNX model with ONNX Runtime's graph optimizations already applied, saved in ONNX Runtime's
 * own (flatbuffer) format, kept in the folder named by the system property {@value #PROPERTY} (the
 * {@code egretta} launcher sets it to {@code ~/.cache/egretta/models}; without it nothing is cached).
 * Optimizing bge-small's graph costs 200-350 ms of CPU in every fresh process. The copy is memory-mapped
 * and the session reads its graph and weights from the mapped bytes instead of parsing and copying them:
 * about 170 ms from file to session where the optimized copy in ONNX's protobuf format took 280-380 ms
 * (fresh JVMs, quiet machine). It gives the original model's vectors to the last bit
 * ({@code OptimizedModelCacheTest}).
 *
 * <p>The copy keeps only the portable ("extended") optimizations; the session that opens it applies the
 * hardware-specific rest itself, so a cache folder shared between machines stays correct. It is keyed
 * by the model's length and CRC-32 and ONNX Runtime's version (the format is only read by the version that
 * wrote it), written once under a temporary name and renamed, so a mapped copy is never rewritten in place.
 * Any failure here falls back to the original model: the cache may only save time.
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
    String key = "%s-%d-%08x-ort%s.ort".formatted(name, length, crc, version);
    return Optional.of(new OptimizedModelCache(Path.of(dir).resolve(key)));
  }

  /**
   * A session over the cached copy and the mapped bytes it runs on.
   *
   * @param weights the mapped copy; the session reads its weights from these bytes, so they must stay
   *     reachable as long as the session is used
   */
  record Opened(OrtSession session, MappedByteBuffer weights) {}

  /**
   * A session over the cached optimized copy, creating the copy first if there is none; empty when
   * either step failed (the caller then opens the original model).
   *
   * @param options the caller's session options, fresh for each call (they get the settings that load
   *     the copy from its mapped bytes)
   */
  Optional<Opened> open(OrtEnvironment environment, Supplier<byte[]> model, Supplier<OrtSession.SessionOptions> options) {
    if (!Files.isRegularFile(file)) {
      write(environment, model.get());
    }
    if (Files.isRegularFile(file)) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
          OrtSession.SessionOptions mapped = options.get()) {
        MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        mapped.addConfigEntry("session.load_model_format", "ORT");
        mapped.addConfigEntry("session.use_ort_model_bytes_directly", "1");
        mapped.addConfigEntry("session.use_ort_model_bytes_for_initializers", "1");
        return Optional.of(new Opened(environment.createSession(bytes, mapped), bytes));
      } catch (OrtException | IOException | RuntimeException e) {
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
      extended.addConfigEntry("session.save_model_format", "ORT");
      extended.setOptimizedModelFilePath(tmp.toString());
      environment.createSession(model, extended).close();
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      // The same model's copy in ONNX's format, written by earlier versions, is of no further use.
      String name = file.getFileName().toString();
      deleteQuietly(file.resolveSibling(name.substring(0, name.length() - ".ort".length()) + ".onnx"));
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
