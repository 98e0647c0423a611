package dev.egretta.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicUrisTest {
  private final Path corpus = Path.of("/srv/egretta/corpus").toAbsolutePath();
  private final PublicUris uris = new PublicUris(Map.of(corpus, "corpus"));

  @Test
  void fileUrisBecomeLogicalOthersStayAsTheyAre() {
    String inCorpus = corpus.resolve("business-continuity/pdf/us/plan a.pdf").toUri().toString();
    assertThat(uris.map(inCorpus)).isEqualTo("file:corpus/business-continuity/pdf/us/plan%20a.pdf");
    String elsewhere = Path.of("/home/ops/secret/uploads/acme/1234/policy.pdf").toAbsolutePath().toUri().toString();
    assertThat(uris.map(elsewhere)).isEqualTo("file:" + dev.egretta.core.spi.PrivateDocument.idOf(elsewhere) + "/policy.pdf");
    String traversal = corpus.resolve("../other/x.pdf").toUri().toString();
    assertThat(uris.map(traversal)).doesNotStartWith("file:corpus/").doesNotContain("srv");
    assertThat(uris.map("s3://bucket/policies/plan.pdf")).isEqualTo("s3://bucket/policies/plan.pdf");
    assertThat(uris.map("file:corpus/x.pdf")).isEqualTo("file:corpus/x.pdf");
    assertThat(uris.map("not a uri at all")).isEqualTo("not a uri at all");
  }

  @Test
  void writeRewritesEveryUriFieldAtAnyDepth() {
    String secret = corpus.resolve("a.pdf").toUri().toString();
    String json = uris.write(Map.of("sources", List.of(Map.of("uri", secret, "filename", "a.pdf")),
        "nested", Map.of("deeper", List.of(List.of(Map.of("uri", secret)))), "download_url", "https://x/y"));
    assertThat(json).doesNotContain("/srv/").contains("\"uri\":\"file:corpus/a.pdf\"").contains("https://x/y");
  }
}
