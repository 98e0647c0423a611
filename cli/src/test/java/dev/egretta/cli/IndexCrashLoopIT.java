package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.lucene.IndexedDocument;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.testsupport.TestPdfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash loop (issue #15): {@code egretta index} is killed with SIGKILL at random moments, over
 * and over, in fresh runs (no index yet), incremental runs and {@code --sync} runs, while the folder
 * changes between runs (documents added, rewritten and removed). After every kill the index that
 * is there passes Lucene's {@code CheckIndex}, opens read-only through the library, and every
 * document it lists has exactly its chunks (a document is committed whole or not at all). At the
 * end one {@code --sync} run completes, and its index equals a clean build of the final folder:
 * the same documents with the same chunk counts, no duplicate chunk, CheckIndex clean.
 *
 * <p>CI kills 4 times; the full run ({@code -Degretta.crash.kills=200}, the {@code reliability}
 * profile) 200. The seed is printed; {@code -Degretta.crash.seed=N} repeats a run's choices.
 */
class IndexCrashLoopIT {
  private static final Path LAUNCHER = Path.of("..", "bin", "egretta").toAbsolutePath().normalize();
  private static final int KILLS = Integer.getInteger("egretta.crash.kills", 4);
  private static final String[] FOLDERS = {"business-continuity/pdf/us", "information-security/pdf/eu"};

  @TempDir Path dir;
  private Random random;
  private int nextDocument;

  @Test
  void killedIndexRunsNeverCorruptTheIndexAndTheLastRunEqualsACleanBuild() throws Exception {
    long seed = Long.getLong("egretta.crash.seed", System.nanoTime());
    random = new Random(seed);
    Path corpus = dir.resolve("corpus");
    Path index = dir.resolve("index");
    for (int i = 0; i < 12; i++) {
      addDocument(corpus);
    }
    // A first run to completion builds the index and times a whole run on this machine, now: kills then
    // land anywhere from JVM start to the last commit (and a few runs finish first).
    long begin = System.nanoTime();
    Process first = egretta("first", List.of("index", corpus.toString(), "--index", index.toString(), "--json"));
    assertThat(first.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(first.exitValue()).as(err("first")).isZero();
    long runMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
    int kills = 0;
    int completed = 0;
    Map<String, Integer> modes = new TreeMap<>();
    while (kills < KILLS) {
      changeFolder(corpus);
      String mode = switch (random.nextInt(10)) {
        case 0, 1 -> "fresh";
        case 2, 3, 4 -> "sync";
        default -> "incremental";
      };
      if (mode.equals("fresh")) {
        deleteTree(index);
      }
      modes.merge(mode, 1, Integer::sum);
      Process run = egretta("run" + (kills + completed), mode.equals("sync")
          ? List.of("index", corpus.toString(), "--index", index.toString(), "--sync", "--json")
          : List.of("index", corpus.toString(), "--index", index.toString(), "--json"));
      // Uniform over the span of a whole run on this machine: JVM start, model load, parsing, embedding, commits.
      long delay = 100 + (long) (random.nextDouble() * runMillis * 1.1);
      if (run.waitFor(delay, TimeUnit.MILLISECONDS)) {
        assertThat(run.exitValue()).as("a run that finished: " + err("run" + (kills + completed))).isZero();
        completed++;
      } else {
        run.destroyForcibly(); // SIGKILL: bin/egretta execs the JVM
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        kills++;
      }
      if (LuceneKnowledgeBase.exists(index)) {
        checkIndex(index, "after run " + (kills + completed) + " (" + mode + ", seed " + seed + ")");
        consistent(index);
      }
    }
    Process last = egretta("last", List.of("index", corpus.toString(), "--index", index.toString(), "--sync", "--json"));
    assertThat(last.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(last.exitValue()).as(err("last")).isZero();
    Path clean = dir.resolve("clean");
    Process build = egretta("clean", List.of("index", corpus.toString(), "--index", clean.toString(), "--json"));
    assertThat(build.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(build.exitValue()).as(err("clean")).isZero();

    checkIndex(index, "at the end");
    Map<String, Integer> survived = consistent(index);
    Map<String, Integer> expected = consistent(clean);
    System.out.printf("crash loop: seed %d, %d kills, %d runs finished before their kill, runs %s; %d documents; "
        + "a whole run took %d ms%n", seed, kills, completed, modes, expected.size(), runMillis);
    assertThat(survived).as("chunks per document after the crash loop vs a clean build (seed " + seed + ")")
        .isEqualTo(expected);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("hs_err"))).isEmpty();
    }
  }

  /** Adds, rewrites or removes documents, as a folder changes between two index runs. */
  private void changeFolder(Path corpus) throws IOException {
    List<Path> pdfs;
    try (Stream<Path> files = Files.walk(corpus)) {
      pdfs = files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
    }
    switch (random.nextInt(4)) {
      case 0 -> addDocument(corpus);
      case 1 -> writeDocument(pdfs.get(random.nextInt(pdfs.size())), random.nextInt(1_000_000));
      case 2 -> {
        if (pdfs.size() > 6) {
          Files.delete(pdfs.get(random.nextInt(pdfs.size())));
        }
      }
      default -> { } // unchanged: the run is a pure restart
    }
  }

  private void addDocument(Path corpus) {
    int n = nextDocument++;
    writeDocument(corpus.resolve(FOLDERS[n % FOLDERS.length]).resolve("policy-" + n + ".pdf"), n);
  }

  private static void writeDocument(Path file, int version) {
    List<String> pages = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      StringBuilder text = new StringBuilder();
      for (int s = 0; s < 30; s++) {
        text.append("Control ").append(version).append('.').append(p).append('.').append(s)
            .append(" requires the owner to review access, backups and incident reports every ")
            .append(1 + (version + s) % 12).append(" months. ");
      }
      pages.add(text.toString());
    }
    TestPdfs.write(file, pages);
  }

  /** Lucene's own check of every segment; fails on any problem. */
  private static void checkIndex(Path index, String when) throws IOException {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (Directory d = FSDirectory.open(index); CheckIndex check = new CheckIndex(d)) {
      check.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
      CheckIndex.Status status = check.checkIndex();
      assertThat(status.clean).as("CheckIndex " + when + ":\n" + log.toString(StandardCharsets.UTF_8)).isTrue();
    }
  }

  /**
   * Opens the index read-only as a reader would: each document listed once, and the index holds
   * exactly the chunks its documents account for (a duplicate or orphaned chunk would add to the count).
   */
  private static Map<String, Integer> consistent(Path index) {
    Map<String, Integer> chunks = new TreeMap<>();
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.openReadOnly(index)) {
      for (IndexedDocument d : kb.documents(Optional.empty())) {
        assertThat(d.chunks()).as("chunks of " + d.uri()).isPositive();
        assertThat(chunks.put(d.uri(), d.chunks())).as("listed twice: " + d.uri()).isNull();
      }
      assertThat(kb.chunkCount()).as("chunks in the index vs the documents' own counts")
          .isEqualTo(chunks.values().stream().mapToInt(Integer::intValue).sum());
    }
    return chunks;
  }

  private Process egretta(String name, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
    pb.environment().put("EGRETTA_NO_BUILD", "1");
    return pb.start();
  }

  private String err(String name) throws IOException {
    return Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
