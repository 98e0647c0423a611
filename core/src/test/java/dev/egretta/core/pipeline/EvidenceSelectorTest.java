package dev.egretta.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.TextEmbedder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceSelectorTest {

  private static RetrievedPassage passage(String id, String text, double score) {
    return new RetrievedPassage(id, "file:///" + id + ".pdf", id + ".pdf", 1, 1, "", text, false, score);
  }

  @Test
  void answerTypeIsReadFromTheQuestionAndFoundInSentences() {
    assertThat(AnswerType.of("How long are audit logs kept?")).isEqualTo(AnswerType.DURATION);
    assertThat(AnswerType.of("How many days' notice must a supplier give?")).isEqualTo(AnswerType.DURATION);
    assertThat(AnswerType.of("How often is the plan reviewed?")).isEqualTo(AnswerType.FREQUENCY);
    assertThat(AnswerType.of("Who approves the contingency plan?")).isEqualTo(AnswerType.WHO);
    assertThat(AnswerType.of("Which team handles incidents?")).isEqualTo(AnswerType.WHO);
    assertThat(AnswerType.of("Which tests are used?")).isEqualTo(AnswerType.LIST);
    assertThat(AnswerType.of("Does the policy apply to contractors?")).isEqualTo(AnswerType.NONE);
    assertThat(AnswerType.DURATION.foundIn("Logs are retained for ninety (90) days.")).isTrue();
    assertThat(AnswerType.DURATION.foundIn("Logs are retained according to the retention policy.")).isFalse();
    assertThat(AnswerType.FREQUENCY.foundIn("The plan is reviewed annually.")).isTrue();
    assertThat(AnswerType.WHO.foundIn("It is approved by the Chief Information Officer.")).isTrue();
    assertThat(AnswerType.NONE.foundIn("anything")).isFalse();
  }

  @Test
  void aFrequencyIsHowOftenNotThatSomethingRepeats() {
    assertThat(AnswerType.FREQUENCY.foundIn("The plan is reviewed periodically.")).isFalse();
    assertThat(AnswerType.FREQUENCY.foundIn("Controls are assessed on a regular basis.")).isFalse();
    assertThat(AnswerType.FREQUENCY.foundIn("Systems are monitored continuously.")).isTrue();
    assertThat(AnswerType.FREQUENCY.foundIn("Review and update the plan every three years.")).isTrue();
  }

  @Test
  void contactDetailsAndPricesAreKindsOfAnswerOfTheirOwn() {
    assertThat(AnswerType.of("What phone number can members of the public call?")).isEqualTo(AnswerType.CONTACT);
    assertThat(AnswerType.of("Which email address or phone number do I use?")).isEqualTo(AnswerType.CONTACT);
    assertThat(AnswerType.of("What is the email address of the service desk?")).isEqualTo(AnswerType.CONTACT);
    assertThat(AnswerType.of("What risks does the plan address?")).isNotEqualTo(AnswerType.CONTACT);
    assertThat(AnswerType.of("What fee does FedRAMP charge for an authorization?")).isEqualTo(AnswerType.COST);
    assertThat(AnswerType.of("How much does an agency authorization cost?")).isEqualTo(AnswerType.COST);
    assertThat(AnswerType.of("How much audit log storage must be allocated?")).isEqualTo(AnswerType.QUANTITY);

    assertThat(AnswerType.CONTACT.foundIn("Report it by sending email to EISD@epa.gov or calling 1-866-411-4-EPA.")).isTrue();
    assertThat(AnswerType.CONTACT.foundIn("Call (202) 564-4700 during business hours.")).isTrue();
    assertThat(AnswerType.CONTACT.foundIn("Report incidents to the Enterprise IT Service Desk.")).isFalse();
    assertThat(AnswerType.CONTACT.foundIn("Follow NIST SP 800-53 Rev. 5 and directive CIO-2150.3-P-19.2.")).isFalse();
    assertThat(AnswerType.COST.foundIn("FedRAMP authorizations are free of charge to agencies.")).isTrue();
    assertThat(AnswerType.COST.foundIn("The assessment costs $25,000.")).isTrue();
    assertThat(AnswerType.COST.foundIn("Components must be free from defects and error-free.")).isFalse();
    assertThat(AnswerType.COST.foundIn("At least 100 users and 3 systems.")).isFalse();
  }

  @Test
  void focusWeighsNamesNumbersAndQuotedPhrasesUp() {
    QuestionFocus f = QuestionFocus.of("Does the \"alternate storage site\" of FedRAMP need 2 copies?");
    assertThat(f.items()).extracting(QuestionFocus.Item::key)
        .contains("alternate storage site", "fedramp", "2", "copy", "alternate");
    assertThat(f.items()).filteredOn(i -> i.key().equals("fedramp")).singleElement()
        .extracting(QuestionFocus.Item::multiplier).isEqualTo(QuestionFocus.NAME_WEIGHT);
  }

  @Test
  void theWordsThatOnlyAskForAKindOfAnswerAreNotPartOfTheTopic() {
    QuestionFocus f = QuestionFocus.of("How many days must staff re-acknowledge the rules of behavior?");
    assertThat(f.asked()).containsExactlyInAnyOrder("many", "day");
    assertThat(f.topic()).extracting(QuestionFocus.Item::key).contains("staff", "rule", "behavior")
        .doesNotContain("many", "day");
    // the word after "how many" is the thing counted, part of the topic, unless it is a unit
    assertThat(QuestionFocus.of("How many members sit on the board?").asked()).containsExactly("many");
    assertThat(QuestionFocus.of("How often is the plan reviewed?").asked()).containsExactly("often");
    assertThat(QuestionFocus.of("Who approves the plan?").asked()).isEmpty();
  }

  @Test
  void aUnitNamedAfterTheThingAskedForNarrowsTheAnswerToThatUnit() {
    // "the RTO, in hours" asks for a number of hours as "how many hours" does; a definition of the
    // RTO without one does not answer it
    for (String q : List.of("What is the maximum recovery time objective, in hours, for a high system?",
        "What is the maximum number of hours a high system may be down?", "How many hours may a high system be down?")) {
      QuestionFocus f = QuestionFocus.of(q);
      assertThat(f.answerFoundIn("restored within twelve (12) hours")).as(q).isTrue();
      assertThat(f.answerFoundIn("restored within twelve (12) days")).as(q).isFalse();
      assertThat(f.asked()).as(q).contains("hour");
    }
    // a unit inside the topic ("logs kept in days past") is not one the answer is asked in
    assertThat(QuestionFocus.answerForm("Who reviews logs kept in days past the deadline?")).isNull();
  }

  @Test
  void aQuestionWithContractionsHasTheFocusOfItsLongForm() {
    // "What's" had been a focus term no passage mentions, "don't" another, and the apostrophes of
    // "Who's ... what'll" had quoted a phrase between them
    assertThat(QuestionFocus.of("What's the maximum number of days a supplier has to report a breach?").items())
        .isEqualTo(QuestionFocus.of("What is the maximum number of days a supplier has to report a breach?").items());
    assertThat(QuestionFocus.of("What's the maximum number of days a supplier has to report a breach?")
        .answerFoundIn("within five (5) days")).isTrue();
    assertThat(QuestionFocus.of("Which systems don't need a backup?").items()).extracting(QuestionFocus.Item::key)
        .containsExactly("system", "backup");
    assertThat(QuestionFocus.of("Who's responsible for the plan and what'll they review?").items())
        .extracting(QuestionFocus.Item::kind).doesNotContain(QuestionFocus.Kind.PHRASE);
    assertThat(QuestionFocus.of("What makes due diligence 'enhanced due diligence' rather than basic?").items())
        .extracting(QuestionFocus.Item::key).contains("enhanced due diligence");
  }

  @Test
  void aQuestionFramedAsARequestHasTheFocusOfTheQuestionItself() {
    for (String[] pair : new String[][] {
        {"Can you tell me when the contingency plan must be tested?", "When must the contingency plan be tested?"},
        {"I'd like to know which tools scan web applications", "Which tools scan web applications?"},
        {"Please tell me who approves the security plan.", "Who approves the security plan?"},
        {"Hi, I was wondering whether backups are encrypted?", "Are backups encrypted?"},
        {"Could you please clarify who signs the plan?", "Who signs the plan?"},
        {"Can you explain which tools scan web applications?", "Which tools scan web applications?"}}) {
      QuestionFocus framed = QuestionFocus.of(pair[0]);
      QuestionFocus plain = QuestionFocus.of(pair[1]);
      assertThat(framed.answerType()).as(pair[0]).isEqualTo(plain.answerType());
      assertThat(framed.items()).extracting(QuestionFocus.Item::key).as(pair[0])
          .containsExactlyInAnyOrderElementsOf(plain.items().stream().map(QuestionFocus.Item::key).toList());
    }
    assertThat(QuestionFocus.of("When must the plan be tested?").answerType()).isEqualTo(AnswerType.DATE);
    // a question that is only a lead-in keeps its words
    assertThat(dev.egretta.core.internal.Terms.plainQuestion("Can you tell me?")).isEqualTo("Can you tell me?");
  }

  @Test
  void aQuestionAfterASentenceOfContextAsksForWhatItsOwnWordsSay() {
    // "Who approves ..." after a sentence of context had lost its anchored "^who": no kind of answer
    QuestionFocus focus = QuestionFocus.of("Our supplier moved its data centre. Who approves the move?");
    assertThat(focus.answerType()).isEqualTo(AnswerType.WHO);
    assertThat(QuestionFocus.of("We host a system. When must the contingency plan be tested?").answerType())
        .isEqualTo(AnswerType.DATE);
    assertThat(QuestionFocus.of("Backups matter to us. How many days are they kept?").answerForm().matcher("kept for 30 days").find())
        .isTrue();
    // the context's items count, at half the weight of the asking sentence's
    assertThat(focus.items()).filteredOn(i -> i.key().equals("supplier")).singleElement()
        .extracting(QuestionFocus.Item::multiplier).isEqualTo(QuestionFocus.CONTEXT_WEIGHT);
    assertThat(focus.items()).filteredOn(i -> i.key().equals(dev.egretta.core.internal.Terms.stem("approves"))).singleElement()
        .extracting(QuestionFocus.Item::multiplier).isEqualTo(1.0);
    // of two questions, the one that asks for a kind of answer says which
    assertThat(QuestionFocus.of("Could you clarify the term 'in good time'? Is there a specific deadline?").answerType())
        .isEqualTo(AnswerType.DURATION);
    // a filler lead-in is no context at all
    assertThat(QuestionFocus.of("Quick question: which tools scan web applications?").items())
        .extracting(QuestionFocus.Item::key)
        .containsExactlyElementsOf(QuestionFocus.of("Which tools scan web applications?").items().stream()
            .map(QuestionFocus.Item::key).toList());
  }

  @Test
  void theQuestionsOwnWordsAreNoAnswerOfTheKindItAsksFor() {
    // "Maximum" of the term being defined had counted as the quantity asked for
    QuestionFocus mtd = QuestionFocus.of("What is the maximum tolerable downtime for the email service?");
    assertThat(mtd.answerFoundIn("Maximum Tolerable Downtime – the total amount of time the official accepts.")).isFalse();
    assertThat(mtd.answerFoundIn("The maximum tolerable downtime of the email service is 4 hours.")).isTrue();
    QuestionFocus who = QuestionFocus.of("Who approves the security plan?");
    assertThat(who.answerFoundIn("Each security plan approves the controls it lists.")).isFalse();
    assertThat(who.answerFoundIn("The CISO approves the security plan.")).isTrue();
    // a function word of the question ("when") still marks an answer
    assertThat(QuestionFocus.of("When must the plan be updated?").answerFoundIn("Update the plan when the system changes.")).isTrue();
  }

  @Test
  void theTopicInTheSentenceHoldingTheAnswerCountsApartFromItsNeighbours() {
    // the days belong to the training sentence; the plan test is only its neighbour's topic
    RetrievedPassage p = passage("cp", "The contingency plan test is announced to system users. "
        + "Provide contingency training to system users within thirty (30) days of assuming a role.", 0.8);
    String q = "How many days in advance must a contingency plan test be announced to system users?";
    EvidenceSelector.Selection s = EvidenceSelector.lexical().select(q, List.of(p));
    assertThat(s.topic().typedSentence()).isPositive().isLessThan(s.topic().typedWindow() - 0.3);
    assertThat(AnswerabilityFeatures.of(s, List.of(p)).get("typed_topic_sentence")).isEqualTo(s.topic().typedSentence());

    RetrievedPassage answers = passage("cp2", "Announce each contingency plan test to system users ten (10) days in advance.", 0.8);
    EvidenceSelector.Selection t = EvidenceSelector.lexical().select(q, List.of(answers));
    assertThat(t.topic().typedSentence()).isEqualTo(t.topic().typedWindow()).isGreaterThan(s.topic().typedSentence() + 0.3);
    // a question asking for no particular kind of answer has no such feature
    EvidenceSelector.Selection u = EvidenceSelector.lexical().select("Is the contingency plan test announced?", List.of(answers));
    assertThat(AnswerabilityFeatures.of(u, List.of(answers)).get("typed_topic_sentence")).isZero();
  }

  @Test
  void topicMetOnlyAwayFromAnyAnswerOfTheAskedKindIsTold() {
    // the passages discuss counterfeit components and state a number of days, but not in one place
    RetrievedPassage about = passage("sr", "Report counterfeit system components to the incident response team. "
        + "Counterfeit components are removed from the supply chain.", 0.8);
    RetrievedPassage elsewhere = passage("ra", "High vulnerabilities are remediated within thirty (30) days.", 0.6);
    String q = "Within how many days must a counterfeit component be reported?";
    EvidenceSelector.Selection s = EvidenceSelector.lexical().select(q, List.of(about, elsewhere));
    assertThat(s.topic().unionCoverage()).isEqualTo(1.0);
    assertThat(s.topic().typedWindow()).isZero();
    AnswerabilityFeatures f = AnswerabilityFeatures.of(s, List.of(about, elsewhere));
    assertThat(f.get("typed_answer_absent")).isEqualTo(1.0);
    assertThat(f.get("topic_joint_gap")).isEqualTo(1.0);

    RetrievedPassage answers = passage("sr2", "Report counterfeit system components within five (5) days of discovery.", 0.8);
    EvidenceSelector.Selection t = EvidenceSelector.lexical().select(q, List.of(answers, elsewhere));
    assertThat(t.topic().typedWindow()).isEqualTo(1.0);
    AnswerabilityFeatures g = AnswerabilityFeatures.of(t, List.of(answers, elsewhere));
    assertThat(g.get("typed_answer_absent")).isZero();
    assertThat(g.get("typed_x_topic_window")).isEqualTo(1.0);
    assertThat(g.get("untyped_x_topic_window")).isZero();
  }

  @Test
  void aRequirementForSystemsOfAnotherImpactLevelIsNoEvidence() {
    RetrievedPassage p = passage("cp",
        "CP-9(1) – System Backup | Testing for Reliability and Integrity For Moderate and High Systems: "
            + "1) Test backup information at least quarterly to verify media reliability and information integrity. "
            + "CP-9(2) – System Backup | Test Restoration Using Sampling For High Systems: "
            + "1) Use a sample of backup information in the restoration of selected system functions.", 0.7);
    EvidenceSelector.Selection low = EvidenceSelector.lexical().select("How often must backups be tested on low-impact systems?", List.of(p));
    assertThat(low.ranked()).isEmpty();
    assertThat(low.unionCoverage()).as("the passage is still about the topic").isPositive();
    EvidenceSelector.Selection moderate = EvidenceSelector.lexical()
        .select("How often must backups be tested on moderate systems?", List.of(p));
    assertThat(moderate.ranked()).extracting(Evidence::sentence).anyMatch(s -> s.contains("at least quarterly"))
        .noneMatch(s -> s.contains("restoration of selected"));
  }

  @Test
  void theSentenceWithTheKindOfAnswerAskedForBeatsOneThatOnlyRepeatsTheQuestionsWords() {
    RetrievedPassage p = passage("logs",
        "Audit logs are retained as described in the audit log retention standard for audit purposes. "
            + "The security team reviews the audit log retention standard. "
            + "Audit logs are retained for ninety (90) days.", 0.7);
    EvidenceSelector.Selection s = EvidenceSelector.lexical().select("How long are audit logs retained?", List.of(p));
    assertThat(s.focus().answerType()).isEqualTo(AnswerType.DURATION);
    assertThat(s.ranked().getFirst().sentence()).isEqualTo("Audit logs are retained for ninety (90) days.");
    assertThat(s.ranked().getFirst().answerTypeFound()).isTrue();
    assertThat(s.ranked().getFirst().embedded()).isFalse();
  }

  @Test
  void embeddingSimilarityRanksTheAnsweringSentenceAboveAKeywordHeavyNonAnswer() {
    String answer = "Personnel report suspected incidents to the help desk within one hour.";
    String keywordHeavy = "Incident reporting: this section on how quickly suspected incidents are reported describes incident report forms.";
    // Lexically the keyword-heavy sentence wins (it has every focus word); a deterministic embedder
    // standing in for the model says the question means the answer, and that must decide.
    TextEmbedder embedder = new TextEmbedder() {
      final Map<String, float[]> vectors = Map.of(answer, new float[] {1, 0}, keywordHeavy, new float[] {0.6f, 0.8f});

      @Override
      public float[] embedQuery(String question) {
        return new float[] {0.98f, 0.2f};
      }

      @Override
      public List<float[]> embedPassages(List<String> texts) {
        return texts.stream().map(t -> vectors.getOrDefault(t, new float[] {0, 1})).toList();
      }
    };
    List<RetrievedPassage> passages = List.of(passage("a", keywordHeavy, 0.9), passage("b", answer, 0.6));
    String q = "How quickly must suspected incidents be reported?";
    assertThat(EvidenceSelector.lexical().select(q, passages).ranked().getFirst().sentence()).isEqualTo(keywordHeavy);
    EvidenceSelector.Selection s = EvidenceSelector.embedding(embedder).select(q, passages);
    assertThat(s.ranked().getFirst().sentence()).isEqualTo(answer);
    assertThat(s.ranked().getFirst().passageIndex()).isEqualTo(1);
    assertThat(s.bestIn(0)).get().extracting(Evidence::sentence).isEqualTo(keywordHeavy);
  }

  @Test
  void coverageCountsWhatOnePassageAndAllPassagesMention() {
    List<RetrievedPassage> passages = List.of(passage("a", "Suppliers must notify the agency of data centre moves.", 0.5),
        passage("b", "Notice periods are described in the contract.", 0.4));
    EvidenceSelector.Selection s = EvidenceSelector.lexical()
        .select("How many days' notice must a supplier give before moving its data centre?", passages);
    assertThat(s.unionCoverage()).isGreaterThan(s.passageCoverage().get(1)).isLessThan(1.0);
    assertThat(s.passageCoverage()).hasSize(2);
  }

  @Test
  void theItemOfARunOnRequirementListThatAnswersIsACandidateAndLeads() {
    String runOn = "SI-3 – Malicious Code Protection For All Systems: 1) Employ malicious code protection mechanisms at system"
        + " entry and exit points to detect and eradicate malicious code in accordance with the configuration management"
        + " policy of the agency; and 2) Automatically update malicious code protection mechanisms as new releases are"
        + " available in accordance with organizational configuration management policy and procedures; and 3) Configure"
        + " malicious code protection mechanisms to: a) Perform periodic scans of the system daily and real-time scans of"
        + " files from external sources as the files are downloaded, opened or executed; and b) Block malicious code.";
    assertThat(dev.egretta.core.internal.Terms.sentences(runOn)).singleElement()
        .satisfies(one -> assertThat(one.split(" ").length).isGreaterThan(EvidenceSelector.MAX_WORDS));
    assertThat(EvidenceSelector.pieces(runOn)).hasSizeGreaterThan(3).allSatisfy(p -> assertThat(runOn).contains(p))
        .contains("a) Perform periodic scans of the system daily and real-time scans of files from external sources as the"
            + " files are downloaded, opened or executed;");
    EvidenceSelector.Selection s = EvidenceSelector.lexical()
        .select("How often must malicious code scans of the system be performed?", List.of(passage("si", runOn, 0.7)));
    assertThat(s.ranked().getFirst().sentence()).startsWith("a) Perform periodic scans of the system daily");
    assertThat(EvidenceSelector.pieces("A short sentence: 1) one; 2) two.")).containsExactly("A short sentence: 1) one; 2) two.");
  }

  @Test
  void theWindowOfASentenceCountsItsNeighboursItemsFully() {
    RetrievedPassage p = passage("sbom", "Software bills of materials are produced by suppliers for each release. "
        + "They should be digitally signed using a verifiable and trusted key. Other records are kept elsewhere.", 0.6);
    EvidenceSelector.Selection s = EvidenceSelector.lexical().select("How should a software bill of materials be signed?", List.of(p));
    Evidence signed = s.ranked().stream().filter(e -> e.sentence().startsWith("They")).findFirst().orElseThrow();
    assertThat(s.windowCoverage(signed)).isGreaterThan(signed.coverage()).isLessThanOrEqualTo(1.0);
    assertThat(s.rarestIn(signed)).isTrue();
    AnswerabilityFeatures f = AnswerabilityFeatures.of(s, List.of(p));
    assertThat(f.get("best_window_coverage")).isEqualTo(s.windowCoverage(s.ranked().getFirst()));
    assertThat(f.get("rarest_in_best_window")).isEqualTo(1.0);
  }
}
