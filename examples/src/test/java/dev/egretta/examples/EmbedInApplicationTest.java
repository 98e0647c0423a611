package dev.egretta.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.QueryResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedInApplicationTest {
  @TempDir Path dir;

  @Test
  void answersWithTheCitedPageAndContinuesTheSession() throws Exception {
    Path pdfs = SamplePdfs.write(dir.resolve("pdfs"));

    List<QueryResponse> answers = EmbedInApplication.run(pdfs, dir.resolve("data"), "business-continuity", "us",
        "What is the recovery time objective for payment processing?", "And for online banking?");

    assertThat(answers.get(0).response()).contains("4 hours").contains("[Source 1]");
    assertThat(answers.get(0).sources().getFirst().pageNumber()).isEqualTo(2);
    assertThat(answers.get(1).sessionId()).isEqualTo(answers.get(0).sessionId());
    assertThat(answers.get(1).response()).contains("8 hours");
  }
}
