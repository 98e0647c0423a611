package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.Relevance;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Organisation;
import dev.egretta.core.pipeline.EvidenceSelector;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.testsupport.TestPdfs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence selection and the answerability decision with the real embedding model, the fitted
 * coefficients and a real index of PDFs generated here.
 */
class EvidenceAndAnswerabilityTest {
  @TempDir Path dir;

  private static final String ANSWER = "The system owner tests the restoration of backups every quarter.";

  private Path corpus() throws Exception {
    Path root = dir.resolve("corpus");
    TestPdfs.pdf().title("Backup Procedure").pages(List.of(
        "Backup Procedure\n\nThis procedure describes how the agency backs up its information systems."
            + " Backups protect system data against loss and corruption. Full backups of every production system are"
            + " taken weekly and incremental backups are taken daily. Backup media are stored at an alternate storage"
            + " site that is geographically separated from the primary data centre.",
        "Backup Testing\n\nBackup testing is part of contingency planning, and backup restoration testing results"
            + " feed the backup testing report on restoration testing of backups. " + ANSWER
            + " Test results are recorded in the contingency plan of the system.",
        "Data Centre Operations\n\nThe primary data centre is operated by the infrastructure team. Suppliers that host"
            + " agency systems in their own data centres must follow the agency's security requirements and are"
            + " assessed by the contracting officer."))
        .write(root.resolve("business-continuity/pdf/us/backup.pdf"));
    return root;
  }

  private static QueryResponse ask(EgrettaEngine engine, String question) {
    return engine.query(ValidatedQuery.of(question, "business-continuity", "us", Mode.COMPLIANCE), Organisation.LOCAL);
  }

  @Test
  void theAnsweringSentenceLeadsTheAnswerAndTheExcerptAndANearTopicQuestionIsFlagged() throws Exception {
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"))) {
      kb.ingest(LocalFolderSource.of(corpus()), IngestOptions.publicLibrary(), IngestListener.NONE);
      try (EgrettaEngine engine = EgrettaEngine.builder().retriever(kb).build()) {
        QueryResponse answered = ask(engine, "How often must backup restoration be tested?");
        assertThat(answered.contextQuality().insufficientContext()).isFalse();
        assertThat(answered.response()).contains("The documents state:\n\n- \"" + ANSWER + "\" [Source ");
        assertThat(answered.sources()).anySatisfy(s -> assertThat(s.excerpt()).startsWith(ANSWER));

        QueryResponse unanswerable = ask(engine, "How many days' notice must a supplier give before moving its data centre?");
        assertThat(unanswerable.contextQuality().insufficientContext()).isTrue();
        // on topic: the closest passages come back for checking, uncited and never above "Partially Relevant"
        assertThat(unanswerable.sources()).isNotEmpty()
            .allSatisfy(s -> assertThat(s.relevance()).isEqualTo(Relevance.PARTIALLY_RELEVANT));
        assertThat(unanswerable.sources()).anySatisfy(s -> assertThat(s.excerpt()).contains("data centre"));
        assertThat(unanswerable.response()).contains("does not cover").contains("closest passages")
            .doesNotContain("[Source");
        assertThat(unanswerable.suggestions()).isEmpty();
      }
    }
  }

  @Test
  void withTheModelTheAnsweringSentenceBeatsAKeywordHeavyNonAnswer() throws Exception {
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"))) {
      String keywordHeavy = "Backup testing is part of contingency planning, and backup restoration testing results"
          + " feed the backup testing report on restoration testing of backups.";
      RetrievedPassage p = new RetrievedPassage("c1", "file:///b.pdf", "b.pdf", 2, 2, "Backup Testing",
          keywordHeavy + " " + ANSWER, false, 0.6);
      // no answer type in the question and the same focus words in both: words alone cannot tell them apart
      String question = "Does anyone test the backup restoration?";
      assertThat(EvidenceSelector.lexical().select(question, List.of(p))
          .ranked().getFirst().sentence()).isEqualTo(keywordHeavy);
      assertThat(EvidenceSelector.embedding(kb).select(question, List.of(p))
          .ranked().getFirst().sentence()).isEqualTo(ANSWER);
    }
  }
}
