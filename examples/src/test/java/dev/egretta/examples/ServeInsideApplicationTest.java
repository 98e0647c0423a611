package dev.egretta.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.Organisation;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.server.EgrettaServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeInsideApplicationTest {
  @TempDir Path dir;

  @Test
  void servesTheEgretApiToAClientWithTheApplicationsKey() throws Exception {
    Path index = dir.resolve("index");
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index)) {
      kb.ingest(LocalFolderSource.of(SamplePdfs.write(dir.resolve("pdfs"))), IngestOptions.publicLibrary(),
          IngestListener.NONE);
    }

    try (EgrettaServer server = ServeInsideApplication.start(index, 0, "egret_example-key", Organisation.of("my-app"))) {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/query/"))
              .header("Authorization", "Bearer egret_example-key")
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"What is the recovery time objective for "
                  + "payment processing?\", \"domain\": \"business-continuity\", \"category\": \"us\", "
                  + "\"mode\": \"compliance\"}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).contains("4 hours").contains("\"page_number\":2");
    }
  }
}
