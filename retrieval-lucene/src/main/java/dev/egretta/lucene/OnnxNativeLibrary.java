package dev.egretta.lucene;

import dev.egretta.core.internal.NativeLibraries;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Extracts ONNX Runtime's native libraries once per version into a cache folder and points ONNX
 * Runtime at it ({@code onnxruntime.native.path}), before anything loads it.
 *
 * <p>Left to itself, ONNX Runtime copies its 16 MB library into a new {@code onnxruntime-java*}
 * temporary folder in every JVM; a killed JVM leaves the copy behind, and several JVMs starting at
 * once each write their own. Here it is copied once ({@link NativeLibraries}) into
 * {@link NativeLibraries#cacheRoot()}, in a subfolder named after the platform and the libraries'
 * sizes and CRCs, so another ONNX Runtime version gets its own. A user who set {@code onnxruntime.native.path}
 * keeps it; when no cache folder can be written ONNX Runtime's own extraction is used, with a
 * warning.
 */
final class OnnxNativeLibrary {

  private static final System.Logger LOG = System.getLogger(OnnxNativeLibrary.class.getName());
  static final String NATIVE_PATH_PROPERTY = "onnxruntime.native.path";
  private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

  private static volatile boolean prepared;

  private OnnxNativeLibrary() {}

  /** Sets {@code onnxruntime.native.path} to the cached libraries, extracting them on first use. Idempotent. */
  static synchronized void prepare() {
    if (prepared) {
      return;
    }
    prepared = true;
    if (System.getProperty(NATIVE_PATH_PROPERTY) != null) {
      return;
    }
    Optional<String> platform = platform();
    if (platform.isEmpty()) {
      return;
    }
    try {
      Path folder = extract(NativeLibraries.cacheRoot(), platform.get());
      System.setProperty(NATIVE_PATH_PROPERTY, folder.toString());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "cannot cache ONNX Runtime's native library (" + e.getMessage()
          + "); it will be extracted to the temporary folder instead. Set EGRETTA_NATIVE_CACHE to a writable folder.");
    }
  }

  /** The folder holding the libraries for this platform and version: reused when present, else created. */
  static Path extract(Path cacheRoot, String platform) throws IOException {
    Map<String, URL> files = new LinkedHashMap<>();
    for (String library : LIBRARIES) {
      files.put(System.mapLibraryName(library), resource(platform, library));
    }
    return NativeLibraries.extract(cacheRoot, "onnxruntime-" + platform, files);
  }

  /** ONNX Runtime's own name for this platform's resource folder, when we know it. */
  static Optional<String> platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "osx"
        : os.contains("win") ? "win" : null;
    String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "aarch64" : null;
    return o == null || a == null ? Optional.empty() : Optional.of(o + "-" + a);
  }

  private static URL resource(String platform, String library) throws IOException {
    String name = "/ai/onnxruntime/native/" + platform + "/" + System.mapLibraryName(library).replace("jnilib", "dylib");
    URL url = OnnxNativeLibrary.class.getResource(name);
    if (url == null) {
      throw new IOException("ONNX Runtime's library " + name + " is not on the classpath");
    }
    return url;
  }
}
