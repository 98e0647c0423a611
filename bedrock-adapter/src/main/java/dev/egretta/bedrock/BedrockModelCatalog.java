package dev.egretta.bedrock;

import dev.egretta.core.spi.ModelCatalog;
import dev.egretta.core.spi.ModelEntry;
import java.time.LocalDate;
import java.util.List;

/**
 * The chat models commonly used through Bedrock's Converse API, with AWS's public on-demand prices
 * (USD per 1,000 tokens, US East (N. Virginia), standard tier; cross-region inference profiles such as
 * {@code us.…} bill at the source region's price). {@link #PRICES_AS_OF} records when the prices were
 * taken; prices change, so an application that bills its users should pass its own catalog.
 *
 * <p>The default is Claude 3.5 Haiku through the US inference profile, the model of Egret's examples.
 * Tiers: {@code economy}, {@code standard}, {@code premium}; {@code credit_cost} grows with the tier.
 */
public final class BedrockModelCatalog implements ModelCatalog {

  /** The date the prices below were taken from AWS's public Bedrock on-demand price list. */
  public static final LocalDate PRICES_AS_OF = LocalDate.of(2026, 11, 22);

  /** The default model (Egret's example model). */
  public static final String DEFAULT_MODEL_ID = "us.anthropic.claude-3-5-haiku-20241022-v1:0";

  /** The built-in list: the offline catalog, and the built-in prices of {@link BedrockPriceTable#builtIn()}. */
  static final List<ModelEntry> MODELS = List.of(
      entry(DEFAULT_MODEL_ID, "Claude 3.5 Haiku", "standard", 1.0, 0.0008, 0.004),
      entry("us.anthropic.claude-haiku-4-5-20251001-v1:0", "Claude Haiku 4.5", "standard", 1.5, 0.001, 0.005),
      entry("us.anthropic.claude-3-haiku-20240307-v1:0", "Claude 3 Haiku", "economy", 0.5, 0.00025, 0.00125),
      entry("us.anthropic.claude-sonnet-4-20250514-v1:0", "Claude Sonnet 4", "premium", 4.0, 0.003, 0.015),
      entry("us.anthropic.claude-3-7-sonnet-20250219-v1:0", "Claude 3.7 Sonnet", "premium", 4.0, 0.003, 0.015),
      entry("us.amazon.nova-micro-v1:0", "Amazon Nova Micro", "economy", 0.25, 0.000035, 0.00014),
      entry("us.amazon.nova-lite-v1:0", "Amazon Nova Lite", "economy", 0.25, 0.00006, 0.00024),
      entry("us.amazon.nova-pro-v1:0", "Amazon Nova Pro", "standard", 1.0, 0.0008, 0.0032),
      entry("us.meta.llama3-3-70b-instruct-v1:0", "Meta Llama 3.3 70B Instruct", "standard", 1.0, 0.00072, 0.00072),
      entry("us.meta.llama3-1-8b-instruct-v1:0", "Meta Llama 3.1 8B Instruct", "economy", 0.25, 0.00022, 0.00022),
      entry("mistral.mistral-large-2402-v1:0", "Mistral Large (24.02)", "premium", 3.0, 0.004, 0.012),
      entry("mistral.mistral-small-2402-v1:0", "Mistral Small (24.02)", "economy", 0.5, 0.001, 0.003));

  private static final ModelCatalog CHECKED = ModelCatalog.of(MODELS);

  /** The catalog; stateless, so one instance serves everyone. */
  public static BedrockModelCatalog create() {
    return new BedrockModelCatalog();
  }

  private BedrockModelCatalog() {}

  @Override
  public List<ModelEntry> models() {
    return CHECKED.models();
  }

  private static ModelEntry entry(String id, String name, String tier, double credits, double in, double out) {
    return new ModelEntry(id, name, tier, credits, true, id.equals(DEFAULT_MODEL_ID), in, out);
  }
}
