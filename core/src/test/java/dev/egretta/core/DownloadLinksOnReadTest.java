package dev.egretta.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.Message;
import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.Sender;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.session.JdbcSessionStore;
import dev.egretta.core.spi.LinkSigner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code download_url} in session history is signed when the history is read, not replayed from the answer. */
class DownloadLinksOnReadTest {

  @TempDir
  Path dir;

  /** Signs like a pre-signed URL: the link names the moment it was signed and expires 15 minutes later. */
  private static LinkSigner signerAt(AtomicReference<Instant> now) {
    return uri -> Optional.of("https://links.example/" + uri.substring(uri.lastIndexOf('/') + 1)
        + "?expires=" + now.get().plusSeconds(900).getEpochSecond());
  }

  @Test
  void messagesReadLaterCarryLinksSignedAtReadTimeAcrossRestarts() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-18T22:22:39Z"));
    QueryResponse answer;
    try (Engine engine = EgrettaEngine.builder().retriever(FixedRetriever.library()).linkSigner(signerAt(now))
        .sessionStore(JdbcSessionStore.sqlite(dir.resolve("s.db"))).build()) {
      answer = engine.query(ValidatedQuery.of("Who approves the contingency plan?", "business-continuity", "us",
          Mode.COMPLIANCE), Organisation.LOCAL);
    }
    String atAnswer = answer.sources().getFirst().downloadUrl();
    assertThat(atAnswer).endsWith("?expires=" + Instant.parse("2026-03-18T22:37:39Z").getEpochSecond());

    now.set(Instant.parse("2026-03-19T09:00:00Z")); // the next morning, a new process
    try (Engine engine = EgrettaEngine.builder().retriever(FixedRetriever.library()).linkSigner(signerAt(now))
        .sessionStore(JdbcSessionStore.sqlite(dir.resolve("s.db"))).build()) {
      List<Message> history = engine.messages(Organisation.LOCAL, UUID.fromString(answer.sessionId()));
      Message assistant = history.stream().filter(m -> m.sender() == Sender.ASSISTANT).findFirst().orElseThrow();
      assertThat(assistant.sources()).isNotEmpty().allSatisfy(s -> assertThat(s.downloadUrl())
          .endsWith("?expires=" + Instant.parse("2026-03-19T09:15:00Z").getEpochSecond()));
      assertThat(assistant.sources().getFirst().uri()).isEqualTo(answer.sources().getFirst().uri());
    }
  }

  @Test
  void aSignerThatFailsOnReadGivesNoLinkButTheHistory() {
    AtomicReference<Boolean> broken = new AtomicReference<>(false);
    LinkSigner signer = uri -> {
      if (broken.get()) {
        throw new IllegalStateException("credentials expired");
      }
      return Optional.of("https://links.example/x");
    };
    try (Engine engine = EgrettaEngine.builder().retriever(FixedRetriever.library()).linkSigner(signer).build()) {
      QueryResponse answer = engine.query(ValidatedQuery.of("Who approves the contingency plan?", "business-continuity",
          "us", Mode.COMPLIANCE), Organisation.LOCAL);
      assertThat(answer.sources().getFirst().downloadUrl()).isEqualTo("https://links.example/x");
      broken.set(true);
      Message assistant = engine.messages(Organisation.LOCAL, UUID.fromString(answer.sessionId())).getLast();
      assertThat(assistant.content()).isEqualTo(answer.response());
      assertThat(assistant.sources()).isNotEmpty().allSatisfy(s -> assertThat(s.downloadUrl()).isNull());
    }
  }
}
