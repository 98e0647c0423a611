package dev.egretta.core.spi;

import dev.egretta.api.ModelInfo;
import java.util.Objects;

/**
 * A model of the catalog with its prices.
 *
 * @param inputPricePer1k USD per 1,000 input tokens
 * @param outputPricePer1k USD per 1,000 output tokens
 */
public record ModelEntry(
    String modelId,
    String name,
    String tier,
    double creditCost,
    boolean supportsStreaming,
    boolean isDefault,
    double inputPricePer1k,
    double outputPricePer1k) {

  public ModelEntry {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tier, "tier");
    if (modelId.isBlank()) {
      throw new IllegalArgumentException("modelId must not be blank");
    }
    if (creditCost < 0 || inputPricePer1k < 0 || outputPricePer1k < 0) {
      throw new IllegalArgumentException("costs and prices must be >= 0 for model " + modelId);
    }
  }

  /** The cost in USD of the given usage at this model's prices. */
  public double costUsd(TokenUsage usage) {
    return usage.inputTokens() / 1000.0 * inputPricePer1k + usage.outputTokens() / 1000.0 * outputPricePer1k;
  }

  /** The entry as Egret's {@code GET /v1/models/} shows it. */
  public ModelInfo toInfo() {
    return new ModelInfo(modelId, name, tier, creditCost, supportsStreaming, isDefault);
  }
}
