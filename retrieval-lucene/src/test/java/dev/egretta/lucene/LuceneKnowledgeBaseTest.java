package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.Organisation;
import dev.egretta.core.spi.DomainCategory;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.testsupport.TestPdfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneKnowledgeBaseTest {
  private static final Organisation ACME = Organisation.of("acme");

  @TempDir Path dir;

  private Path corpus() throws Exception {
    Path root = dir.resolve("corpus");
    TestPdfs.pdf().title("Backup Procedure").pages(List.of(
        "Backup Procedure\n\nThis procedure describes how backups are taken. Backups of all servers run every night at midnight."
            + " Each backup job writes a log entry that the duty administrator reviews the next morning before nine."
            + " Failed jobs are re-run the same day and escalated to the infrastructure manager if they fail twice.",
        "Restoration Testing\n\nRestoration from backup tapes is tested every quarter by the operations team."
            + " The test results are reported to the chief information officer within ten days."))
        .write(root.resolve("business-continuity/pdf/us/backup.pdf"));
    TestPdfs.pdf().title("Incident Response").pages(List.of(
        "Incident Reporting\n\nAll security incidents must be reported to the security operations centre within one hour of discovery."))
        .write(root.resolve("information-security/pdf/us/incident.pdf"));
    return root;
  }

  /** Acme's private documents: one PDF about where its backups are kept. */
  private Path acmeCorpus() throws Exception {
    Path root = dir.resolve("acme");
    TestPdfs.pdf().title("Acme Backups").pages(List.of(
        "Acme keeps its backups in a vault in Denver and tests restoration every month."))
        .write(root.resolve("business-continuity/pdf/us/acme-backup.pdf"));
    return root;
  }

  private static void ingestPublicAndAcme(LuceneKnowledgeBase kb, Path publicRoot, Path acmeRoot) {
    kb.ingest(LocalFolderSource.of(publicRoot), IngestOptions.publicLibrary(), IngestListener.NONE);
    kb.ingest(LocalFolderSource.of(acmeRoot), IngestOptions.privateTo(ACME), IngestListener.NONE);
  }

  private static RetrievalRequest query(String text, String domain, String category) {
    return new RetrievalRequest(text, SearchScope.publicOnly(domain, category), 5);
  }

  @Test
  void findsThePageOfTheAnswerWithinTheScope() throws Exception {
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"))) {
      IngestReport report = kb.ingest(LocalFolderSource.of(corpus()), IngestOptions.publicLibrary(), IngestListener.NONE);
      assertThat(report.documentsIndexed()).isEqualTo(2);
      assertThat(report.pages()).isEqualTo(3);
      assertThat(report.rejected()).isEmpty();

      List<RetrievedPassage> hits = kb.retrieve(query("How often is restoration from backup tested?", "business-continuity", "us"));
      assertThat(hits).isNotEmpty();
      RetrievedPassage best = hits.get(0);
      assertThat(best.filename()).isEqualTo("backup.pdf");
      assertThat(best.documentUri()).startsWith("file:///").endsWith("/business-continuity/pdf/us/backup.pdf");
      assertThat(best.startPage()).isEqualTo(2);
      assertThat(best.text()).contains("every quarter");
      assertThat(best.heading()).isEqualTo("Restoration Testing");
      assertThat(best.isPrivate()).isFalse();
      for (int i = 0; i < hits.size(); i++) {
        assertThat(hits.get(i).score()).isBetween(0.0, 1.0);
        if (i > 0) {
          assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
        }
      }
      // the filter is inside the search: another domain never leaks in, even for a matching question
      assertThat(kb.retrieve(query("How often is restoration from backup tested?", "information-security", "us")))
          .allSatisfy(p -> assertThat(p.filename()).isEqualTo("incident.pdf"));
      assertThat(kb.retrieve(query("backup", "business-continuity", "sg"))).isEmpty();
      assertThat(kb.domainCategories(ACME)).containsExactlyInAnyOrder(
          new DomainCategory("business-continuity", "us"), new DomainCategory("information-security", "us"));
    }
  }

  @Test
  void filingsFollowDeletionsRejectionsAndOwners() throws Exception {
    Path root = corpus();
    Path acme = acmeCorpus();
    TestPdfs.pdf().title("Old").pages(List.of("An old vendor policy, reviewed once a year."))
        .write(root.resolve("vendor-risk/pdf/sg/old.pdf"));
    Files.createDirectories(root.resolve("broken-domain/pdf/eu"));
    Files.writeString(root.resolve("broken-domain/pdf/eu/notes.pdf"), "not a PDF");
    Organisation other = Organisation.of("other");
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"))) {
      ingestPublicAndAcme(kb, root, acme);
      TestPdfs.pdf().title("Acme EU").pages(List.of("Acme's EU continuity plan is tested twice a year."))
          .write(acme.resolve("business-continuity/pdf/eu/acme-eu.pdf"));
      kb.ingest(LocalFolderSource.of(acme), IngestOptions.privateTo(ACME), IngestListener.NONE);
      assertThat(kb.domainCategories(ACME)).containsExactlyInAnyOrder(new DomainCategory("business-continuity", "us"),
          new DomainCategory("information-security", "us"), new DomainCategory("vendor-risk", "sg"),
          new DomainCategory("business-continuity", "eu"));
      assertThat(kb.domainCategories(other)).as("another organisation's private filing and a rejected file")
          .doesNotContain(new DomainCategory("business-continuity", "eu"), new DomainCategory("broken-domain", "eu"));

      Files.delete(root.resolve("vendor-risk/pdf/sg/old.pdf"));
      kb.ingest(LocalFolderSource.of(root), IngestOptions.publicLibrary().withSync(), IngestListener.NONE);
      assertThat(kb.domainCategories(other)).as("a deleted document's filing is gone (its terms stay in the index until a merge)")
          .containsExactlyInAnyOrder(new DomainCategory("business-continuity", "us"),
              new DomainCategory("information-security", "us"));
    }
  }

  @Test
  void treatsQuerySyntaxAsPlainText() throws Exception {
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"))) {
      kb.ingest(LocalFolderSource.of(corpus()), IngestOptions.publicLibrary(), IngestListener.NONE);
      for (String text : List.of("backup AND (tapes OR \"servers", "title:[a TO z] ~2 ^3 \\ / *", "the of and")) {
        for (RetrieverKind kind : RetrieverKind.values()) {
          assertThat(kb.search(query(text, "business-continuity", "us"), kind)).isNotNull();
        }
      }
      assertThat(kb.search(query("backup tapes quarter", "business-continuity", "us"), RetrieverKind.BM25).get(0).startPage())
          .isEqualTo(2);
    }
  }

  @Test
  void aPassageWithTheQuestionsWordsTogetherOutranksOneWithThemApartByBm25Proximity() throws Exception {
    Path root = dir.resolve("boards");
    // both name "review" and "board" once; the shorter one has them apart, so bag-of-words prefers it
    TestPdfs.pdf().title("Budget").pages(List.of("The board meets monthly. Every policy gets a review each year."))
        .write(root.resolve("information-security/pdf/us/apart.pdf"));
    TestPdfs.pdf().title("Exceptions").pages(List.of(
        "The review board meets monthly and approves the exceptions to every policy each year."))
        .write(root.resolve("information-security/pdf/us/together.pdf"));
    TestPdfs.pdf().title("Incidents").pages(List.of("Incidents are reported to the security operations centre within one hour."))
        .write(root.resolve("information-security/pdf/us/other.pdf"));
    Path index = dir.resolve("index");
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index, LuceneConfig.builder().bm25Proximity(0).build())) {
      kb.ingest(LocalFolderSource.of(root), IngestOptions.publicLibrary(), IngestListener.NONE);
      assertThat(kb.search(query("Who sits on the review board?", "information-security", "us"), RetrieverKind.BM25))
          .extracting(RetrievedPassage::filename).containsExactly("apart.pdf", "together.pdf");
    }
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index, LuceneConfig.builder().bm25Proximity(0.3).build())) {
      assertThat(kb.search(query("Who sits on the review board?", "information-security", "us"), RetrieverKind.BM25))
          .extracting(RetrievedPassage::filename).containsExactly("together.pdf", "apart.pdf");
    }
  }

  @Test
  void theProximitySlopSaysHowNearTheQuestionsWordsMustStand() throws Exception {
    Path root = dir.resolve("slop");
    // the same words in both; "review" and "board" stand 6 positions apart in one, 11 in the other
    TestPdfs.pdf().title("Near").pages(List.of("Review of the policy by the board is yearly and the budget is monthly."))
        .write(root.resolve("information-security/pdf/us/near.pdf"));
    TestPdfs.pdf().title("Far").pages(List.of("Review of the budget is monthly and the policy by the board is yearly."))
        .write(root.resolve("information-security/pdf/us/far.pdf"));
    Path index = dir.resolve("index");
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index, LuceneConfig.builder().bm25Proximity(0.3).bm25ProximitySlop(2).build())) {
      kb.ingest(LocalFolderSource.of(root), IngestOptions.publicLibrary(), IngestListener.NONE);
      // neither within 2: a tie, ended in chunk id order
      assertThat(kb.search(query("review board", "information-security", "us"), RetrieverKind.BM25))
          .extracting(RetrievedPassage::filename).containsExactly("far.pdf", "near.pdf");
    }
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index, LuceneConfig.builder().bm25Proximity(0.3).bm25ProximitySlop(8).build())) {
      assertThat(kb.search(query("review board", "information-security", "us"), RetrieverKind.BM25))
          .extracting(RetrievedPassage::filename).containsExactly("near.pdf", "far.pdf");
    }
  }

  @Test
  void aQuestionSpeltTheOtherWayFindsTheWordByBm25() throws Exception {
    // the incident procedure says "centre"; an American question says "center"
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"))) {
      kb.ingest(LocalFolderSource.of(corpus()), IngestOptions.publicLibrary(), IngestListener.NONE);
      for (String q : List.of("center", "centre")) {
        assertThat(kb.search(query(q, "information-security", "us"), RetrieverKind.BM25)).as(q)
            .extracting(RetrievedPassage::filename).containsExactly("incident.pdf");
      }
      assertThat(kb.search(query("centerfold", "information-security", "us"), RetrieverKind.BM25)).isEmpty();
    }
  }

  @Test
  void skipsUnchangedDocumentsAndReplacesChangedOnesWhole() throws Exception {
    Path root = corpus();
    Path index = dir.resolve("index");
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index)) {
      kb.ingest(LocalFolderSource.of(root), IngestOptions.publicLibrary(), IngestListener.NONE);
      int chunksBefore = kb.chunkCount();

      IngestReport again = kb.ingest(LocalFolderSource.of(root), IngestOptions.publicLibrary(), IngestListener.NONE);
      assertThat(again.documentsUnchanged()).isEqualTo(2);
      assertThat(again.documentsIndexed()).isZero();

      // touched but identical content: skipped by its SHA-256
      Path backup = root.resolve("business-continuity/pdf/us/backup.pdf");
      Files.setLastModifiedTime(backup, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
      assertThat(kb.ingest(LocalFolderSource.of(root), IngestOptions.publicLibrary(), IngestListener.NONE).documentsUnchanged())
          .isEqualTo(2);

      TestPdfs.pdf().title("Backup Procedure").pages(List.of("Backups are now replicated to a second data centre in Ohio."))
          .write(backup);
      Files.setLastModifiedTime(backup, FileTime.fromMillis(System.currentTimeMillis() + 120_000));
      IngestReport changed = kb.ingest(LocalFolderSource.of(root), IngestOptions.publicLibrary(), IngestListener.NONE);
      assertThat(changed.documentsIndexed()).isEqualTo(1);
      assertThat(changed.documentsUnchanged()).isEqualTo(1);
      List<RetrievedPassage> hits = kb.retrieve(query("restoration tested quarter", "business-continuity", "us"));
      assertThat(hits).allSatisfy(p -> assertThat(p.text()).doesNotContain("quarter"));
      assertThat(hits.get(0).text()).contains("Ohio");
      assertThat(kb.chunkCount()).isLessThan(chunksBefore);
    }
    try (LuceneKnowledgeBase reopened = LuceneKnowledgeBase.open(index)) {
      assertThat(reopened.documents(Optional.empty())).hasSize(2);
      assertThat(reopened.ingest(LocalFolderSource.of(root), IngestOptions.publicLibrary(), IngestListener.NONE).documentsUnchanged())
          .isEqualTo(2);
    }
  }

  @Test
  void vectorSearchKeepsEachScopeOnceItsFilterIsCachedAndAfterDeletes() throws Exception {
    Path root = corpus();
    Path privateRoot = acmeCorpus();
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"))) {
      ingestPublicAndAcme(kb, root, privateRoot);
      String q = "Where are backups kept and how often is restoration tested?";
      var publicOnly = SearchScope.publicOnly("business-continuity", "us");
      var acmeOnly = new SearchScope("business-continuity", "us", false, Optional.of(ACME));
      var otherAll = new SearchScope("business-continuity", "us", true, Optional.of(Organisation.of("other")));
      var security = SearchScope.publicOnly("information-security", "us");
      for (int round = 0; round < 2; round++) { // the first round fills the filter cache, the second reads it
        assertThat(kb.search(new RetrievalRequest(q, publicOnly, 10), RetrieverKind.DENSE))
            .isNotEmpty().noneMatch(RetrievedPassage::isPrivate).allMatch(p -> p.filename().equals("backup.pdf"));
        assertThat(kb.search(new RetrievalRequest(q, acmeOnly, 10), RetrieverKind.DENSE))
            .isNotEmpty().allMatch(p -> p.filename().equals("acme-backup.pdf"));
        assertThat(kb.search(new RetrievalRequest(q, otherAll, 10), RetrieverKind.DENSE)).noneMatch(RetrievedPassage::isPrivate);
        assertThat(kb.search(new RetrievalRequest(q, security, 10), RetrieverKind.DENSE))
            .isNotEmpty().allMatch(p -> p.filename().equals("incident.pdf"));
      }
      String uri = kb.documents(Optional.of(ACME)).get(0).uri();
      assertThat(kb.deleteDocument(Optional.of(ACME), uri)).isTrue();
      assertThat(kb.search(new RetrievalRequest(q, acmeOnly, 10), RetrieverKind.DENSE)).isEmpty();
    }
  }

  @Test
  void keepsPrivateDocumentsToTheirOrganisationAndSyncDeletesVanishedOnes() throws Exception {
    Path root = corpus();
    Path privateRoot = acmeCorpus();
    TestPdfs.pdf().title("Old").pages(List.of("An outdated plan about floppy disks."))
        .write(privateRoot.resolve("business-continuity/pdf/us/old.pdf"));
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"))) {
      ingestPublicAndAcme(kb, root, privateRoot);
      assertThat(kb.hasPrivateDocuments(ACME)).isTrue();
      assertThat(kb.hasPrivateDocuments(Organisation.of("other"))).isFalse();
      assertThat(kb.documents(Optional.of(ACME))).extracting(IndexedDocument::filename)
          .containsExactlyInAnyOrder("acme-backup.pdf", "old.pdf");

      String q = "Where are backups kept and how often is restoration tested?";
      assertThat(kb.retrieve(query(q, "business-continuity", "us"))).noneMatch(RetrievedPassage::isPrivate);
      var acmeAll = new SearchScope("business-continuity", "us", true, Optional.of(ACME));
      assertThat(kb.retrieve(new RetrievalRequest(q, acmeAll, 10))).anyMatch(RetrievedPassage::isPrivate);
      var acmeOnly = new SearchScope("business-continuity", "us", false, Optional.of(ACME));
      assertThat(kb.retrieve(new RetrievalRequest(q, acmeOnly, 10))).isNotEmpty().allMatch(RetrievedPassage::isPrivate);
      var otherAll = new SearchScope("business-continuity", "us", true, Optional.of(Organisation.of("other")));
      assertThat(kb.retrieve(new RetrievalRequest(q, otherAll, 10))).noneMatch(RetrievedPassage::isPrivate);

      Files.delete(privateRoot.resolve("business-continuity/pdf/us/old.pdf"));
      List<DocumentOutcome> outcomes = new ArrayList<>();
      IngestReport sync = kb.ingest(LocalFolderSource.of(privateRoot), IngestOptions.privateTo(ACME).withSync(),
          new IngestListener() {
            @Override
            public void documentFinished(dev.egretta.core.spi.SourceDocument d, DocumentOutcome o, String detail) {
              outcomes.add(o);
            }
          });
      assertThat(sync.documentsDeleted()).isEqualTo(1);
      assertThat(outcomes).containsExactlyInAnyOrder(DocumentOutcome.UNCHANGED, DocumentOutcome.DELETED);
      assertThat(kb.documents(Optional.of(ACME))).extracting(IndexedDocument::filename).containsExactly("acme-backup.pdf");
      assertThat(kb.documents(Optional.empty())).hasSize(2);
      String privateFolder = privateRoot.toUri().toString();
      String publicUri = kb.documents(Optional.empty()).get(0).uri();
      assertThat(kb.holdsDocumentsUnder(Optional.of(ACME), privateFolder)).isTrue();
      assertThat(kb.holdsDocumentsUnder(Optional.empty(), privateFolder)).as("another owner's documents").isFalse();
      assertThat(kb.holdsDocumentsUnder(Optional.empty(), publicUri)).isTrue();
      assertThat(kb.holdsDocumentsUnder(Optional.of(ACME), publicUri)).isFalse();
      assertThat(kb.holdsDocumentsUnder(Optional.of(ACME), "s3://")).isFalse();
      assertThat(kb.holdsDocumentsUnder(Optional.of(ACME), privateFolder + "business-continuity/pdf/us/old.pdf"))
          .as("a deleted document").isFalse();

      String uri = kb.documents(Optional.of(ACME)).get(0).uri();
      assertThat(kb.deleteDocument(Optional.empty(), uri)).isFalse();
      assertThat(kb.deleteDocument(Optional.of(ACME), uri)).isTrue();
      assertThat(kb.hasPrivateDocuments(ACME)).isFalse();
    }
  }

  @Test
  void rejectsBadFilesWithAReasonAndIndexesTheRest() throws Exception {
    Path root = corpus();
    Path us = root.resolve("business-continuity/pdf/us");
    Files.writeString(us.resolve("notes.pdf"), "just some text, not a PDF");
    Files.write(us.resolve("empty.pdf"), new byte[0]);
    TestPdfs.pdf().title("Locked").pages(List.of("Secret.")).userPassword("pw").write(us.resolve("locked.pdf"));
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"))) {
      IngestReport report = kb.ingest(LocalFolderSource.of(root), IngestOptions.publicLibrary(), IngestListener.NONE);
      assertThat(report.documentsIndexed()).isEqualTo(2);
      assertThat(report.rejected()).extracting(Rejection::reason)
          .anySatisfy(r -> assertThat(r).contains("not a PDF"))
          .anySatisfy(r -> assertThat(r).isEqualTo("empty file"))
          .anySatisfy(r -> assertThat(r).contains("encrypted"));
      assertThat(report.toJsonMap()).containsKeys("documents_indexed", "documents_unchanged", "documents_rejected", "pages", "chunks", "seconds");
      // rejected files are remembered: an unchanged one is reported again without being parsed
      IngestReport again = kb.ingest(LocalFolderSource.of(root), IngestOptions.publicLibrary(), IngestListener.NONE);
      assertThat(again.rejected()).hasSize(3);
      assertThat(again.documentsUnchanged()).isEqualTo(2);
    }
  }

  @Test
  void aDocumentWhoseReadFailsKeepsItsPreviousVersionAndIsReadAgainNextRun() throws Exception {
    Path root = corpus();
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"))) {
      kb.ingest(LocalFolderSource.of(root), IngestOptions.publicLibrary(), IngestListener.NONE);
      Path backup = root.resolve("business-continuity/pdf/us/backup.pdf");
      Files.setLastModifiedTime(backup, FileTime.fromMillis(Files.getLastModifiedTime(backup).toMillis() + 60_000));
      LocalFolderSource healthy = LocalFolderSource.of(root);
      dev.egretta.core.spi.DocumentSource failing = new dev.egretta.core.spi.DocumentSource() {
        @Override
        public List<dev.egretta.core.spi.SourceDocument> list() throws java.io.IOException {
          return healthy.list();
        }

        @Override
        public java.io.InputStream open(dev.egretta.core.spi.SourceDocument d) throws java.io.IOException {
          if (d.filename().equals("backup.pdf")) {
            throw new java.io.IOException("connection reset");
          }
          return healthy.open(d);
        }
      };

      IngestReport failed = kb.ingest(failing, IngestOptions.publicLibrary(), IngestListener.NONE);
      assertThat(failed.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("connection reset"));
      // the version indexed before the failure is still searchable
      assertThat(kb.retrieve(query("restoration from backup tapes", "business-continuity", "us")))
          .anySatisfy(p -> assertThat(p.filename()).isEqualTo("backup.pdf"));

      IngestReport retried = kb.ingest(healthy, IngestOptions.publicLibrary(), IngestListener.NONE);
      assertThat(retried.rejected()).isEmpty();
      assertThat(retried.documentsUnchanged()).isEqualTo(2);
    }
  }

  @Test
  void closedKnowledgeBaseAnswersWithAnEgrettaException() throws Exception {
    LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"));
    assertThat(kb.countTokens("Backups of all servers run every night.")).isBetween(5, 20);
    kb.close();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> kb.retrieve(query("backup", "business-continuity", "us")))
        .isInstanceOf(dev.egretta.core.EgrettaException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void syncOfOneFolderNeverDeletesDocumentsIndexedFromAnother() throws Exception {
    Path first = corpus();
    Path second = dir.resolve("second");
    TestPdfs.pdf().title("Vendor Plan").pages(List.of(
        "Vendors must provide a continuity plan that is reviewed every year by the procurement office."))
        .write(second.resolve("business-continuity/pdf/us/vendor.pdf"));
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"))) {
      kb.ingest(LocalFolderSource.of(first), IngestOptions.publicLibrary(), IngestListener.NONE);

      IngestReport sync = kb.ingest(LocalFolderSource.of(second), IngestOptions.publicLibrary().withSync(), IngestListener.NONE);

      assertThat(sync.documentsDeleted()).isZero();
      assertThat(kb.documents(Optional.empty())).extracting(IndexedDocument::filename)
          .containsExactlyInAnyOrder("backup.pdf", "incident.pdf", "vendor.pdf");
      assertThat(LocalFolderSource.of(first).covers(first.toRealPath().resolve("x/pdf/y/a.pdf").toUri().toString())).isTrue();
      assertThat(LocalFolderSource.of(first).covers(second.toRealPath().resolve("a.pdf").toUri().toString())).isFalse();
    }
  }
}
