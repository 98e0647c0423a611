package dev.egretta.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.Mode;
import dev.egretta.core.generation.ExtractiveAnswerGenerator;
import dev.egretta.core.spi.GenerationRequest;
import dev.egretta.core.spi.NumberedPassage;
import dev.egretta.core.spi.RetrievedPassage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationCheckTest {

  private static final RetrievedPassage TESTING = passage("testing",
      "The information system contingency plan is tested at least annually using functional exercises. "
          + "The Contingency Plan Coordinator documents the results of each test and reports them to the "
          + "System Owner within 30 days. Lessons learned are incorporated into the plan.");
  private static final RetrievedPassage LOGS = passage("logs",
      "Audit records are retained for a minimum of 1,000 days to support after-the-fact investigations. "
          + "The agency’s audit log repository is reviewed weekly by the security operations team. "
          + "Log storage capacity warnings are sent when 90% of the allocated capacity is used.");
  private static final RetrievedPassage BACKUP = passage("backup",
      "User-level information is backed up daily and system-level information weekly. "
          + "Backup copies are stored at an alternate storage site that is geographically separated from the primary site. "
          + "The integrity of backup information is verified through testing.");

  private static RetrievedPassage passage(String id, String text) {
    return new RetrievedPassage(id, "file:///" + id + ".pdf", id + ".pdf", 1, 1, "", text, false, 0.7);
  }

  private final CitationCheck check = new CitationCheck(EvidenceSelector.lexical());

  @Test
  void aQuoteAndACloseParaphraseKeepTheirCitations() {
    String answer = "# Testing\n\n"
        + "- \"The information system contingency plan is tested at least annually using functional exercises.\" [Source 1]\n"
        + "- The coordinator reports the test results to the System Owner within 30 days [Source 1].\n"
        + "- Audit records are kept for at least 1,000 days for investigations. [Source 2]\n";

    CitationCheck.Result r = check.check(answer, List.of(TESTING, LOGS));

    assertThat(r.markdown()).isEqualTo(answer);
    assertThat(r.kept()).containsExactly(1, 2);
    assertThat(r.supported()).isEqualTo(3);
    assertThat(r.removed()).isZero();
  }

  @Test
  void aCitationOfTheWrongPassageIsRemovedAndTheSourcesAreRenumbered() {
    String answer = "# Retention\n\nAudit records are retained for a minimum of 1,000 days [Source 1]. "
        + "Backup copies are stored at a geographically separated alternate storage site [Source 3].";

    CitationCheck.Result r = check.check(answer, List.of(TESTING, LOGS, BACKUP));

    // source 1 (testing) does not say it: gone; 2 and 3 become 1 and 2, and the claim on logs keeps no citation
    assertThat(r.markdown()).isEqualTo("# Retention\n\nAudit records are retained for a minimum of 1,000 days. "
        + "Backup copies are stored at a geographically separated alternate storage site [Source 2].");
    assertThat(r.kept()).containsExactly(2, 3);
    assertThat(r.supported()).isEqualTo(1);
    assertThat(r.removed()).isEqualTo(1);
  }

  @Test
  void anInventedNumberIsNotSupportedEvenByThePassageOnTheTopic() {
    CitationCheck.Result r = check.check(
        "The contingency plan is tested at least annually [Source 1]. Results are reported within 10 days [Source 1].",
        List.of(TESTING));

    assertThat(r.markdown()).isEqualTo("The contingency plan is tested at least annually [Source 1]. "
        + "Results are reported within 10 days.");
    assertThat(r.kept()).containsExactly(1);
    assertThat(r.removed()).isEqualTo(1);
    // a number in words counts as one: the passage says 30, not five
    assertThat(check.check("Results go to the System Owner within five days [Source 1].", List.of(TESTING))
        .noSupportedClaim()).isTrue();
    assertThat(check.check("The coordinator reports each test's results to the System Owner within thirty (30) days "
        + "[Source 1].", List.of(TESTING)).noSupportedClaim()).isFalse();
  }

  @Test
  void anAnswerWhoseOnlyClaimIsInventedHasNoSupportedClaim() {
    CitationCheck.Result r = check.check("Suppliers must give 90 days' notice before moving a data centre [Source 1].",
        List.of(BACKUP));

    assertThat(r.noSupportedClaim()).isTrue();
    assertThat(r.markdown()).isEqualTo("Suppliers must give 90 days' notice before moving a data centre.");
    assertThat(r.kept()).isEmpty();
  }

  @Test
  void aCitationAfterTheFullStopOrNextToAnotherSharesTheSentence() {
    String answer = "Backups of user-level information are made daily. [Source 1] [Source 2]\n"
        + "Audit log repositories are reviewed weekly by security operations [Source 2], [Source 1]";

    CitationCheck.Result r = check.check(answer, List.of(BACKUP, LOGS));

    assertThat(r.markdown()).isEqualTo("Backups of user-level information are made daily. [Source 1]\n"
        + "Audit log repositories are reviewed weekly by security operations [Source 2]");
    assertThat(r.removed()).isEqualTo(2);
  }

  @Test
  void uncitedSourcesStayAndAnAnswerWithoutCitationsHasNoSupportedClaim() {
    CitationCheck.Result r = check.check("The plan is tested at least annually.", List.of(TESTING, LOGS));

    assertThat(r.noSupportedClaim()).isTrue();
    assertThat(r.kept()).containsExactly(1, 2);
    assertThat(r.markdown()).isEqualTo("The plan is tested at least annually.");
  }

  @Test
  void theExtractiveGeneratorsAnswersPassUnchanged() {
    List<RetrievedPassage> passages = List.of(TESTING, LOGS, BACKUP, passage("long",
        "Each contractor-operated system shall implement the controls selected for its \"moderate\" impact level, "
            + "document them in the system security plan, and have them assessed by an independent assessor "
            + "before operation; " + "the assessment covers access control, audit and accountability, configuration "
            + "management, contingency planning, identification and authentication, incident response, maintenance, "
            + "media protection, physical and environmental protection, planning, personnel security, risk assessment, "
            + "system and services acquisition, system and communications protection, and system and information "
            + "integrity, and its results are reported to the Authorizing Official, the Chief Information Security "
            + "Officer and the Senior Agency Official for Privacy within thirty days of the assessment's completion, "
            + "together with a plan of action and milestones for every weakness found."));
    List<NumberedPassage> numbered = new ArrayList<>();
    passages.forEach(p -> numbered.add(new NumberedPassage(numbered.size() + 1, p)));
    ExtractiveAnswerGenerator extractive = new ExtractiveAnswerGenerator();
    int checked = 0;
    for (Mode mode : List.of(Mode.COMPLIANCE, Mode.ADVISORY)) {
      for (String q : List.of("How often is the contingency plan tested?", "How long are audit records retained?",
          "Where are backup copies stored?", "Who assesses a contractor-operated system's controls?",
          "When is the audit log repository reviewed?")) {
        String answer = extractive.generate(new GenerationRequest(q, q, mode, numbered, List.of(),
            ExtractiveAnswerGenerator.MODEL)).markdown();
        CitationCheck.Result r = check.check(answer, passages);
        assertThat(r.markdown()).as(q).isEqualTo(answer);
        assertThat(r.removed()).as(q).isZero();
        assertThat(r.supported()).as(q).isPositive();
        checked++;
      }
    }
    assertThat(checked).isEqualTo(10);
  }
}
