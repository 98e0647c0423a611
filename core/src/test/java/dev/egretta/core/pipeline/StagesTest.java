package dev.egretta.core.pipeline;

import dev.egretta.core.internal.Terms;
import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.Mode;
import dev.egretta.api.Sender;
import dev.egretta.core.spi.ChatTurn;
import dev.egretta.core.spi.RetrievedPassage;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagesTest {

  private final FollowUpRewriter rewriter = new FollowUpRewriter();

  @Test
  void followUpIsRewrittenWithTheTopicQuestion() {
    List<ChatTurn> history = List.of(new ChatTurn(Sender.USER, "What is the incident reporting timeline?"),
        new ChatTurn(Sender.ASSISTANT, "# Timeline ..."), new ChatTurn(Sender.USER, "and who approves it?"),
        new ChatTurn(Sender.ASSISTANT, "# Approval ..."));
    assertThat(rewriter.standalone("what about contractors?", history))
        .isEqualTo("what about contractors? (context: What is the incident reporting timeline?)");
    assertThat(rewriter.standalone("How long are audit records retained by the agency?", history))
        .isEqualTo("How long are audit records retained by the agency?");
    assertThat(rewriter.standalone("and who approves it?", List.of())).isEqualTo("and who approves it?");
  }

  @Test
  void autoModeRoutesGuidanceQuestionsToAdvisory() {
    KeywordModeRouter router = new KeywordModeRouter();
    assertThat(router.route("How should we prepare for a ransomware incident?")).isEqualTo(Mode.ADVISORY);
    assertThat(router.route("What are best practices for contingency training?")).isEqualTo(Mode.ADVISORY);
    assertThat(router.route("What is the deadline for reporting a security incident?")).isEqualTo(Mode.COMPLIANCE);
    assertThat(router.route("Who approves the contingency plan?")).isEqualTo(Mode.COMPLIANCE);
    assertThat(router.route("How should we meet the requirement to test the plan annually?")).isEqualTo(Mode.COMPLIANCE);
  }

  @Test
  void judgeOffersOnlyStrongPassagesAndFlagsWeakEvidence() {
    ScoreThresholdJudge judge = new ScoreThresholdJudge(0.5, 0.3, 2);
    List<RetrievedPassage> hits = List.of(p("a", 0.9), p("b", 0.35), p("c", 0.31), p("d", 0.1));
    ContextDecision d = judge.judge(hits);
    assertThat(d.insufficient()).isFalse();
    assertThat(d.offered()).extracting(RetrievedPassage::chunkId).containsExactly("a", "b");
    assertThat(d.quality().chunksRetrieved()).isEqualTo(2);
    assertThat(d.quality().avgRelevanceScore()).isEqualTo(0.625);

    ContextDecision weak = judge.judge(List.of(p("x", 0.45), p("y", 0.2)));
    assertThat(weak.insufficient()).isTrue();
    assertThat(weak.offered()).isEmpty();
    assertThat(weak.quality().chunksRetrieved()).isEqualTo(2);
    assertThat(judge.judge(List.of()).insufficient()).isTrue();
  }

  @Test
  void relevanceLabelsFollowTheScale() {
    RelevanceScale scale = new RelevanceScale(0.75, 0.55);
    assertThat(scale.label(0.8).label()).isEqualTo("Highly Relevant");
    assertThat(scale.label(0.6).label()).isEqualTo("Relevant");
    assertThat(scale.label(0.2).label()).isEqualTo("Partially Relevant");
  }

  @Test
  void suggestionsComeFromThePassagesAndDifferFromTheQuestion() {
    RetrievedPassage p = new RetrievedPassage("c", "u", "epa_contingency_planning_procedure.pdf", 1, 1,
        "3.2 Contingency Training", "Contingency training is given to personnel. Alternate processing sites are "
        + "selected for recovery. Alternate processing sites must be tested. Contingency training is repeated.", false, 0.9);
    List<String> c = new PassageSuggestions().candidates("Who approves the contingency plan?", List.of(p));
    assertThat(c).isNotEmpty().allSatisfy(s -> assertThat(s).endsWith("?"));
    assertThat(c).contains("Who is responsible for alternate processing?",
        "What does the EPA Contingency Planning Procedure say about contingency training?");
  }

  @Test
  void excerptStartsAtTheSentenceThatMatchesTheQuestion() {
    String text = "Note: directives are reviewed annually. Page 4 of 13. Backups are verified every Friday by the "
        + "recovery team. Results go to the manager.";
    assertThat(Terms.excerpt(text, "When are backups verified?", 300))
        .isEqualTo("Backups are verified every Friday by the recovery team. Results go to the manager.");
    assertThat(Terms.excerpt(text, "unrelated words", 30)).isEqualTo("Note: directives are reviewed...");
  }

  @Test
  void headingTopicsDropControlIdsAndRefuseRunningHeaders() {
    assertThat(PassageSuggestions.topicOfHeading("IR-6(3) – Incident Reporting | Coordination with Supply Chain"))
        .isEqualTo("Coordination with Supply Chain");
    assertThat(PassageSuggestions.topicOfHeading("CP-3 – Contingency Training")).isEqualTo("Contingency Training");
    assertThat(PassageSuggestions.topicOfHeading("PROCEDURE")).isEmpty();
    assertThat(PassageSuggestions.topicOfHeading("Glossary…………………16")).isEmpty();
    assertThat(PassageSuggestions.documentTitle("fedramp_agency_authorization_playbook.pdf"))
        .isEqualTo("FedRAMP Agency Authorization Playbook");
    assertThat(PassageSuggestions.documentTitle("epa_system_and_information_integrity_procedure.pdf"))
        .isEqualTo("EPA System and Information Integrity Procedure");
  }

  private static RetrievedPassage p(String id, double score) {
    return new RetrievedPassage(id, "u", "f.pdf", 1, 1, "", "text " + id, false, score);
  }
}
