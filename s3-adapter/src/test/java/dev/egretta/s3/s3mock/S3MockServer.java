package dev.egretta.s3.s3mock;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Adobe S3Mock (the runnable jar {@code com.adobe.testing:s3mock:exec}, copied by Maven to the path in
 * system property {@code egretta.s3mock.jar}) as a child JVM listening on 127.0.0.1 only, on free
 * ports. S3Mock accepts any credentials and checks no signatures.
 */
public final class S3MockServer implements AutoCloseable {

  public static final String ACCESS_KEY = "egretta-test-key";
  public static final String SECRET_KEY = "egretta-test-secret";
  public static final String REGION = "us-east-1";

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final Path workDir;
  private final Path log;
  private final int httpPort;

  private S3MockServer(Process process, Path workDir, Path log, int httpPort) {
    this.process = process;
    this.workDir = workDir;
    this.log = log;
    this.httpPort = httpPort;
  }

  /** Starts S3Mock and waits until it answers ListBuckets. */
  public static S3MockServer start() throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("egretta.s3mock.jar", "target/s3mock/s3mock-exec.jar")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("S3Mock jar not found at " + jar
          + "; run the tests through Maven (maven-dependency-plugin copies it in generate-test-resources)");
    }
    Path workDir = Files.createTempDirectory("egretta-s3mock-");
    Path loaderDir = writeLoaderPath(workDir.resolve("loader"));
    Path storeRoot = Files.createDirectories(workDir.resolve("store"));
    Path log = workDir.resolve("s3mock.log");
    int httpsPort = freePort();
    int httpPort = freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java,
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m", "-Xss512k",
        "-Dloader.path=" + loaderDir,
        "-Dloader.main=com.adobe.testing.s3mock.S3MockApplication",
        "-cp", jar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher",
        "--server.address=127.0.0.1",
        "--server.port=" + httpsPort,
        "--http.port=" + httpPort,
        "--com.adobe.testing.s3mock.store.root=" + storeRoot,
        "--com.adobe.testing.s3mock.store.retain-files-on-exit=false",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    S3MockServer server = new S3MockServer(process, workDir, log, httpPort);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stopProcess, "s3mock-stop"));
    try {
      server.awaitReady();
    } catch (IOException | InterruptedException | RuntimeException e) {
      String tail = server.logTail();
      server.close();
      throw new IllegalStateException("S3Mock did not start: " + e.getMessage() + "\n" + tail, e);
    }
    return server;
  }

  /** The plain-HTTP endpoint, e.g. {@code http://127.0.0.1:45678}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + httpPort);
  }

  public int httpPort() {
    return httpPort;
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Mock exited with code " + process.exitValue());
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint().resolve("/"))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("S3Mock not ready after " + STARTUP_TIMEOUT.toSeconds() + " s");
  }

  /** The loader.path directory: the connector post-processor and the import that registers it. */
  private static Path writeLoaderPath(Path dir) throws IOException {
    String classFile = LoopbackConnectors.class.getName().replace('.', '/') + ".class";
    Path target = dir.resolve(classFile);
    Files.createDirectories(target.getParent());
    try (InputStream in = LoopbackConnectors.class.getClassLoader().getResourceAsStream(classFile)) {
      if (in == null) {
        throw new IllegalStateException("compiled " + classFile + " not found on the test class path");
      }
      Files.copy(in, target);
    }
    Path imports = dir.resolve("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
    Files.createDirectories(imports.getParent());
    Files.writeString(imports, LoopbackConnectors.class.getName() + "\n", StandardCharsets.UTF_8);
    return dir;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no S3Mock log: " + e.getMessage() + ")";
    }
  }

  private void stopProcess() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stopProcess();
    try (Stream<Path> files = Files.walk(workDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temp files; the OS cleans up eventually
    }
  }
}
