package dev.egretta.testkit.sessions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for tests, from the binaries of Debian's {@code postgresql}
 * package ({@code /usr/lib/postgresql/<version>/bin}): a fresh cluster in a temporary folder,
 * trust authentication, listening on 127.0.0.1 at a free port only. As root, the server runs as
 * the {@code postgres} user (PostgreSQL refuses to run as root). {@link #close()} stops it and
 * deletes the folder.
 *
 * <pre>{@code
 * try (LocalPostgres pg = LocalPostgres.start()) {
 *   SessionStore store = JdbcSessionStore.open(pg.jdbcUrl(), pg.user(), null);
 * }
 * }</pre>
 */
public final class LocalPostgres implements AutoCloseable {

  private static final String USER = "egretta";

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgresUser;

  private LocalPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** The folder of {@code initdb} and {@code pg_ctl}, when PostgreSQL is installed. */
  public static Optional<Path> binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(LocalPostgres::versionOf));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether a server can be started here. */
  public static boolean available() {
    return binaries().isPresent();
  }

  /** Starts a new server; takes about a second. */
  public static LocalPostgres start() throws IOException, InterruptedException {
    Path bin = binaries().orElseThrow(() -> new IllegalStateException(
        "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); install Debian's postgresql package"));
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("egretta-pg-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path data = dir.resolve("data");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    LocalPostgres pg = new LocalPostgres(bin, dir, port, root);
    pg.run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
        "--no-sync", "--no-instructions");
    pg.run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w",
        "-t", "30", "-o", "-h 127.0.0.1 -p " + port + " -k " + dir + " -F -c fsync=off", "start");
    return pg;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public String user() {
    return USER;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    try {
      run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    } catch (IOException | InterruptedException | IllegalStateException e) {
      System.getLogger(LocalPostgres.class.getName()).log(System.Logger.Level.WARNING, "stopping PostgreSQL failed: " + e);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a left-over temporary folder is harmless
    }
  }

  private void run(String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (asPostgresUser) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + String.join(" ", cmd));
    }
    if (p.exitValue() != 0) {
      String log = Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : "";
      throw new IllegalStateException("failed (exit " + p.exitValue() + "): " + String.join(" ", cmd) + "\n" + out + log);
    }
  }

  private static int versionOf(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
