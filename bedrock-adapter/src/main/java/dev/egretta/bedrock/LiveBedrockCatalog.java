package dev.egretta.bedrock;

import dev.egretta.core.spi.ModelCatalog;
import dev.egretta.core.spi.ModelEntry;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Bedrock's model catalog as it is now: the text models and inference profiles the account can use in
 * its region, read from the control plane ({@code ListFoundationModels}, {@code ListInferenceProfiles}),
 * priced from a {@link BedrockPriceTable} (built in, overridable from a file), and cached for a time to
 * live. When the control plane cannot be read (no network, no {@code bedrock:List*} permission,
 * throttling), the last list read stays in use, or before any the built-in {@link BedrockModelCatalog};
 * a failed read is retried after at most a minute. Listed models without a price are left out unless
 * {@link Builder#includeUnpriced(boolean)}, so that {@code cost_usd} is never silently zero. Thread-safe;
 * close it to release its HTTP client.
 *
 * <pre>{@code
 * try (LiveBedrockCatalog catalog = LiveBedrockCatalog.builder(bedrockConfig)
 *     .prices(BedrockPriceTable.builtIn().withFile(Path.of("bedrock-prices.json")))
 *     .build()) {
 *   engineBuilder.modelCatalog(catalog);
 * }
 * }</pre>
 */
public final class LiveBedrockCatalog implements ModelCatalog, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LiveBedrockCatalog.class.getName());
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

  private final Builder settings;
  private BedrockControlPlane controlPlane; // made on first use: a missing region must not stop the fallback
  private final Object lock = new Object();
  private volatile List<ModelEntry> current;
  private volatile Instant refreshAt = Instant.MIN;
  private volatile boolean live;

  private LiveBedrockCatalog(Builder settings) {
    this.settings = settings;
  }

  /** A builder reaching Bedrock with {@code config}'s region, credentials and timeouts. */
  public static Builder builder(BedrockConfig config) {
    return new Builder(Objects.requireNonNull(config, "config"));
  }

  @Override
  public List<ModelEntry> models() {
    if (settings.clock.instant().isBefore(refreshAt)) {
      return current;
    }
    synchronized (lock) {
      Instant now = settings.clock.instant();
      if (now.isBefore(refreshAt)) {
        return current; // another caller refreshed meanwhile
      }
      try {
        if (controlPlane == null) {
          controlPlane = new BedrockControlPlane(settings.config, settings.endpoint);
        }
        current = merge(controlPlane.list());
        live = true;
        refreshAt = now.plus(settings.ttl);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cannot read Bedrock's model list (" + e.getMessage() + "); using the "
            + (current == null ? "built-in catalog" : "last list read") + ". It needs bedrock:ListFoundationModels and "
            + "bedrock:ListInferenceProfiles.");
        if (current == null) {
          current = withDefault(BedrockModelCatalog.MODELS);
        }
        refreshAt = now.plus(settings.ttl.compareTo(RETRY_AFTER_FAILURE) < 0 ? settings.ttl : RETRY_AFTER_FAILURE);
      }
      return current;
    }
  }

  /** Whether the models come from the control plane (false: the built-in fallback; read before {@link #models()}). */
  public boolean isLive() {
    models();
    return live;
  }

  private List<ModelEntry> merge(List<BedrockControlPlane.Listed> listed) {
    List<ModelEntry> priced = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<String> unpriced = new ArrayList<>();
    for (BedrockControlPlane.Listed m : listed) {
      if (!seen.add(m.id())) {
        continue;
      }
      Optional<BedrockPriceTable.Price> price = settings.prices.find(m.id());
      if (price.isEmpty() && !settings.includeUnpriced) {
        unpriced.add(m.id());
        continue;
      }
      BedrockPriceTable.Price p = price.orElse(new BedrockPriceTable.Price(0, 0, "unpriced", 0, Optional.empty()));
      priced.add(new ModelEntry(m.id(), p.name().orElse(m.name()), p.tier(), p.creditCost(), m.streaming(), false,
          p.inputPer1k(), p.outputPer1k()));
    }
    if (!unpriced.isEmpty()) {
      LOG.log(Level.INFO, unpriced.size() + " Bedrock model(s) left out of the catalog for want of a price (add them to "
          + "the price file): " + String.join(", ", unpriced));
    }
    if (priced.isEmpty()) {
      throw new IllegalStateException("the control plane listed no priced text model");
    }
    return withDefault(priced);
  }

  /** The entries with exactly one default: the configured model when listed, else the built-in order's first. */
  private List<ModelEntry> withDefault(List<ModelEntry> entries) {
    String defaultId = entries.stream().map(ModelEntry::modelId).filter(settings.defaultModel::equals).findFirst()
        .orElseGet(() -> BedrockModelCatalog.MODELS.stream().map(ModelEntry::modelId)
            .filter(id -> entries.stream().anyMatch(e -> e.modelId().equals(id))).findFirst()
            .orElse(entries.getFirst().modelId()));
    List<ModelEntry> out = new ArrayList<>(entries.size());
    for (ModelEntry e : entries) {
      out.add(new ModelEntry(e.modelId(), e.name(), e.tier(), e.creditCost(), e.supportsStreaming(),
          e.modelId().equals(defaultId), e.inputPricePer1k(), e.outputPricePer1k()));
    }
    out.sort(Comparator.comparing((ModelEntry e) -> !e.isDefault()));
    return ModelCatalog.of(out).models();
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (controlPlane != null) {
        controlPlane.close();
      }
    }
  }

  /** Settings of a live catalog. */
  public static final class Builder {
    private final BedrockConfig config;
    private Optional<URI> endpoint = Optional.empty();
    private Duration ttl = Duration.ofHours(1);
    private BedrockPriceTable prices = BedrockPriceTable.builtIn();
    private String defaultModel = BedrockModelCatalog.DEFAULT_MODEL_ID;
    private boolean includeUnpriced;
    private Clock clock = Clock.systemUTC();

    private Builder(BedrockConfig config) {
      this.config = config;
    }

    /**
     * The control plane's endpoint (a VPC endpoint, a proxy, a test server); default the regional one.
     * {@link BedrockConfig#endpointOverride()} is the runtime's and is not used here.
     */
    public Builder controlPlaneEndpoint(URI endpoint) {
      this.endpoint = Optional.of(Objects.requireNonNull(endpoint, "endpoint"));
      return this;
    }

    /** How long a list read stays in use; 1 s .. 7 days, default 1 hour. */
    public Builder timeToLive(Duration ttl) {
      if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(Duration.ofDays(7)) > 0) {
        throw new IllegalArgumentException("timeToLive must be 1 s .. 7 days; got " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /** The prices; default {@link BedrockPriceTable#builtIn()}. */
    public Builder prices(BedrockPriceTable prices) {
      this.prices = Objects.requireNonNull(prices, "prices");
      return this;
    }

    /** The default model when listed; else the first listed model of the built-in catalog's order. */
    public Builder defaultModel(String modelId) {
      if (modelId == null || modelId.isBlank()) {
        throw new IllegalArgumentException("defaultModel must not be blank");
      }
      this.defaultModel = modelId.strip();
      return this;
    }

    /** Whether listed models without a price appear (tier {@code unpriced}, cost 0); default false. */
    public Builder includeUnpriced(boolean include) {
      this.includeUnpriced = include;
      return this;
    }

    /** The clock the time to live is measured on (tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public LiveBedrockCatalog build() {
      return new LiveBedrockCatalog(this);
    }
  }
}
