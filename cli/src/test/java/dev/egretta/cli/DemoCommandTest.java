package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.api.EgretJson;
import dev.egretta.api.QueryResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void demoJsonHoldsTheCorpusTheIndexSummaryAndTwoCitedAnswersInOneSession() throws Exception {
    DemoFixture fixture = DemoFixture.get();
    JsonNode demo = EgretJson.mapper().readTree(fixture.jsonRun.out());

    assertThat(demo.get("documents")).hasSize(3);
    assertThat(demo.get("index").get("documents_indexed").asInt() + demo.get("index").get("documents_unchanged").asInt())
        .isEqualTo(3);
    QueryResponse first = EgretJson.mapper().treeToValue(demo.get("answers").get(0), QueryResponse.class);
    QueryResponse second = EgretJson.mapper().treeToValue(demo.get("answers").get(1), QueryResponse.class);
    assertThat(first.response()).contains("4 hours").contains("[Source 1]");
    assertThat(first.sources().get(0).filename()).isEqualTo("business-continuity-plan.pdf");
    assertThat(first.sources().get(0).pageNumber()).isEqualTo(2);
    assertThat(second.sessionId()).isEqualTo(first.sessionId());
    assertThat(second.response()).contains("Online and mobile banking").contains("8 hours");
    assertThat(fixture.jsonRun.err()).doesNotContain("Exception");
  }

  @Test
  void demoTextPrintsTheCorpusBothQuestionsAndSourcesTablesWithPages() throws Exception {
    DemoFixture fixture = DemoFixture.get();

    CliRun run = CliRun.run(fixture.dir, "demo", "--dir", "demo");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("business-continuity-plan.pdf")
        .contains(DemoCommand.QUESTION)
        .contains(DemoCommand.FOLLOW_UP)
        .contains("3 unchanged")
        .containsPattern("\\[1]\\s+business-continuity-plan\\.pdf\\s+2\\s+0\\.\\d\\d");
    assertThat(Files.exists(fixture.dir.resolve("demo/sessions.db"))).isTrue();
  }
}
