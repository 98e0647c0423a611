package dev.egretta.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.api.EgretJson;
import dev.egretta.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What each Bedrock model costs, for {@link LiveBedrockCatalog}: USD per 1,000 input and output
 * tokens, the tier and credit cost Egret's model list shows, and optionally a display name. The
 * built-in table holds {@link BedrockModelCatalog}'s prices ({@link BedrockModelCatalog#PRICES_AS_OF});
 * operators override or extend it from a JSON file:
 *
 * <pre>{@code
 * {
 *   "us.anthropic.claude-3-5-haiku-20241022-v1:0": {"input_per_1k": 0.0008, "output_per_1k": 0.004,
 *                                                     "tier": "standard", "credit_cost": 1.0},
 *   "anthropic.claude-opus-4-1-20250805-v1:0": {"input_per_1k": 0.015, "output_per_1k": 0.075,
 *                                                "tier": "premium", "credit_cost": 10, "name": "Claude Opus 4.1"}
 * }
 * }</pre>
 *
 * A cross-region inference profile ({@code us.}, {@code eu.}, {@code apac.}, {@code global.} ...) without
 * an entry of its own is priced as its model (AWS bills profiles at the source region's price), and a
 * model as any profile of it. Immutable.
 */
public final class BedrockPriceTable {
  private static final Pattern GEO_PREFIX = Pattern.compile("^(us|eu|apac|ap|ca|jp|au|us-gov|global)\\.");

  /** The price and listing of one model. */
  public record Price(double inputPer1k, double outputPer1k, String tier, double creditCost, Optional<String> name) {
    public Price {
      if (!(inputPer1k >= 0) || !(outputPer1k >= 0) || !(creditCost >= 0)) {
        throw new IllegalArgumentException("prices and credit cost must be >= 0; got input " + inputPer1k + ", output "
            + outputPer1k + ", credits " + creditCost);
      }
      if (tier == null || tier.isBlank()) {
        throw new IllegalArgumentException("tier must not be blank");
      }
      name = name == null ? Optional.empty() : name.filter(n -> !n.isBlank());
    }
  }

  private static final BedrockPriceTable BUILT_IN = new BedrockPriceTable(builtInPrices());

  private final Map<String, Price> prices;

  private BedrockPriceTable(Map<String, Price> prices) {
    this.prices = Map.copyOf(prices);
  }

  /** The prices of the built-in catalog. */
  public static BedrockPriceTable builtIn() {
    return BUILT_IN;
  }

  /**
   * This table with the entries of a JSON file added, replacing the entries of the same ids.
   *
   * @throws ConfigurationException naming the file and the entry when it cannot be read or an entry is malformed
   */
  public BedrockPriceTable withFile(Path file) {
    JsonNode root;
    try {
      root = EgretJson.mapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigurationException("cannot read the Bedrock price file " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ConfigurationException("the Bedrock price file " + file + " must hold a JSON object of model id → "
          + "{\"input_per_1k\", \"output_per_1k\", \"tier\", \"credit_cost\"[, \"name\"]}");
    }
    Map<String, Price> merged = new LinkedHashMap<>(prices);
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      try {
        merged.put(e.getKey(), price(e.getValue()));
      } catch (IllegalArgumentException bad) {
        throw new ConfigurationException("Bedrock price file " + file + ", model '" + e.getKey() + "': "
            + bad.getMessage());
      }
    }
    return new BedrockPriceTable(merged);
  }

  /** This table with one entry added or replaced. */
  public BedrockPriceTable with(String modelId, Price price) {
    if (modelId == null || modelId.isBlank()) {
      throw new IllegalArgumentException("modelId must not be blank");
    }
    Map<String, Price> merged = new LinkedHashMap<>(prices);
    merged.put(modelId, java.util.Objects.requireNonNull(price, "price"));
    return new BedrockPriceTable(merged);
  }

  /** The price of a model or inference profile id: its own entry, else its model's or a profile's of the model. */
  public Optional<Price> find(String modelId) {
    Price own = prices.get(modelId);
    if (own != null) {
      return Optional.of(own);
    }
    String base = GEO_PREFIX.matcher(modelId).replaceFirst("");
    Price model = prices.get(base);
    if (model != null) {
      return Optional.of(model);
    }
    return prices.entrySet().stream().filter(e -> GEO_PREFIX.matcher(e.getKey()).replaceFirst("").equals(base))
        .map(Map.Entry::getValue).findFirst();
  }

  private static Price price(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("must be an object with input_per_1k, output_per_1k, tier and credit_cost");
    }
    return new Price(number(node, "input_per_1k"), number(node, "output_per_1k"),
        node.path("tier").isTextual() ? node.get("tier").asText() : null, number(node, "credit_cost"),
        node.path("name").isTextual() ? Optional.of(node.get("name").asText()) : Optional.empty());
  }

  private static double number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException(field + " must be a number");
    }
    return v.asDouble();
  }

  private static Map<String, Price> builtInPrices() {
    Map<String, Price> out = new LinkedHashMap<>();
    BedrockModelCatalog.MODELS.forEach(m -> out.put(m.modelId(), new Price(m.inputPricePer1k(), m.outputPricePer1k(),
        m.tier(), m.creditCost(), Optional.of(m.name()))));
    return out;
  }
}
