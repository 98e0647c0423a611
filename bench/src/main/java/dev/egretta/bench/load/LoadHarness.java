package dev.egretta.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egretta.bench.MachineInfo;
import dev.egretta.bench.ProcStatus;
import dev.egretta.bench.Questions;
import dev.egretta.bench.Stats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The load run of issue #15: a real {@code egretta serve --rate-limit 0} over the 12 sample PDFs,
 * driven by 1, 8 and 32 concurrent clients ({@link LoadClient}) for 60 s each, mixed streamed and
 * blocking answers and follow-ups. Prints and writes {@code LOAD.md}: throughput, p50/p95/p99,
 * errors, the server's RSS before and after each level, and the machine's load average.
 *
 * <p>Run with {@code bench/load.sh} (builds the CLI and this module first). Arguments:
 * {@code --egretta PATH} (bin/egretta), {@code --corpus DIR}, {@code --work DIR}, {@code --clients 1,8,32},
 * {@code --seconds 60}, {@code --out DIR}. Exit code 1 when any request failed.
 */
public final class LoadHarness {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LoadHarness() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new TreeMap<>(Map.of("--egretta", "bin/egretta", "--corpus", "../shared/corpus",
        "--work", "target/load-work", "--clients", "1,8,32", "--seconds", "60", "--out", "bench/results"));
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!opts.containsKey(args[i])) {
        throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + opts.keySet());
      }
      opts.put(args[i], args[i + 1]);
    }
    Path egretta = Path.of(opts.get("--egretta")).toAbsolutePath();
    Path work = Path.of(opts.get("--work")).toAbsolutePath();
    Files.createDirectories(work);
    int seconds = Integer.parseInt(opts.get("--seconds"));
    int[] levels = Arrays.stream(opts.get("--clients").split(",")).mapToInt(Integer::parseInt).toArray();
    String loadAtStart = MachineInfo.describe().get("load average at start");

    Path index = work.resolve("index");
    if (!Files.isDirectory(index)) {
      run(egretta, work, "index", "index", Path.of(opts.get("--corpus")).toAbsolutePath().toString(), "--index", index.toString());
    }
    Path keys = work.resolve("keys.txt");
    String key = JSON.readTree(run(egretta, work, "keys", "keys", "add", "--org", "loadtest", "--api-keys", keys.toString(),
        "--json")).get("key").asText();

    Process server = new ProcessBuilder(egretta.toString(), "serve", "--index", index.toString(), "--api-keys",
        keys.toString(), "--port", "0", "--rate-limit", "0", "--max-streams", "64", "--json")
        .directory(work.toFile()).redirectError(work.resolve("serve.err").toFile()).start();
    List<String> rows = new ArrayList<>();
    boolean failed = false;
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      URI base = URI.create(JSON.readTree(out.readLine()).get("url").asText() + "/");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      List<Questions.Question> questions = Questions.corpusQuestions();
      long rssStart = ProcStatus.rss(server.pid());
      measure(http, base, key, questions, 2, 10, 0); // warm-up: JIT, page cache, model sessions; not reported
      for (int clients : levels) {
        long rssBefore = ProcStatus.rss(server.pid());
        String loadBefore = load();
        List<LoadClient.Sample> samples = measure(http, base, key, questions, clients, seconds, clients);
        long rssAfter = ProcStatus.rss(server.pid());
        double[] ms = samples.stream().filter(s -> s.error() == null).mapToDouble(LoadClient.Sample::millis).toArray();
        List<String> errors = samples.stream().map(LoadClient.Sample::error).filter(e -> e != null).toList();
        failed |= !errors.isEmpty();
        String row = String.format("| %d | %d | %.1f | %.0f | %.0f | %.0f | %d | %d | %d | %.0f | %.0f | %s / %s |",
            clients, samples.size(), samples.size() / (double) seconds, Stats.percentile(ms, 50),
            Stats.percentile(ms, 95), Stats.percentile(ms, 99), errors.size(),
            samples.stream().filter(LoadClient.Sample::streamed).count(),
            samples.stream().filter(LoadClient.Sample::followUp).count(), rssBefore / 1048576.0, rssAfter / 1048576.0,
            loadBefore, load());
        rows.add(row);
        System.out.println(row);
        errors.stream().distinct().limit(5).forEach(e -> System.out.println("  error: " + e));
      }
      long rssEnd = ProcStatus.rss(server.pid());
      write(Path.of(opts.get("--out")), seconds, loadAtStart, rows, rssStart, rssEnd, failed);
    } finally {
      server.destroy(); // SIGTERM: the server closes gracefully
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
    System.exit(failed ? 1 : 0);
  }

  private static List<LoadClient.Sample> measure(HttpClient http, URI base, String key, List<Questions.Question> questions,
      int clients, int seconds, long seed) throws InterruptedException {
    ConcurrentLinkedQueue<LoadClient.Sample> samples = new ConcurrentLinkedQueue<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.execute(new LoadClient(http, base, key, questions, deadline, seed * 1000 + c, samples));
    }
    pool.shutdown();
    if (!pool.awaitTermination(seconds + 180L, TimeUnit.SECONDS)) {
      throw new IllegalStateException("clients still running " + (seconds + 180) + " s after the deadline");
    }
    return new ArrayList<>(samples);
  }

  private static void write(Path out, int seconds, String loadAtStart, List<String> rows, long rssStart, long rssEnd,
      boolean failed) throws IOException {
    StringBuilder md = new StringBuilder("# Load: `egretta serve --rate-limit 0`\n\n");
    md.append("Written by `bench/load.sh` (`dev.egretta.bench.load.LoadHarness`). Each level runs its clients for ")
        .append(seconds).append(" s against one server over the 12 PDFs of `../shared/corpus` (extractive answers, ")
        .append("bge-small embeddings): a random corpus question per request, half streamed, 3 in 10 a follow-up in the ")
        .append("client's last session. Latency is send to last byte (the `done` event for streams), successes only. ")
        .append("RSS is the server process's `VmRSS`. Load average: 1-minute, before / after the level.\n\n");
    MachineInfo.describe().forEach((k, v) -> {
      if (!k.equals("load average at start")) {
        md.append("- ").append(k).append(": ").append(v).append('\n');
      }
    });
    md.append("- load average at start: ").append(loadAtStart).append('\n');
    md.append(String.format("- server RSS: %.0f MiB after start, %.0f MiB at the end%n%n", rssStart / 1048576.0,
        rssEnd / 1048576.0));
    md.append("| clients | requests | req/s | p50 ms | p95 ms | p99 ms | errors | streamed | follow-ups | RSS before MiB "
        + "| RSS after MiB | load before / after |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    rows.forEach(r -> md.append(r).append('\n'));
    md.append(failed ? "\n**Some requests failed** (see the run's output).\n" : "\nNo request failed.\n");
    Files.createDirectories(out);
    Files.writeString(out.resolve("LOAD.md"), md);
    System.out.println("wrote " + out.resolve("LOAD.md"));
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  private static String run(Path egretta, Path work, String name, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(egretta.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(work.toFile()).redirectError(work.resolve(name + ".err").toFile())
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("egretta " + String.join(" ", args) + " failed; see " + work.resolve(name + ".err"));
    }
    return out;
  }
}
