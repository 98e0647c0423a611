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
  void bedrockModelsNeedNoNetworkAndHaveOneDefault() throws Exception {
    CliRun json = CliRun.run(dir, "models", "--generator", "bedrock", "--json");

    assertThat(json.exitCode()).as(json.err()).isZero();
    List<ModelInfo> models = EgretJson.mapper().readValue(json.out(), new TypeReference<>() {});
    assertThat(models).hasSizeGreaterThan(1);
    assertThat(models).filteredOn(ModelInfo::isDefault).hasSize(1);
  }

  @Test
  void choosingAModelMakesItTheDefault() throws Exception {
    CliRun bedrock = CliRun.run(dir, "models", "--generator", "bedrock", "--json");
    List<ModelInfo> models = EgretJson.mapper().readValue(bedrock.out(), new TypeReference<>() {});
    String other = models.stream().filter(m -> !m.isDefault()).findFirst().orElseThrow().modelId();

    CliRun chosen = CliRun.run(dir, "models", "--generator", "bedrock", "--model", other, "--json");
    List<ModelInfo> after = EgretJson.mapper().readValue(chosen.out(), new TypeReference<>() {});
    assertThat(after).filteredOn(ModelInfo::isDefault).extracting(ModelInfo::modelId).containsExactly(other);
  }

  @Test
  void bedrockFlagsWithoutTheBedrockGeneratorAreAUsageError() {
    CliRun run = CliRun.run(dir, "models", "--bedrock-region", "us-east-1");

    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.err()).contains("need --generator bedrock");
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
