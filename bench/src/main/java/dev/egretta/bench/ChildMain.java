package dev.egretta.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egretta.bench.synthetic.SyntheticBench;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the child JVMs {@link ChildJvm} starts: {@code ChildMain <task> <resultFile> args...}.
 * Each task measures one thing and writes a JSON report (with its own peak RSS) to the result file.
 */
public final class ChildMain {
  private ChildMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ChildMain <task> <resultFile> [args...]");
      System.exit(2);
    }
    String task = args[0];
    Path resultFile = Path.of(args[1]);
    long start = System.nanoTime();
    Map<String, Object> out = new LinkedHashMap<>(run(task, args));
    out.put("taskSeconds", (System.nanoTime() - start) / 1e9);
    out.put("peakRssBytes", ProcStatus.peakRss(ProcessHandle.current().pid()));
    ChildJvm.writeReport(resultFile, out);
    System.exit(0); // thread pools of the libraries under test must not keep the child alive
  }

  private static Map<String, Object> run(String task, String[] a) throws Exception {
    return switch (task) {
      case "egretta" -> EgrettaSide.ingestAndQuery(Path.of(a[2]), Path.of(a[3]), Path.of(a[4]),
          Questions.corpusQuestions(), Integer.parseInt(a[5]), Integer.parseInt(a[6]));
      case "easyrag" -> EasyRagSide.ingestAndQuery(Path.of(a[2]), Questions.corpusQuestions(),
          Integer.parseInt(a[3]), Integer.parseInt(a[4]));
      case "onejvm" -> QueryOneJvm.run(Path.of(a[2]), Path.of(a[3]), Questions.corpusQuestions(), Integer.parseInt(a[4]),
          Integer.parseInt(a[5]));
      case "embed" -> EmbeddingReference.embed(readTexts(Path.of(a[2])), Integer.parseInt(a[3]), Integer.parseInt(a[4]));
      case "parse" -> ParseAndChunkReference.run(Path.of(a[2]));
      case "coldstart" -> ColdStart.run(Path.of(a[2]), Questions.corpusQuestions().get(0));
      case "scifact" -> SciFactBench.run(Path.of(a[2]), Path.of(a[3]), Integer.parseInt(a[4]), Integer.parseInt(a[5]));
      case "synthetic-build" -> SyntheticBench.build(Path.of(a[2]), Integer.parseInt(a[3]), Boolean.parseBoolean(a[4]), Long.parseLong(a[5]));
      case "synthetic-query" -> SyntheticBench.query(Path.of(a[2]), Integer.parseInt(a[3]), Boolean.parseBoolean(a[4]),
          Long.parseLong(a[5]), Integer.parseInt(a[6]), Integer.parseInt(a[7]));
      default -> throw new IllegalArgumentException("unknown task: " + task);
    };
  }

  private static List<String> readTexts(Path file) throws java.io.IOException {
    return new ObjectMapper().readValue(file.toFile(), new TypeReference<List<String>>() {});
  }
}
