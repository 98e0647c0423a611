package dev.egretta.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.core.InvalidRequestException;
import dev.egretta.core.spi.ModelEntry;
import dev.egretta.core.spi.TokenUsage;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BedrockModelCatalogTest {
  private final BedrockModelCatalog catalog = BedrockModelCatalog.create();

  @Test
  void coversTheConverseModelFamiliesWithOneDefault() {
    List<ModelEntry> models = catalog.models();

    assertThat(models).hasSizeGreaterThanOrEqualTo(8);
    assertThat(models).filteredOn(ModelEntry::isDefault).extracting(ModelEntry::modelId)
        .containsExactly(BedrockModelCatalog.DEFAULT_MODEL_ID);
    assertThat(catalog.resolve(Optional.empty()).modelId()).isEqualTo("us.anthropic.claude-3-5-haiku-20241022-v1:0");
    for (String family : List.of("anthropic.claude", "amazon.nova", "meta.llama", "mistral.")) {
      assertThat(models).as(family).anyMatch(m -> m.modelId().contains(family));
    }
    assertThat(models).allMatch(m -> m.inputPricePer1k() > 0 && m.outputPricePer1k() >= m.inputPricePer1k());
    assertThat(models).allMatch(ModelEntry::supportsStreaming);
    assertThat(models).extracting(ModelEntry::tier).containsOnly("economy", "standard", "premium");
    assertThat(BedrockModelCatalog.PRICES_AS_OF).isBefore(LocalDate.now().plusDays(1));
  }

  @Test
  void costIsTheReportedTokensTimesThePerThousandPrices() {
    ModelEntry nova = catalog.resolve(Optional.of("us.amazon.nova-pro-v1:0"));

    assertThat(nova.costUsd(new TokenUsage(10_000, 1_000))).isCloseTo(10 * 0.0008 + 1 * 0.0032, Offset.offset(1e-12));
  }

  @Test
  void egretsExampleUsageCostsWhatEgretReportsAtClaude3HaikuPrices() {
    // Egret's docs show 9,042 input + 597 output tokens costing $0.0030067: Claude 3 Haiku's prices.
    ModelEntry haiku3 = catalog.resolve(Optional.of("us.anthropic.claude-3-haiku-20240307-v1:0"));

    assertThat(haiku3.costUsd(new TokenUsage(9042, 597))).isCloseTo(0.0030067, Offset.offset(1e-7)); // Egret rounds to 7 places
  }

  @Test
  void anUnknownModelIsAnInvalidRequestListingTheChoices() {
    assertThatThrownBy(() -> catalog.resolve(Optional.of("gpt-4o")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("gpt-4o").hasMessageContaining("us.amazon.nova-lite-v1:0");
  }
}
