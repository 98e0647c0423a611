package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.api.EgretJson;
import dev.egretta.api.ModelInfo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogCommandsTest {
  @TempDir Path dir;

  @Test
  void modelsPrintsTheExtractiveModelAsATableAndAsEgretsList() throws Exception {
    CliRun table = CliRun.run(dir, "models");
    assertThat(table.exitCode()).isZero();
    assertThat(table.out()).containsPattern("model\\s+name\\s+tier").contains("egretta-extractive");

    CliRun json = CliRun.run(dir, "models", "--json");
    List<ModelInfo> models = EgretJson.mapper().readValue(json.out(), new TypeReference<>() {});
    assertThat(models).singleElement().satisfies(m -> {
      assertThat(m.modelId()).isEqualTo("egretta-extractive");
      assertThat(m.isDefault()).isTrue();
    });
  }

  @Test
  void domainsListsBothDemoDomainsWithTheirCategories() throws Exception {
    String index = DemoFixture.get().index().toString();

    CliRun table = CliRun.run(dir, "domains", "--index", index);
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).contains("business-continuity").contains("information-security");

    JsonNode json = EgretJson.mapper().readTree(CliRun.run(dir, "domains", "--index", index, "--json").out());
    assertThat(json).extracting(d -> d.get("slug").asText())
        .containsExactlyInAnyOrder("business-continuity", "information-security");
    assertThat(json.get(0).get("categories").get(0).get("code").asText()).isEqualTo("us");
  }
}
