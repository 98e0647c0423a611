package dev.egretta.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Real Elasticsearch nodes for the tests: the integ-test distribution the build unpacks into target/,
 * started on loopback with free ports, security off, 512 MB heaps. Elasticsearch refuses to run as root,
 * so as root the nodes run as the unprivileged user that {@code .ci/setup.d/elasticsearch.sh} creates.
 * Nodes start in parallel; {@link #close} (and a shutdown hook, should a test JVM die first) stops them.
 * Public, in the module's test jar, for other modules' tests against a real node (the CLI's serve test).
 */
public final class EsTestCluster implements AutoCloseable {
  static final String USER = "egretta-es";
  private static final Duration START_LIMIT = Duration.ofMinutes(6);

  private final String clusterName = "egretta-test-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<Node> nodes = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "es-test-cluster-stop");
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Why real nodes cannot run here (no unpacked distribution, no unprivileged user as root), or empty. */
  public static Optional<String> unavailable() {
    Path home = home();
    if (!Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
      return Optional.of("no Elasticsearch distribution at " + home + " (the build unpacks it; run through Maven)");
    }
    if (isRoot() && !userExists()) {
      return Optional.of("running as root and the user " + USER + " is absent: run .ci/setup.d/elasticsearch.sh");
    }
    return Optional.empty();
  }

  static Path home() {
    return Path.of(System.getProperty("egretta.es.home", "target/elasticsearch/elasticsearch-8.19.21"));
  }

  /** Starts {@code count} nodes of one cluster in parallel and waits until all have joined. */
  public static EsTestCluster start(int count) {
    EsTestCluster c = new EsTestCluster();
    Runtime.getRuntime().addShutdownHook(c.hook);
    try {
      List<int[]> ports = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ports.add(new int[] {freePort(), freePort()});
      }
      for (int i = 0; i < count; i++) {
        c.nodes.add(new Node("node-" + i, Files.createTempDirectory("egretta-es-"), ports.get(i)[0], ports.get(i)[1]));
      }
      c.nodes.forEach(n -> n.launch(c.settings(n)));
      CompletableFuture.allOf(c.nodes.stream().map(n -> CompletableFuture.runAsync(() -> c.awaitNodes(n, count)))
          .toArray(CompletableFuture[]::new)).join();
      return c;
    } catch (IOException e) {
      c.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** The HTTP URLs of all nodes, comma-separated, as {@code --es-url} takes them. */
  public String url() {
    return String.join(",", nodes.stream().map(n -> "http://127.0.0.1:" + n.httpPort).toList());
  }

  String url(int node) {
    return "http://127.0.0.1:" + nodes.get(node).httpPort;
  }

  int size() {
    return nodes.size();
  }

  /** SIGKILL of one node's server process, as a crash. */
  void kill9(int node) {
    nodes.get(node).kill9();
  }

  /** Starts a killed node again on its data and ports. */
  void restart(int node) {
    Node n = nodes.get(node);
    n.launch(settings(n));
    awaitNodes(n, nodes.size());
  }

  /** GET of a cluster API on the first live node, as text (for checks such as the health). */
  String get(String path) {
    for (Node n : nodes) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort + path))
            .timeout(Duration.ofSeconds(70)).build(), HttpResponse.BodyHandlers.ofString());
        return r.body();
      } catch (IOException e) {
        // that node is down: ask the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("no node of the test cluster answers");
  }

  private List<String> settings(Node n) {
    List<String> s = new ArrayList<>(List.of(
        "cluster.name=" + clusterName, "node.name=" + n.name, "network.host=127.0.0.1",
        "http.port=" + n.httpPort, "transport.port=" + n.transportPort,
        "path.data=" + n.dir.resolve("data"), "path.logs=" + n.dir.resolve("logs"),
        "xpack.security.enabled=false", "cluster.routing.allocation.disk.threshold_enabled=false"));
    if (nodes.size() == 1) {
      s.add("discovery.type=single-node");
    } else {
      s.add("discovery.seed_hosts=" + String.join(",", nodes.stream().map(o -> "127.0.0.1:" + o.transportPort).toList()));
      s.add("cluster.initial_master_nodes=" + String.join(",", nodes.stream().map(o -> o.name).toList()));
    }
    return s;
  }

  private void awaitNodes(Node n, int count) {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!n.alive()) {
        throw new IllegalStateException("Elasticsearch " + n.name + " exited while starting:\n" + n.logTail());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.httpPort
            + "/_cluster/health?wait_for_nodes=" + count + "&timeout=2s")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"number_of_nodes\":" + count + ",")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new IllegalStateException("Elasticsearch " + n.name + " did not join within " + START_LIMIT + ":\n" + n.logTail());
  }

  private void stopAll() {
    nodes.forEach(Node::stop);
  }

  @Override
  public void close() {
    stopAll();
    nodes.forEach(Node::deleteFiles);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyExiting) {
      // the hook runs or has run
    }
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static boolean userExists() {
    try {
      return new ProcessBuilder("id", "-u", USER).redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A Java for the nodes: {@code egretta.es.java}, else this JVM's. */
  private static String javaHome() {
    return System.getProperty("egretta.es.java", System.getProperty("java.home"));
  }

  /** One node: its directory (data, logs, config copy), ports and server process. */
  private static final class Node {
    final String name;
    final Path dir;
    final int httpPort;
    final int transportPort;
    Process launcher;

    Node(String name, Path dir, int httpPort, int transportPort) {
      this.name = name;
      this.dir = dir;
      this.httpPort = httpPort;
      this.transportPort = transportPort;
    }

    void launch(List<String> settings) {
      try {
        Path config = dir.resolve("config");
        if (!Files.isDirectory(config)) {
          copyTree(home().resolve("config"), config);
          Files.createDirectories(dir.resolve("data"));
          Files.createDirectories(dir.resolve("logs"));
        }
        Files.deleteIfExists(dir.resolve("pid"));
        List<String> cmd = new ArrayList<>();
        if (isRoot()) {
          run("chown", "-R", USER, dir.toString());
          cmd.addAll(List.of("runuser", "-u", USER, "--"));
        }
        cmd.addAll(List.of("env", "ES_JAVA_HOME=" + javaHome(), "ES_JAVA_OPTS=-Xms512m -Xmx512m -XX:-AlwaysPreTouch -XX:TieredStopAtLevel=1",
            "ES_PATH_CONF=" + config, "bash", home().resolve("bin/elasticsearch").toString(), "-p", dir.resolve("pid").toString()));
        settings.forEach(s -> cmd.addAll(List.of("-E", s)));
        launcher = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile())).start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    boolean alive() {
      return launcher != null && launcher.isAlive();
    }

    /** The server JVM (the launcher's child), from the pid file Elasticsearch writes. */
    Optional<ProcessHandle> server() {
      try {
        Path pid = dir.resolve("pid");
        return Files.isRegularFile(pid) ? ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())) : Optional.empty();
      } catch (IOException | NumberFormatException e) {
        return Optional.empty();
      }
    }

    void kill9() {
      server().ifPresent(ProcessHandle::destroyForcibly);
      descendants().forEach(ProcessHandle::destroyForcibly);
      if (launcher != null) {
        launcher.destroyForcibly();
      }
    }

    void stop() {
      if (launcher == null) {
        return;
      }
      server().ifPresent(ProcessHandle::destroy);
      descendants().forEach(ProcessHandle::destroy);
      try {
        if (!launcher.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          kill9();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill9();
      }
      launcher = null;
    }

    private List<ProcessHandle> descendants() {
      return launcher == null ? List.of() : launcher.descendants().toList();
    }

    String logTail() {
      try (Stream<Path> logs = Files.list(dir.resolve("logs"))) {
        Path log = logs.filter(p -> p.getFileName().toString().startsWith("egretta-test") && p.getFileName().toString().endsWith(".log"))
            .findFirst().orElse(dir.resolve("console.log"));
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
      } catch (IOException e) {
        return "(no console log: " + e.getMessage() + ")";
      }
    }

    void deleteFiles() {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temporary directory; the OS cleans it up eventually
      }
    }

    private static void copyTree(Path from, Path to) throws IOException {
      try (Stream<Path> walk = Files.walk(from)) {
        for (Path p : (Iterable<Path>) walk::iterator) {
          Path target = to.resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target);
          }
        }
      }
    }

    private static void run(String... cmd) throws IOException {
      try {
        new ProcessBuilder(cmd).inheritIO().start().waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
  }
}
