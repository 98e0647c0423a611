package dev.egretta.examples;

import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Organisation;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.server.ApiKeys;
import dev.egretta.server.EgrettaServer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves the Egret-compatible HTTP API from inside an existing application: the application owns
 * the engine and the keys (here one key for one organisation, from its own configuration), starts
 * the server next to its other work, and stops it on its own shutdown.
 *
 * <pre>
 * java ... dev.egretta.examples.ServeInsideApplication INDEX_DIR PORT API_KEY
 * </pre>
 */
public final class ServeInsideApplication {
  private ServeInsideApplication() {}

  /**
   * Starts a server over the index in {@code indexDir} on 127.0.0.1:{@code port} (0 = any free port)
   * that accepts {@code apiKey} for organisation {@code org}. Closing the server closes the engine.
   */
  public static EgrettaServer start(Path indexDir, int port, String apiKey, Organisation org) {
    EgrettaEngine engine = EgrettaEngine.builder().retriever(LuceneKnowledgeBase.open(indexDir)).build();
    return EgrettaServer.builder()
        .engine(engine)
        .apiKeys(ApiKeys.of(Map.of(apiKey, org)))
        .host("127.0.0.1")
        .port(port)
        .build()
        .start();
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 3) {
      System.err.println("usage: ServeInsideApplication INDEX_DIR PORT API_KEY");
      System.exit(2);
    }
    EgrettaServer server = start(Path.of(args[0]), Integer.parseInt(args[1]), args[2], Organisation.of("my-app"));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    System.out.println("serving " + server.baseUrl());
    server.awaitShutdown();
  }
}
