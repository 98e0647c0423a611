package dev.egretta.testkit.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.egretta.core.Organisation;
import dev.egretta.core.spi.CorpusInventory;
import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.DomainCategory;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.Retriever;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every retrieval backend must have, run by the Lucene and the Elasticsearch backends
 * alike: idempotent re-ingestion, replacement of a changed document, sync deletes, scope isolation
 * between organisations and between public and private documents, page metadata, and scores in [0, 1]
 * that never increase down the list. Extend it and implement {@link #openBackend()}. Every test files
 * its documents under a fresh domain and fresh organisations, so a backend may be shared between tests.
 */
public abstract class RetrieverContract {

  /** A backend under test, with its ingestion; it may already hold other tests' documents. */
  public interface Backend extends Retriever, CorpusInventory, AutoCloseable {
    IngestReport ingest(DocumentSource source, IngestOptions options);

    @Override
    void close();

    /** A knowledge base (both backends are one) with its ingestion, e.g. {@code (s, o) -> kb.ingest(s, o, NONE)}. */
    static <K extends Retriever & CorpusInventory & AutoCloseable> Backend of(K kb,
        BiFunction<DocumentSource, IngestOptions, IngestReport> ingest) {
      return new Backend() {
        @Override
        public IngestReport ingest(DocumentSource source, IngestOptions options) {
          return ingest.apply(source, options);
        }

        @Override
        public List<RetrievedPassage> retrieve(RetrievalRequest request) {
          return kb.retrieve(request);
        }

        @Override
        public Set<DomainCategory> domainCategories(Organisation caller) {
          return kb.domainCategories(caller);
        }

        @Override
        public boolean hasPrivateDocuments(Organisation caller) {
          return kb.hasPrivateDocuments(caller);
        }

        @Override
        public void close() {
          try {
            kb.close();
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException("cannot close the backend: " + e.getMessage(), e);
          }
        }
      };
    }
  }

  /** The backend to test (a fresh one or a shared one). Every page of the test documents is one chunk. */
  protected abstract Backend openBackend();

  protected Backend backend;
  protected String domain;
  protected Organisation org;
  protected Organisation other;
  private MemoryTextSource source;
  private String run;

  @BeforeEach
  void openBackendAndNames() {
    backend = openBackend();
    run = UUID.randomUUID().toString().substring(0, 8);
    domain = "contract-" + run;
    org = Organisation.of("org-a-" + run);
    other = Organisation.of("org-b-" + run);
    source = new MemoryTextSource("mem://" + run + "/");
  }

  @AfterEach
  void closeBackend() {
    if (backend != null) { // null when openBackend skipped the test (its server is absent)
      backend.close();
    }
  }

  private static final String RECOVERY = "The recovery time objective for payment processing is four hours, and wire"
      + " transfers resume from the secondary data centre after a regional outage. Operators test the failover every"
      + " quarter and record the results in the continuity register.";
  private static final String PHISHING = "Phishing emails must be reported to the security operations team within"
      + " fifteen minutes of receipt. The team quarantines the message, resets exposed credentials and informs every"
      + " recipient of the campaign.";
  private static final String VOLCANO = "Volcanic ash clouds ground aircraft because the glassy particles melt inside"
      + " jet engines. Airlines reroute flights around the plume until the meteorological office lifts the warning.";
  private static final String ORCHARD = "The orchard grows twelve varieties of apples, pears and plums, and the harvest"
      + " festival sells cider pressed from windfall fruit every October. Volunteers prune the old trees in winter,"
      + " graft new stock in spring and keep bees between the rows to pollinate the blossom.";

  private IngestReport ingest(Optional<Organisation> owner, boolean sync) {
    IngestOptions o = new IngestOptions(owner, sync);
    return backend.ingest(source, o);
  }

  private List<RetrievedPassage> search(String text, SearchScope scope, int limit) {
    return backend.retrieve(new RetrievalRequest(text, scope, limit));
  }

  private SearchScope publicScope() {
    return SearchScope.publicOnly(domain, "us");
  }

  @Test
  void reingestingAnUnchangedSourceChangesNothing() {
    source.put("recovery.txt", domain, "us", List.of(RECOVERY, PHISHING));
    source.put("volcano.txt", domain, "us", List.of(VOLCANO));
    IngestReport first = ingest(Optional.empty(), false);
    assertEquals(2, first.documentsIndexed(), () -> "first run: " + first);
    List<RetrievedPassage> before = search("recovery time objective", publicScope(), 20);

    IngestReport second = ingest(Optional.empty(), false);
    assertEquals(0, second.documentsIndexed(), () -> "second run re-indexed: " + second);
    assertEquals(2, second.documentsUnchanged());
    List<RetrievedPassage> after = search("recovery time objective", publicScope(), 20);
    assertEquals(before.stream().map(RetrievedPassage::chunkId).toList(), after.stream().map(RetrievedPassage::chunkId).toList());
    assertEquals(3, after.size(), "three pages, one chunk each, and no duplicates: " + after);
  }

  @Test
  void aChangedDocumentReplacesItsOldChunks() {
    String uri = source.put("policy.txt", domain, "us", List.of(ORCHARD, RECOVERY, PHISHING));
    ingest(Optional.empty(), false);
    assertEquals(3, search("orchard apples", publicScope(), 50).size());

    source.put("policy.txt", domain, "us", List.of(VOLCANO));
    IngestReport changed = ingest(Optional.empty(), false);
    assertEquals(1, changed.documentsIndexed(), () -> "changed document not re-indexed: " + changed);
    List<RetrievedPassage> hits = search("orchard apples harvest", publicScope(), 50);
    assertEquals(1, hits.size(), () -> "old chunks survived the replacement: " + hits);
    assertEquals(uri, hits.get(0).documentUri());
    assertTrue(hits.get(0).text().contains("Volcanic ash"), () -> "not the new text: " + hits.get(0).text());
  }

  @Test
  void syncDeletesWhatTheSourceNoLongerLists() {
    source.put("keep.txt", domain, "us", List.of(RECOVERY));
    String gone = source.put("gone.txt", domain, "us", List.of(VOLCANO));
    ingest(Optional.empty(), false);
    source.remove("gone.txt");

    IngestReport withoutSync = ingest(Optional.empty(), false);
    assertEquals(0, withoutSync.documentsDeleted());
    assertTrue(search("volcanic ash aircraft", publicScope(), 10).stream().anyMatch(p -> p.documentUri().equals(gone)));

    IngestReport sync = ingest(Optional.empty(), true);
    assertEquals(1, sync.documentsDeleted(), () -> "sync did not delete: " + sync);
    List<RetrievedPassage> hits = search("volcanic ash aircraft", publicScope(), 10);
    assertTrue(hits.stream().noneMatch(p -> p.documentUri().equals(gone)), () -> "deleted document still found: " + hits);
    assertEquals(1, hits.size());
  }

  @Test
  void scopesIsolateOrganisationsAndThePublicLibrary() {
    source.put("public.txt", domain, "us", List.of(PHISHING));
    ingest(Optional.empty(), false);
    source = new MemoryTextSource("mem://" + run + "/a/");
    String mine = source.put("mine.txt", domain, "us", List.of(PHISHING + " Internal note for " + org.id() + "."));
    source.put("mine-elsewhere.txt", domain + "-private", "eu", List.of(RECOVERY));
    ingest(Optional.of(org), false);
    source = new MemoryTextSource("mem://" + run + "/b/");
    String theirs = source.put("theirs.txt", domain, "us", List.of(PHISHING + " Internal note for " + other.id() + "."));
    ingest(Optional.of(other), false);

    for (String q : List.of("phishing report security team", "internal note", "recovery time objective")) {
      List<RetrievedPassage> all = search(q, new SearchScope(domain, "us", true, Optional.of(org)), 50);
      assertTrue(all.stream().noneMatch(p -> p.documentUri().equals(theirs)), () -> "another organisation's chunk: " + all);
      assertTrue(all.stream().filter(RetrievedPassage::isPrivate).allMatch(p -> p.documentUri().equals(mine)));
      List<RetrievedPassage> pub = search(q, publicScope(), 50);
      assertTrue(pub.stream().noneMatch(RetrievedPassage::isPrivate), () -> "a private chunk in the public scope: " + pub);
      List<RetrievedPassage> theirsOnly = search(q, new SearchScope(domain, "us", false, Optional.of(other)), 50);
      assertTrue(theirsOnly.stream().allMatch(p -> p.documentUri().equals(theirs)), () -> "outside the scope: " + theirsOnly);
    }
    assertEquals(2, search("phishing", new SearchScope(domain, "us", true, Optional.of(org)), 50).size());

    assertTrue(backend.domainCategories(org).contains(new DomainCategory(domain + "-private", "eu")));
    assertFalse(backend.domainCategories(other).contains(new DomainCategory(domain + "-private", "eu")),
        "another organisation's private filing is visible");
    assertTrue(backend.domainCategories(other).contains(new DomainCategory(domain, "us")));
    assertTrue(backend.hasPrivateDocuments(org));
    assertFalse(backend.hasPrivateDocuments(Organisation.of("org-none-" + UUID.randomUUID().toString().substring(0, 8))));
  }

  @Test
  void hitsCarryTheirPagesAndDocument() {
    String uri = source.put("three-pages.txt", domain, "us", List.of(ORCHARD, RECOVERY, VOLCANO));
    ingest(Optional.empty(), false);
    RetrievedPassage hit = search("volcanic ash jet engines", publicScope(), 1).get(0);
    assertEquals(uri, hit.documentUri());
    assertEquals("three-pages.txt", hit.filename());
    assertEquals(3, hit.startPage());
    assertEquals(3, hit.endPage());
    assertFalse(hit.isPrivate());
    RetrievedPassage second = search("recovery time objective payment processing", publicScope(), 1).get(0);
    assertEquals(2, second.startPage());
  }

  @Test
  void scoresAreInTheUnitIntervalAndNeverIncreaseDownTheList() {
    source.put("a.txt", domain, "us", List.of(RECOVERY, PHISHING));
    source.put("b.txt", domain, "us", List.of(VOLCANO, ORCHARD));
    ingest(Optional.empty(), false);
    for (String q : List.of("recovery time objective", "phishing", "what happens to jet engines in ash", "cider")) {
      List<RetrievedPassage> hits = search(q, publicScope(), 10);
      assertFalse(hits.isEmpty(), q);
      for (int i = 0; i < hits.size(); i++) {
        double s = hits.get(i).score();
        assertTrue(s >= 0 && s <= 1, "score out of [0, 1]: " + s);
        if (i > 0) {
          assertTrue(s <= hits.get(i - 1).score(), () -> "scores increase down the list for '" + q + "': " + hits);
        }
      }
    }
    assertEquals("a.txt", search("recovery time objective", publicScope(), 1).get(0).filename());
  }
}
