package dev.egretta.testkit.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egretta.api.ContextQuality;
import dev.egretta.api.Mode;
import dev.egretta.api.Relevance;
import dev.egretta.api.Sender;
import dev.egretta.api.Source;
import dev.egretta.api.SourceType;
import dev.egretta.core.NotFoundException;
import dev.egretta.core.Organisation;
import dev.egretta.core.session.NewMessage;
import dev.egretta.core.session.SessionRecord;
import dev.egretta.core.session.SessionStore;
import dev.egretta.core.session.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SessionStore} must have. Extend it and implement {@link #openStore()};
 * durable stores also override {@link #reopen()} so the suite checks that data survives a restart.
 * Every test uses fresh random organisations, so a store may be shared between tests.
 */
public abstract class SessionStoreContract {

  /** A store to test; it may already hold data of other organisations. */
  protected abstract SessionStore openStore();

  /**
   * For durable stores: a new store over the same data (after {@link #openStore()}'s store was
   * closed); {@code null} (the default) for stores that keep nothing.
   */
  protected SessionStore reopen() {
    return null;
  }

  protected SessionStore store;
  protected Organisation org;
  protected Organisation other;

  @BeforeEach
  void openStoreAndOrganisations() {
    store = openStore();
    org = Organisation.of("org-" + UUID.randomUUID());
    other = Organisation.of("org-" + UUID.randomUUID());
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  protected static final Instant T0 = Instant.parse("2026-03-25T19:52:47.347245Z");

  protected SessionRecord newSession(Organisation owner, Instant at) {
    return new SessionRecord(UUID.randomUUID(), owner, "What is BCM?", "business-continuity", "Business Continuity",
        "us", "United States", at, at, 0);
  }

  protected static NewMessage answer(String text, Instant at) {
    Source s = new Source("s3://docs/business-continuity/pdf/us/bcm.pdf", "bcm.pdf", 12, "BCM is the process...",
        0.8438505, Relevance.HIGHLY_RELEVANT, SourceType.DOCUMENT, null, false);
    return new NewMessage(Sender.ASSISTANT, text, "model-a", Mode.ADVISORY, List.of(s), 5607, 664,
        new ContextQuality(false, 7, 0.5552), at);
  }

  @Test
  void createdSessionIsFoundByItsOrganisationOnly() {
    SessionRecord s = newSession(org, T0);
    store.create(s);
    assertEquals(s, store.find(org, s.id()).orElseThrow());
    assertTrue(store.find(other, s.id()).isEmpty());
    assertTrue(store.find(org, UUID.randomUUID()).isEmpty());
  }

  @Test
  void creatingAnExistingIdFails() {
    SessionRecord s = newSession(org, T0);
    store.create(s);
    SessionRecord sameId = new SessionRecord(s.id(), other, "x", "d", "D", "c", "C", T0, T0, 0);
    assertThrows(IllegalArgumentException.class, () -> store.create(sameId));
    assertTrue(store.find(other, s.id()).isEmpty());
  }

  @Test
  void appendKeepsOrderIdsCountsAndEveryField() {
    SessionRecord s = newSession(org, T0);
    store.create(s);
    Instant t1 = T0.plusMillis(5);
    Instant t2 = T0.plusMillis(900);
    List<StoredMessage> first = store.append(org, s.id(), List.of(NewMessage.user("What is BCM?", "model-a", t1),
        answer("# BCM\n\nBCM is ... [Source 1]", t2)));
    List<StoredMessage> second = store.append(org, s.id(), List.of(NewMessage.user("and who owns it?", "model-a", t2.plusSeconds(1)),
        answer("# Owner\n\nThe board [Source 1]", t2.plusSeconds(2))));

    assertEquals(2, first.size());
    assertTrue(first.get(0).messageId() < first.get(1).messageId());
    assertTrue(first.get(1).messageId() < second.get(0).messageId());
    List<StoredMessage> all = store.messages(org, s.id());
    assertEquals(4, all.size());
    List<StoredMessage> expected = new ArrayList<>(first);
    expected.addAll(second);
    assertEquals(expected, all);
    StoredMessage user = all.get(0);
    assertEquals(Sender.USER, user.message().sender());
    assertNull(user.message().contextQuality());
    assertNull(user.message().mode());
    assertTrue(user.message().sources().isEmpty());
    assertEquals(0, user.message().inputTokens());
    StoredMessage assistant = all.get(1);
    assertEquals(answer("# BCM\n\nBCM is ... [Source 1]", t2), assistant.message());
    assertEquals(s.id(), assistant.sessionId());

    SessionRecord after = store.find(org, s.id()).orElseThrow();
    assertEquals(4, after.messageCount());
    assertEquals(t2.plusSeconds(2), after.lastActivityAt());
    assertEquals(T0, after.createdAt());
  }

  @Test
  void timesKeepMicrosecondsAndDropNanoseconds() {
    Instant withNanos = Instant.parse("2026-03-25T19:52:47.347245999Z");
    SessionRecord s = newSession(org, withNanos);
    store.create(s);
    store.append(org, s.id(), List.of(NewMessage.user("q", "m", withNanos)));
    SessionRecord read = store.find(org, s.id()).orElseThrow();
    assertEquals(T0, read.createdAt());
    assertEquals(T0, read.lastActivityAt());
    assertEquals(T0, store.messages(org, s.id()).getFirst().message().createdAt());
  }

  @Test
  void anotherOrganisationsSessionBehavesExactlyLikeAnUnknownOne() {
    SessionRecord s = newSession(org, T0);
    store.create(s);
    store.append(org, s.id(), List.of(NewMessage.user("q", "m", T0)));
    UUID unknown = UUID.randomUUID();

    assertEquals(message(() -> store.messages(other, unknown)).replace(unknown.toString(), "ID"),
        message(() -> store.messages(other, s.id())).replace(s.id().toString(), "ID"));
    assertThrows(NotFoundException.class, () -> store.append(other, s.id(), List.of(NewMessage.user("x", "m", T0))));
    assertThrows(NotFoundException.class, () -> store.rename(other, s.id(), "stolen"));
    assertThrows(NotFoundException.class, () -> store.delete(other, s.id()));
    assertThrows(NotFoundException.class, () -> store.messages(org, unknown));
    assertThrows(NotFoundException.class, () -> store.rename(org, unknown, "x"));
    assertThrows(NotFoundException.class, () -> store.delete(org, unknown));
    assertTrue(store.recent(other, 10).isEmpty());

    SessionRecord untouched = store.find(org, s.id()).orElseThrow();
    assertEquals("What is BCM?", untouched.title());
    assertEquals(1, untouched.messageCount());
    assertEquals(1, store.messages(org, s.id()).size());
  }

  @Test
  void recentListsLatestActivityFirstWithinTheLimit() {
    SessionRecord a = newSession(org, T0);
    SessionRecord b = newSession(org, T0.plusSeconds(1));
    SessionRecord c = newSession(org, T0.plusSeconds(2));
    store.create(a);
    store.create(b);
    store.create(c);
    store.create(newSession(other, T0.plusSeconds(9)));
    store.append(org, a.id(), List.of(NewMessage.user("later", "m", T0.plusSeconds(60))));

    List<UUID> order = store.recent(org, 10).stream().map(SessionRecord::id).toList();
    assertEquals(List.of(a.id(), c.id(), b.id()), order);
    assertEquals(List.of(a.id(), c.id()), store.recent(org, 2).stream().map(SessionRecord::id).toList());
    assertThrows(IllegalArgumentException.class, () -> store.recent(org, 0));
  }

  @Test
  void renameChangesOnlyTheTitle() {
    SessionRecord s = newSession(org, T0);
    store.create(s);
    SessionRecord renamed = store.rename(org, s.id(), "Renamed Title");
    assertEquals("Renamed Title", renamed.title());
    assertEquals(s.withTitle("Renamed Title"), store.find(org, s.id()).orElseThrow());
  }

  @Test
  void deleteRemovesTheSessionAndItsMessages() {
    SessionRecord s = newSession(org, T0);
    SessionRecord kept = newSession(org, T0);
    store.create(s);
    store.create(kept);
    store.append(org, s.id(), List.of(NewMessage.user("q", "m", T0), answer("a", T0)));
    store.append(org, kept.id(), List.of(NewMessage.user("q", "m", T0)));

    store.delete(org, s.id());

    assertTrue(store.find(org, s.id()).isEmpty());
    assertThrows(NotFoundException.class, () -> store.messages(org, s.id()));
    assertThrows(NotFoundException.class, () -> store.delete(org, s.id()));
    assertEquals(List.of(kept.id()), store.recent(org, 10).stream().map(SessionRecord::id).toList());
    assertEquals(1, store.messages(org, kept.id()).size());
  }

  @Test
  void concurrentAppendsLoseNothing() throws Exception {
    SessionRecord s = newSession(org, T0);
    store.create(s);
    int threads = 4;
    int perThread = 15;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<StoredMessage>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          List<StoredMessage> mine = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            mine.addAll(store.append(org, s.id(), List.of(NewMessage.user("t" + thread + "-" + i, "m", T0.plusMillis(i)))));
          }
          return mine;
        }));
      }
      Set<Long> ids = new HashSet<>();
      for (Future<List<StoredMessage>> f : futures) {
        f.get().forEach(m -> ids.add(m.messageId()));
      }
      assertEquals(threads * perThread, ids.size());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads * perThread, store.find(org, s.id()).orElseThrow().messageCount());
    List<StoredMessage> all = store.messages(org, s.id());
    assertEquals(threads * perThread, all.size());
    for (int i = 1; i < all.size(); i++) {
      assertTrue(all.get(i - 1).messageId() < all.get(i).messageId(), "messages are listed in id order");
    }
  }

  @Test
  void durableStoreKeepsEverythingAcrossARestart() {
    SessionRecord s = newSession(org, T0);
    store.create(s);
    List<StoredMessage> written = store.append(org, s.id(), List.of(NewMessage.user("q", "m", T0), answer("a", T0.plusMillis(3))));
    store.rename(org, s.id(), "Kept");
    store.close();
    SessionStore again = reopen();
    if (again == null) {
      store = openStore();
      return;
    }
    store = again;
    assertEquals("Kept", store.find(org, s.id()).orElseThrow().title());
    assertEquals(written, store.messages(org, s.id()));
    List<StoredMessage> next = store.append(org, s.id(), List.of(NewMessage.user("q2", "m", T0.plusSeconds(1))));
    assertTrue(next.getFirst().messageId() > written.getLast().messageId(), "ids keep increasing after a restart");
    assertFalse(store.recent(org, 1).isEmpty());
  }

  private static String message(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(NotFoundException.class, call).getMessage();
  }
}
