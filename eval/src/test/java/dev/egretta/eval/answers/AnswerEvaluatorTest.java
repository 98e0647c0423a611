package dev.egretta.eval.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.egretta.core.pipeline.ContextDecision;
import dev.egretta.core.pipeline.ContextJudge;
import dev.egretta.core.pipeline.ScoreThresholdJudge;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.ScoreCalibration;
import dev.egretta.testsupport.HashingEmbeddingModel;
import dev.egretta.testsupport.TestPdfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The answer-level metrics over a tiny generated corpus, through the real index, engine and extractive generator. */
class AnswerEvaluatorTest {

  @TempDir
  Path temp;

  /** Flags every question that asks about a penalty, and otherwise judges by score: which questions are flagged is known. */
  private static final ContextJudge FLAGS_PENALTIES = new ContextJudge() {
    private final ScoreThresholdJudge scores = ScoreThresholdJudge.defaults();

    @Override
    public ContextDecision judge(List<RetrievedPassage> retrieved) {
      return scores.judge(retrieved);
    }

    @Override
    public ContextDecision judge(String question, List<RetrievedPassage> retrieved) {
      ContextDecision d = scores.judge(retrieved);
      return question.toLowerCase().contains("penalty") ? new ContextDecision(List.of(),
          new dev.egretta.api.ContextQuality(true, retrieved.size(), d.quality().avgRelevanceScore())) : d;
    }
  };

  @Test
  void everyFigureComesFromTheEnginesResponses() throws Exception {
    Path corpus = temp.resolve("corpus/business-continuity/pdf/us");
    TestPdfs.write(corpus.resolve("plan.pdf"), List.of(
        "Backups\n\nBackup copies are stored at an alternate storage site that is geographically separated from the "
            + "primary site. Skipping a restore test is a penalty finding in the annual audit.",
        "Testing\n\nThe contingency plan is tested at least annually using functional exercises. The coordinator "
            + "reports the results to the system owner."));
    TestPdfs.write(corpus.resolve("logs.pdf"), List.of(
        "Audit\n\nAudit records are retained for a minimum of three years. Security operations reviews the audit "
            + "log repository weekly."));
    Path questions = temp.resolve("questions.jsonl");
    Files.writeString(questions, String.join("\n",
        """
        {"id": "a1", "question": "How often is the contingency plan tested?", "domain": "business-continuity", "category": "us", "answerable": true, "file": "plan.pdf", "pages": [2], "evidence": "The contingency plan is tested at least   annually using functional exercises.", "answer_keywords": ["annually", "functional exercises"]}""",
        """
        {"id": "a2", "question": "How long are audit records retained?", "domain": "business-continuity", "category": "us", "answerable": true, "file": "logs.pdf", "pages": [1], "evidence": "Audit records are retained for a minimum of three years.", "answer_keywords": ["three years", "seven years"]}""",
        """
        {"id": "a3", "question": "What penalty follows a skipped restore test?", "domain": "business-continuity", "category": "us", "answerable": true, "file": "plan.pdf", "pages": [1], "evidence": "Skipping a restore test is a penalty finding in the annual audit.", "answer_keywords": ["finding"]}""",
        """
        {"id": "a4", "question": "Where are backup copies stored?", "domain": "business-continuity", "category": "us", "answerable": true, "file": "plan.pdf", "pages": [1], "evidence": "Backup copies are kept offsite.", "answer_keywords": ["alternate storage site"]}""",
        "",
        """
        {"id": "u1", "question": "What is the penalty for a late data centre move notice?", "domain": "business-continuity", "category": "us", "answerable": false}"""));
    LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(temp.resolve("index"),
        // hashing vectors have lower cosines than a real model: calibrate for them
        LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel()).calibration(new ScoreCalibration(0.1, 20.0)).build());
    kb.ingest(LocalFolderSource.of(temp.resolve("corpus")), IngestOptions.publicLibrary(), IngestListener.NONE);

    List<AnswerRow> rows;
    try (AnswerEvaluator eval = AnswerEvaluator.open(kb, b -> b.contextJudge(FLAGS_PENALTIES))) {
      rows = eval.evaluate(AnswerQuestions.read(questions), r -> {});
    }
    Map<String, AnswerRow> byId = rows.stream().collect(Collectors.toMap(AnswerRow::id, Function.identity()));

    // a1: page, evidence (whitespace aside) and both keywords
    assertThat(byId.get("a1")).extracting(AnswerRow::pageHit, AnswerRow::evidenceHit, AnswerRow::keywordRecall)
        .containsExactly(true, true, 1.0);
    // a2: one of two keywords
    assertThat(byId.get("a2").keywordRecall()).isEqualTo(0.5);
    assertThat(byId.get("a2").evidenceHit()).isTrue();
    // a3: answerable but flagged: no sources, so no page, no evidence, no keyword
    assertThat(byId.get("a3")).extracting(AnswerRow::insufficientContext, AnswerRow::pageHit, AnswerRow::sources)
        .containsExactly(true, false, 0);
    // a4: the right page, but its evidence is not the PDF's sentence
    assertThat(byId.get("a4")).extracting(AnswerRow::pageHit, AnswerRow::evidenceHit).containsExactly(true, false);
    assertThat(byId.get("u1").insufficientContext()).isTrue();

    AnswerMetrics m = AnswerMetrics.of(rows);
    assertThat(m.questions()).isEqualTo(5);
    assertThat(m.answerable()).isEqualTo(4);
    assertThat(m.pageHit5()).isEqualTo(0.75);
    assertThat(m.evidenceHit5()).isEqualTo(0.5);
    assertThat(m.keywordRecall()).isCloseTo((1.0 + 0.5 + 0 + byId.get("a4").keywordRecall()) / 4, within(1e-9));
    assertThat(m.unanswerableFlagged()).isEqualTo(1);
    assertThat(m.answerableFlagged()).isEqualTo(1);
    assertThat(m.danglingCitations()).isZero();
  }

  @Test
  void aBadQuestionFileNamesItsLineAndProblem() throws Exception {
    Path file = temp.resolve("bad.jsonl");
    Files.writeString(file, """
        {"id": "a1", "question": "Q?", "domain": "d", "category": "us", "answerable": false}
        {"id": "a2", "question": "Q?", "domain": "d", "category": "us", "answerable": true, "file": "x.pdf"}
        """);
    assertThatThrownBy(() -> AnswerQuestions.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.jsonl:2").hasMessageContaining("'evidence'");
    Files.writeString(file, "{\"id\": \"a1\", \"question\": \"Q?\", \"domain\": \"d\", \"category\": \"us\"}\n");
    assertThatThrownBy(() -> AnswerQuestions.read(file)).hasMessageContaining("bad.jsonl:1: 'answerable' must be true or false");
    Files.writeString(file, "not json\n");
    assertThatThrownBy(() -> AnswerQuestions.read(file)).hasMessageContaining("bad.jsonl:1: not a JSON object");
  }
}
