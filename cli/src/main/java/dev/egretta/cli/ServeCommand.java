package dev.egretta.cli;

import dev.egretta.lucene.LucenePrivateDocuments;
import dev.egretta.server.ApiKeys;
import dev.egretta.server.EgrettaServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code egretta serve}: the Egret-compatible HTTP API over the index, until stopped (Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Serve the Egret-compatible HTTP API (/v1/query/, /v1/sessions/..., /v1/models/) over the index. "
        + "Every request needs 'Authorization: Bearer <key>' (create keys with 'egretta keys add'). Documents an "
        + "organisation uploads to /v1/knowledge-base/documents/ are kept in 'uploads' beside the index. Stops on Ctrl-C.",
        "--json prints {\"url\", \"index\", \"api_keys\", \"rate_limit_per_minute\", \"max_streams\"} once the "
            + "server listens."})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Interface to bind (default 127.0.0.1: this machine only; 0.0.0.0 for all).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port (default 8080; 0 = any free port).")
  int port;

  @Option(names = "--rate-limit", paramLabel = "PER_MINUTE", defaultValue = "120",
      description = "Requests per minute per organisation, all its keys together (default 120; 0 = no limit). "
          + "Over it: 429 with Retry-After.")
  int rateLimit;

  @Option(names = "--max-streams", paramLabel = "N", defaultValue = "4",
      description = "Concurrent streamed answers per organisation (default 4); more get 429.")
  int maxStreams;

  @Option(names = "--max-body-bytes", paramLabel = "BYTES", defaultValue = "1048576",
      description = "Largest JSON request body (default 1048576 = 1 MiB, at least 1024); larger ones get 413.")
  long maxBodyBytes;

  @Option(names = "--max-upload-bytes", paramLabel = "BYTES", defaultValue = "52428800",
      description = "Largest uploaded PDF (default 52428800 = 50 MiB, at least 1024); larger ones get 413.")
  long maxUploadBytes;

  @Option(names = "--source-root", paramLabel = "NAME=FOLDER",
      description = "Name a folder the index was built from (repeatable): over HTTP its documents' uri is "
          + "file:NAME/<path below FOLDER>, never the server's path. Uploads are always named 'uploads'; other "
          + "local documents show as file:<id>/<file name>.")
  Map<String, Path> sourceRoots = new LinkedHashMap<>();

  @Option(names = "--no-metrics",
      description = "Do not serve Prometheus metrics at GET /metrics (served by default, without a key like /health).")
  boolean noMetrics;

  @Option(names = "--model-alias", paramLabel = "ID=MODEL",
      description = "Answer requests naming model ID with this install's MODEL (repeatable), e.g. "
          + "us.anthropic.claude-3-5-haiku-20241022-v1:0=egretta-extractive; other unknown ids stay a 400.")
  Map<String, String> modelAliases = new LinkedHashMap<>();

  @Option(names = "--model-aliases", paramLabel = "FILE",
      description = "A file of model aliases, one ID=MODEL per line, # comments.")
  Path modelAliasesFile;

  @Option(names = "--public-url", paramLabel = "URL",
      description = "The URL clients reach this server at (behind a proxy), the base of local documents' download_url; "
          + "default: the request's own scheme and host.")
  String publicUrl;

  @Mixin IndexOption index;
  @Mixin ApiKeysOption keys;
  @Mixin GeneratorOptions generator;
  @Mixin S3Options s3;
  @Mixin JsonOption json;

  private final Context context;

  ServeCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (port < 0 || port > 65_535) {
      throw new UsageException("--port must be between 0 and 65535; got " + port);
    }
    // Checked before the index opens, each message naming its flag.
    if (rateLimit < 0) {
      throw new UsageException("--rate-limit must be >= 0 (0 = no limit); got " + rateLimit);
    }
    if (maxStreams < 1) {
      throw new UsageException("--max-streams must be >= 1; got " + maxStreams);
    }
    if (maxBodyBytes < 1024 || maxUploadBytes < 1024) {
      throw new UsageException("--max-body-bytes and --max-upload-bytes must be at least 1024; got "
          + maxBodyBytes + " and " + maxUploadBytes);
    }
    generator.check();
    Logs.serverNotes();
    Path keysFile = keys.file(context);
    if (!java.nio.file.Files.exists(keysFile)) {
      throw new CliFailure("no API keys file at " + keysFile + ": create a key with 'egretta keys add --org ORG'");
    }
    ApiKeys apiKeys = ApiKeys.load(keysFile);
    Path indexDir = index.backend.elasticsearch() ? index.indexDir(context) : index.existingIndex(context);
    Path uploads = indexDir.resolveSibling("uploads");
    boolean interrupted = false;
    Optional<PrometheusMeterRegistry> registry = noMetrics ? Optional.empty() : Optional.of(ServeMetrics.registry());
    try (OpenEngine open = OpenEngine.open(context, index, generator, s3, true);
         EgrettaServer server = settings(open, apiKeys, uploads, registry).build().start()) {
      // Ctrl-C: stop taking requests, let running ones finish, then close the index and the session store.
      Thread hook = new Thread(() -> {
        server.close();
        open.close();
      }, "egretta-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      if (json.json) {
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("url", server.baseUrl());
        started.put("index", index.backend.elasticsearch() ? index.backend.url : indexDir.toString());
        started.put("api_keys", apiKeys.size());
        started.put("rate_limit_per_minute", rateLimit);
        started.put("max_streams", maxStreams);
        context.printJson(started);
      } else {
        context.println("Egretta serves " + server.baseUrl() + " (index " + (index.backend.elasticsearch()
            ? index.backend.url : indexDir) + ", " + apiKeys.size()
            + " API key(s)); open " + server.baseUrl() + "/ in a browser for the chat page. Press Ctrl-C to stop.");
      }
      try {
        server.awaitShutdown();
      } catch (InterruptedException e) {
        // Stop like Ctrl-C; the interrupt is restored once the server has closed (Jetty's stop must not see it).
        interrupted = true;
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the JVM is already stopping: the hook closes the server
        }
      }
    } finally {
      registry.ifPresent(io.micrometer.core.instrument.Metrics::removeRegistry);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return Egretta.OK;
  }

  private EgrettaServer.Builder settings(OpenEngine open, ApiKeys apiKeys, Path uploads,
      Optional<PrometheusMeterRegistry> registry) {
    EgrettaServer.Builder builder = EgrettaServer.builder()
        .engine(open.engine())
        .closeEngine(false)
        .apiKeys(apiKeys)
        .host(host)
        .port(port)
        .rateLimitPerMinute(rateLimit)
        .maxStreamsPerOrganisation(maxStreams)
        .maxBodyBytes(maxBodyBytes)
        .maxUploadBytes(maxUploadBytes)
        .sourceRoot("uploads", uploads);
    // Uploads are kept in the upload folder and indexed in the engine's index, on either backend.
    open.writableIndex().ifPresent(index -> builder.privateDocuments(LucenePrivateDocuments.of(index, uploads)));
    sourceRoots.forEach(builder::sourceRoot);
    registry.ifPresent(builder::metrics);
    if (modelAliasesFile != null) {
      builder.modelAliasesFile(modelAliasesFile);
    }
    modelAliases.forEach(builder::modelAlias);
    if (publicUrl != null) {
      builder.publicBaseUrl(publicUrl);
    }
    return builder;
  }
}
