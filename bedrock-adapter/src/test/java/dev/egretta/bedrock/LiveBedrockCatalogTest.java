package dev.egretta.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.spi.ModelEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live catalog through the real SDK control-plane client against a local Bedrock control-plane server. */
class LiveBedrockCatalogTest {
  private static final String HAIKU_35 = "anthropic.claude-3-5-haiku-20241022-v1:0";
  private static final String NOVA_LITE = "amazon.nova-lite-v1:0";
  private static final String NEW_MODEL = "anthropic.claude-opus-9-20270101-v1:0";

  @TempDir
  Path dir;

  private ControlPlaneServer server;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T10:00:00Z"));

  @BeforeEach
  void start() throws Exception {
    server = new ControlPlaneServer();
    server.models = List.of(
        ControlPlaneServer.Model.text(HAIKU_35, "Claude 3.5 Haiku", "INFERENCE_PROFILE"),
        ControlPlaneServer.Model.text(NOVA_LITE, "Nova Lite", "ON_DEMAND", "INFERENCE_PROFILE"),
        ControlPlaneServer.Model.text("mistral.mistral-small-2402-v1:0", "Mistral Small", "ON_DEMAND"),
        ControlPlaneServer.Model.text(NEW_MODEL, "Claude Opus 9", "INFERENCE_PROFILE"),
        new ControlPlaneServer.Model("amazon.titan-embed-text-v2:0", "Titan Embeddings", List.of("TEXT"),
            List.of("EMBEDDING"), List.of("ON_DEMAND"), false, "ACTIVE"),
        new ControlPlaneServer.Model("stability.sd3-large-v1:0", "SD3", List.of("TEXT"), List.of("IMAGE"),
            List.of("ON_DEMAND"), false, "ACTIVE"),
        new ControlPlaneServer.Model("anthropic.claude-v2:1", "Claude 2.1", List.of("TEXT"), List.of("TEXT"),
            List.of("ON_DEMAND"), true, "LEGACY"));
    server.profiles = List.of(
        new ControlPlaneServer.Profile("us." + HAIKU_35, "US Anthropic Claude 3.5 Haiku", HAIKU_35, "ACTIVE"),
        new ControlPlaneServer.Profile("us." + NOVA_LITE, "US Nova Lite", NOVA_LITE, "ACTIVE"),
        new ControlPlaneServer.Profile("eu." + NOVA_LITE, "EU Nova Lite", NOVA_LITE, "ACTIVE"),
        new ControlPlaneServer.Profile("us." + NEW_MODEL, "US Claude Opus 9", NEW_MODEL, "ACTIVE"),
        new ControlPlaneServer.Profile("us.stability.sd3-large-v1:0", "US SD3", "stability.sd3-large-v1:0", "ACTIVE"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private LiveBedrockCatalog.Builder catalog() {
    BedrockConfig config = BedrockConfig.builder().region("us-east-1")
        .staticCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(2)).build();
    return LiveBedrockCatalog.builder(config).controlPlaneEndpoint(server.endpoint()).clock(clock)
        .timeToLive(Duration.ofMinutes(30));
  }

  private static List<String> ids(List<ModelEntry> models) {
    return models.stream().map(ModelEntry::modelId).toList();
  }

  @Test
  void listsPricedTextModelsAndProfilesFromEveryPageWithOneDefault() {
    try (LiveBedrockCatalog catalog = catalog().build()) {
      List<ModelEntry> models = catalog.models();
      assertThat(catalog.isLive()).isTrue();
      // profiles of text models (the EU one priced as its model), then models invocable on demand; no embeddings,
      // images, legacy models, or models without a price (Opus 9 is not in the built-in table)
      assertThat(ids(models)).containsExactlyInAnyOrder("us." + HAIKU_35, "us." + NOVA_LITE, "eu." + NOVA_LITE,
          NOVA_LITE, "mistral.mistral-small-2402-v1:0");
      assertThat(models.getFirst().modelId()).isEqualTo(BedrockModelCatalog.DEFAULT_MODEL_ID);
      assertThat(models).filteredOn(ModelEntry::isDefault).hasSize(1);
      ModelEntry eu = catalog.resolve(Optional.of("eu." + NOVA_LITE));
      assertThat(eu.inputPricePer1k()).isEqualTo(0.00006);
      assertThat(eu.outputPricePer1k()).isEqualTo(0.00024);
      assertThat(eu.name()).isEqualTo("Amazon Nova Lite");
      assertThat(eu.supportsStreaming()).isTrue();
    }
    assertThat(server.count("/inference-profiles")).isEqualTo(3); // 5 profiles, 2 a page
    assertThat(server.requests).allSatisfy(r -> assertThat(r.signed()).as("SigV4 " + r).isTrue());
    assertThat(server.requests).filteredOn(r -> r.path().equals("/foundation-models")).singleElement()
        .satisfies(r -> assertThat(r.query()).contains("byOutputModality=TEXT"));
  }

  @Test
  void aListIsReusedForItsTimeToLiveAndThenReadAgain() {
    try (LiveBedrockCatalog catalog = catalog().build()) {
      catalog.models();
      clock.now = clock.now.plus(Duration.ofMinutes(29));
      catalog.models();
      catalog.resolve(Optional.empty());
      assertThat(server.count("/foundation-models")).isEqualTo(1);

      server.models = List.of(ControlPlaneServer.Model.text(NOVA_LITE, "Nova Lite", "ON_DEMAND"));
      server.profiles = List.of();
      clock.now = clock.now.plus(Duration.ofMinutes(2));
      assertThat(ids(catalog.models())).containsExactly(NOVA_LITE); // the only model is the default
      assertThat(catalog.models().getFirst().isDefault()).isTrue();
      assertThat(server.count("/foundation-models")).isEqualTo(2);
    }
  }

  @Test
  void withoutTheControlPlaneTheBuiltInListServesAndTheLastGoodListOutlivesLaterFailures() {
    server.failNext.set(1);
    server.failStatus = 403;
    server.failType = "AccessDeniedException";
    try (LiveBedrockCatalog catalog = catalog().build()) {
      assertThat(catalog.models()).isEqualTo(BedrockModelCatalog.create().models());
      assertThat(catalog.isLive()).isFalse();
      clock.now = clock.now.plus(Duration.ofSeconds(30));
      catalog.models();
      assertThat(server.count("/foundation-models")).as("no retry within a minute").isEqualTo(1);

      clock.now = clock.now.plus(Duration.ofSeconds(31));
      List<ModelEntry> live = catalog.models();
      assertThat(catalog.isLive()).isTrue();
      assertThat(ids(live)).contains("eu." + NOVA_LITE);

      server.failNext.set(5);
      server.failStatus = 500;
      clock.now = clock.now.plus(Duration.ofHours(1));
      assertThat(catalog.models()).isEqualTo(live);
    }
  }

  @Test
  void anUnreachableControlPlaneFallsBackToo() {
    server.close();
    try (LiveBedrockCatalog catalog = catalog().build()) {
      assertThat(catalog.models()).isEqualTo(BedrockModelCatalog.create().models());
    }
  }

  @Test
  void operatorsPriceNewModelsAndOverridePricesFromAFile() throws Exception {
    Path file = dir.resolve("prices.json");
    Files.writeString(file, """
        {"anthropic.claude-opus-9-20270101-v1:0": {"input_per_1k": 0.02, "output_per_1k": 0.1, "tier": "premium",
                                                    "credit_cost": 12, "name": "Claude Opus 9"},
         "us.amazon.nova-lite-v1:0": {"input_per_1k": 0.0001, "output_per_1k": 0.0003, "tier": "economy", "credit_cost": 0.3}}
        """);
    try (LiveBedrockCatalog catalog = catalog().prices(BedrockPriceTable.builtIn().withFile(file)).build()) {
      ModelEntry opus = catalog.resolve(Optional.of("us." + NEW_MODEL));
      assertThat(opus.name()).isEqualTo("Claude Opus 9");
      assertThat(opus.tier()).isEqualTo("premium");
      assertThat(opus.creditCost()).isEqualTo(12);
      assertThat(opus.costUsd(new dev.egretta.core.spi.TokenUsage(1000, 1000))).isCloseTo(0.12, org.assertj.core.api.Assertions.within(1e-12));
      assertThat(catalog.resolve(Optional.of("us." + NOVA_LITE)).inputPricePer1k()).isEqualTo(0.0001);
      assertThat(catalog.resolve(Optional.of("eu." + NOVA_LITE)).inputPricePer1k())
          .as("no entry of its own nor of its model: priced as another profile of the model").isEqualTo(0.0001);
      assertThat(catalog.resolve(Optional.of(NOVA_LITE)).inputPricePer1k()).isEqualTo(0.0001);
    }
    Files.writeString(file, "{\"x.y-v1:0\": {\"input_per_1k\": -1, \"output_per_1k\": 0, \"tier\": \"a\", \"credit_cost\": 1}}");
    assertThatThrownBy(() -> BedrockPriceTable.builtIn().withFile(file)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("prices.json").hasMessageContaining("x.y-v1:0");
    Files.writeString(file, "[1, 2]");
    assertThatThrownBy(() -> BedrockPriceTable.builtIn().withFile(file)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("JSON object");
  }

  @Test
  void unpricedModelsAppearOnlyWhenAsked() {
    try (LiveBedrockCatalog catalog = catalog().includeUnpriced(true).build()) {
      ModelEntry opus = catalog.resolve(Optional.of("us." + NEW_MODEL));
      assertThat(opus.tier()).isEqualTo("unpriced");
      assertThat(opus.name()).isEqualTo("US Claude Opus 9");
    }
  }

  private static final class MovableClock extends Clock {
    volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
