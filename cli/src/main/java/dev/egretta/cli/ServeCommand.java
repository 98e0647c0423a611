package dev.egretta.cli;

import dev.egretta.lucene.LucenePrivateDocuments;
import dev.egretta.server.ApiKeys;
import dev.egretta.server.EgrettaServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code egretta serve}: the Egret-compatible HTTP API over the index, until stopped (Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Serve the Egret-compatible HTTP API (/v1/query/, /v1/sessions/..., /v1/models/) over the index. "
        + "Every request needs 'Authorization: Bearer <key>' (create keys with 'egretta keys add'). Documents an "
        + "organisation uploads to /v1/knowledge-base/documents/ are kept in 'uploads' beside the index. Stops on Ctrl-C.",
        "--json prints {\"url\", \"index\", \"api_keys\"} once the server listens."})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Interface to bind (default 127.0.0.1: this machine only; 0.0.0.0 for all).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port (default 8080; 0 = any free port).")
  int port;

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
    generator.check();
    Logs.serverNotes();
    Path keysFile = keys.file(context);
    if (!java.nio.file.Files.exists(keysFile)) {
      throw new CliFailure("no API keys file at " + keysFile + ": create a key with 'egretta keys add --org ORG'");
    }
    ApiKeys apiKeys = ApiKeys.load(keysFile);
    Path indexDir = index.existingIndex(context);
    Path uploads = indexDir.resolveSibling("uploads");
    boolean interrupted = false;
    try (OpenEngine open = OpenEngine.open(context, index, generator, s3, true);
         EgrettaServer server = EgrettaServer.builder()
             .engine(open.engine())
             .closeEngine(false)
             .apiKeys(apiKeys)
             .privateDocuments(LucenePrivateDocuments.of(open.knowledgeBase().orElseThrow(), uploads))
             .host(host)
             .port(port)
             .build()
             .start()) {
      // Ctrl-C: stop taking requests, let running ones finish, then close the index and the session store.
      Thread hook = new Thread(() -> {
        server.close();
        open.close();
      }, "egretta-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      if (json.json) {
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("url", server.baseUrl());
        started.put("index", indexDir.toString());
        started.put("api_keys", apiKeys.size());
        context.printJson(started);
      } else {
        context.println("Egretta serves " + server.baseUrl() + " (index " + indexDir + ", " + apiKeys.size()
            + " API key(s)). Press Ctrl-C to stop.");
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
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return Egretta.OK;
  }
}
