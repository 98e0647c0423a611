package dev.egretta.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.TextEmbedder;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerabilityJudgeTest {
  /** Every text the same unit vector: the decision then rests on words and scores. */
  private record FlatEmbedder(String modelId) implements TextEmbedder {
    @Override
    public float[] embedQuery(String question) {
      return new float[] {1, 0};
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
      return texts.stream().map(t -> new float[] {1, 0}).toList();
    }
  }

  private static final String QUESTION = "How often are backups tested?";
  /** A best hit between the fitted floor (0.01) and the score-only floor (0.05). */
  private static final List<RetrievedPassage> WEAK = List.of(new RetrievedPassage("c1", "file:///b.pdf", "b.pdf", 2, 2,
      "Backups", "Backups are tested every quarter by restoring a sample of files.", false, 0.03));

  @Test
  void withTheFittedModelAWeakButOnTopicHitReachesTheModel() {
    ContextDecision d = AnswerabilityJudge.defaults(new FlatEmbedder(AnswerabilityJudge.FITTED_EMBEDDING_MODEL))
        .judge(QUESTION, WEAK);

    // past the floor: whatever the model decides, the passage is offered, with its evidence sentence
    assertThat(d.offered()).extracting(RetrievedPassage::chunkId).containsExactly("c1");
    assertThat(d.evidenceFor("c1")).isPresent();
  }

  @Test
  void withAnotherEmbeddingModelTheStricterScoreFloorApplies() {
    for (String other : List.of("", "amazon.titan-embed-text-v2:0")) {
      ContextDecision d = AnswerabilityJudge.defaults(new FlatEmbedder(other)).judge(QUESTION, WEAK);

      assertThat(d.insufficient()).isTrue();
      assertThat(d.offered()).as("off-topic by the 0.05 floor: no closest passages").isEmpty();
    }
  }

  @Test
  void passagesThatMentionNothingOfTheQuestionNeitherAnswerNorCountAsClose() {
    List<RetrievedPassage> strong = List.of(new RetrievedPassage("c1", "file:///b.pdf", "b.pdf", 2, 2, "Backups",
        "Backups are tested every quarter by restoring a sample of files.", false, 0.9));

    // the flat embedder makes every sentence as similar as can be: words alone must refuse it
    ContextDecision d = AnswerabilityJudge.defaults(new FlatEmbedder(AnswerabilityJudge.FITTED_EMBEDDING_MODEL))
        .judge("What is the airspeed velocity of an unladen swallow?", strong);

    assertThat(d.insufficient()).isTrue();
    assertThat(d.offered()).isEmpty();
  }

  @Test
  void aRefusalKeepsTheOfferedPassagesAsTheClosestOnes() {
    ContextDecision d = new ContextDecision(WEAK, new dev.egretta.api.ContextQuality(false, 1, 0.03)).asInsufficient();

    assertThat(d.insufficient()).isTrue();
    assertThat(d.offered()).isEqualTo(WEAK);
    assertThat(d.asInsufficient()).isSameAs(d);
  }
}
