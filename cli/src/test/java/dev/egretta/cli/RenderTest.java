package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.ContextQuality;
import dev.egretta.api.Performance;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.Relevance;
import dev.egretta.api.Source;
import dev.egretta.api.SourceType;
import dev.egretta.api.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderTest {
  private static QueryResponse refused(List<Source> sources) {
    return new QueryResponse("# Not covered by the knowledge base\n\nNo answer is given.", sources, List.of(),
        new ContextQuality(true, 5, 0.12), new Usage(0, 0, 0, "extractive"), new Performance(3, 0, 4, 5, 0.12),
        "s-1", 2);
  }

  @Test
  void aRefusedAnswerWithClosestPassagesSaysTheyAreNotCited() {
    Source closest = new Source("file:///p.pdf", "p.pdf", 4, "Suppliers must follow the agency's requirements.", 0.21,
        Relevance.PARTIALLY_RELEVANT, SourceType.DOCUMENT, null, false);

    String out = Render.answer(refused(List.of(closest)));

    assertThat(out).contains("p.pdf").contains("Partially Relevant")
        .contains("the sources above are the closest passages found, none cited.");
  }

  @Test
  void aRefusedAnswerWithoutSourcesSaysSoPlainly() {
    String out = Render.answer(refused(List.of()));

    assertThat(out).contains("(no sources)")
        .endsWith("Note: the knowledge base did not hold enough relevant material to answer confidently.\n");
  }
}
