package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.Organisation;
import dev.egretta.core.session.JdbcSessionStore;
import dev.egretta.core.session.StoredMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session store under write load and SIGKILL (issue #15), in real child JVMs sharing one SQLite
 * {@code sessions.db} as concurrent {@code egretta ask} runs do ({@link SessionWriterChild}).
 * First, 8 processes write at once without pause, each opening and closing the store for every
 * session as successive {@code ask} runs do, and none may fail (the CLI once failed with SQLITE_BUSY there); then rounds of 4 writers are killed at random moments. At the end the
 * database passes SQLite's integrity check and holds every acknowledged message, exactly.
 *
 * <p>CI: 8 x 40 turns, then 3 rounds (12 kills); the full run ({@code -Degretta.sessions.rounds=50}, the
 * {@code reliability} profile): 200 kills.
 */
class SessionStoreCrashTest {
  private static final int WRITERS = 8;
  private static final int TURNS = Integer.getInteger("egretta.sessions.turns", 40);
  private static final int ROUNDS = Integer.getInteger("egretta.sessions.rounds", 3);
  private static final int KILLED_PER_ROUND = 4;

  @TempDir Path dir;

  private record Ack(String writer, UUID session, int turn) {}

  @Test
  void concurrentWritersNeverFailAndKilledOnesLoseNoAcknowledgedMessage() throws Exception {
    Path db = dir.resolve("sessions.db");
    long seed = Long.getLong("egretta.sessions.seed", System.nanoTime());
    Random random = new Random(seed);
    List<Ack> acks = new ArrayList<>();

    List<Process> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      writers.add(start(db, "load" + w, TURNS));
    }
    for (int w = 0; w < WRITERS; w++) {
      Process p = writers.get(w);
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
      String out = read("load" + w);
      assertThat(out).as("writer load" + w + " under contention").doesNotContain("error ").contains("done");
      assertThat(p.exitValue()).isZero();
      acks.addAll(parse("load" + w, out));
    }
    assertThat(acks).hasSize(WRITERS * TURNS);

    int kills = 0;
    for (int round = 0; round < ROUNDS; round++) {
      List<Process> killed = new ArrayList<>();
      for (int w = 0; w < KILLED_PER_ROUND; w++) {
        killed.add(start(db, "kill" + round + "x" + w, 0));
      }
      for (int w = 0; w < KILLED_PER_ROUND; w++) {
        Process p = killed.get(w);
        // One kill in four while the JVM starts or opens the store, the others while it writes (the machine's
        // load decides how long starting takes, so wait for the first acknowledgement rather than guess).
        if (random.nextInt(4) > 0) {
          awaitFirstAck("kill" + round + "x" + w, p);
        }
        Thread.sleep(random.nextInt(400));
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        kills++;
      }
      for (int w = 0; w < KILLED_PER_ROUND; w++) {
        String out = read("kill" + round + "x" + w);
        assertThat(out).as("a killed writer failed before its kill").doesNotContain("error ").doesNotContain("done");
        acks.addAll(parse("kill" + round + "x" + w, out));
      }
    }

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("ok");
    }
    int lost = 0;
    try (JdbcSessionStore store = JdbcSessionStore.sqlite(db)) {
      for (Ack ack : acks) {
        List<String> contents = store.messages(Organisation.of(ack.writer()), ack.session()).stream()
            .map(StoredMessage::message).map(m -> m.content()).toList();
        if (!contents.contains(SessionWriterChild.content(ack.writer(), ack.turn(), "q"))
            || !contents.contains(SessionWriterChild.content(ack.writer(), ack.turn(), "a"))) {
          lost++;
        }
        Set<String> distinct = new HashSet<>(contents);
        assertThat(distinct).as("no message stored twice").hasSameSizeAs(contents);
      }
    }
    System.out.printf("session store: seed %d, %d writers x %d turns at once, %d kills (%d turns acknowledged by "
        + "killed writers); %d acknowledged turns, %d lost%n", seed, WRITERS, TURNS, kills, acks.size() - WRITERS * TURNS,
        acks.size(), lost);
    assertThat(lost).as("acknowledged turns lost (seed " + seed + ")").isZero();
  }

  private void awaitFirstAck(String writer, Process p) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (p.isAlive() && System.nanoTime() < deadline && !read(writer).contains("ack ")) {
      Thread.sleep(20);
    }
  }

  private static List<Ack> parse(String writer, String out) {
    List<Ack> acks = new ArrayList<>();
    for (String line : out.lines().toList()) {
      String[] f = line.split(" ");
      if (f.length == 3 && f[0].equals("ack")) {
        acks.add(new Ack(writer, UUID.fromString(f[1]), Integer.parseInt(f[2])));
      }
    }
    return acks;
  }

  private Process start(Path db, String writer, int turns) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        SessionWriterChild.class.getName(), db.toString(), writer, Integer.toString(turns))
        // To a file, not a pipe: what a killed child printed stays readable (destroying a Process closes its pipes).
        .redirectOutput(dir.resolve(writer + ".out").toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private String read(String writer) throws IOException {
    return Files.readString(dir.resolve(writer + ".out"), StandardCharsets.UTF_8);
  }
}
