package dev.egretta.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.egretta.api.QueryResponse;
import dev.egretta.bedrock.BedrockConfig;
import dev.egretta.bedrock.BedrockModelCatalog;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the Bedrock example against a local server that answers Bedrock Runtime's Converse call. */
class AskBedrockTest {
  @TempDir Path dir;

  @Test
  void answersWithTheBedrockModelAndReportsItsTokens() throws Exception {
    Path index = dir.resolve("index");
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index)) {
      kb.ingest(LocalFolderSource.of(SamplePdfs.write(dir.resolve("pdfs"))), IngestOptions.publicLibrary(),
          IngestListener.NONE);
    }
    HttpServer bedrock = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    bedrock.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] body = ("{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":"
          + "\"Payment processing must be back within 4 hours [Source 1].\"}]}},\"stopReason\":\"end_turn\","
          + "\"usage\":{\"inputTokens\":300,\"outputTokens\":12,\"totalTokens\":312},\"metrics\":{\"latencyMs\":9}}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    bedrock.start();
    try {
      BedrockConfig config = BedrockConfig.builder()
          .region("us-east-1")
          .staticCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
          .endpointOverride(URI.create("http://127.0.0.1:" + bedrock.getAddress().getPort()))
          .build();

      QueryResponse r = AskBedrock.ask(index, config, "business-continuity", "us",
          "What is the recovery time objective for payment processing?", null);

      assertThat(r.response()).contains("within 4 hours [Source 1]");
      assertThat(r.usage().model()).isEqualTo(BedrockModelCatalog.DEFAULT_MODEL_ID);
      assertThat(r.usage().outputTokens()).isEqualTo(12);
      assertThat(r.usage().costUsd()).isPositive();
    } finally {
      bedrock.stop(0);
    }
  }
}
