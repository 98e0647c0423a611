package dev.egretta.elasticsearch;

import dev.egretta.lucene.LuceneConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Settings of an {@link ElasticsearchKnowledgeBase}: where the cluster is, how to authenticate, the
 * index, and the shared pipeline ({@link LuceneConfig}: embedding model, chunking, fusion, calibration,
 * search depth), so that the cluster ranks as the embedded index does. Immutable; the builder checks
 * every value and names the bad one.
 */
public final class ElasticsearchConfig {
  private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,200}");

  private final List<URI> hosts;
  private final Optional<String> apiKey;
  private final String index;
  private final LuceneConfig pipeline;
  private final int shards;
  private final int replicas;
  private final double bm25K1;
  private final double bm25B;
  private final int bulkChunks;
  private final int knnCandidates;
  private final Duration timeout;

  private ElasticsearchConfig(Builder b) {
    this.hosts = List.copyOf(b.hosts);
    this.apiKey = Optional.ofNullable(b.apiKey);
    this.index = b.index;
    this.pipeline = b.pipeline;
    this.shards = b.shards;
    this.replicas = b.replicas;
    this.bm25K1 = b.bm25K1;
    this.bm25B = b.bm25B;
    this.bulkChunks = b.bulkChunks;
    this.knnCandidates = b.knnCandidates;
    this.timeout = b.timeout;
  }

  /** A builder for the cluster at {@code urls}: one URL or several separated by commas ({@code http://h1:9200,http://h2:9200}). */
  public static Builder builder(String urls) {
    return new Builder(urls);
  }

  /** The nodes the client talks to (round robin; a failed node is retried on the next). */
  public List<URI> hosts() {
    return hosts;
  }

  /** The encoded API key sent as {@code Authorization: ApiKey ...}; empty = no authentication. */
  public Optional<String> apiKey() {
    return apiKey;
  }

  /** The chunk index; the documents' manifests live in {@code <index>-documents}. */
  public String index() {
    return index;
  }

  public String documentsIndex() {
    return index + "-documents";
  }

  public LuceneConfig pipeline() {
    return pipeline;
  }

  public int shards() {
    return shards;
  }

  public int replicas() {
    return replicas;
  }

  /** BM25 k1 of a new index; empty = the Lucene backend's (so both rank alike). */
  public OptionalDouble bm25K1() {
    return Double.isNaN(bm25K1) ? OptionalDouble.empty() : OptionalDouble.of(bm25K1);
  }

  /** BM25 b of a new index; empty = the Lucene backend's. */
  public OptionalDouble bm25B() {
    return Double.isNaN(bm25B) ? OptionalDouble.empty() : OptionalDouble.of(bm25B);
  }

  /** Chunks embedded and sent per {@code _bulk} request (whole documents). */
  public int bulkChunks() {
    return bulkChunks;
  }

  /** kNN candidates per shard ({@code num_candidates}); 0 = twice the search depth. */
  public int knnCandidates() {
    return knnCandidates;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Builds an {@link ElasticsearchConfig}; every setter checks its value. */
  public static final class Builder {
    private final List<URI> hosts = new ArrayList<>();
    private String apiKey;
    private String index = "egretta";
    private LuceneConfig pipeline = LuceneConfig.defaults();
    private int shards = 1;
    private int replicas = 0;
    private double bm25K1 = Double.NaN;
    private double bm25B = Double.NaN;
    private int bulkChunks = 256;
    private int knnCandidates = 0;
    private Duration timeout = Duration.ofSeconds(60);

    private Builder(String urls) {
      Objects.requireNonNull(urls, "urls");
      for (String part : urls.split(",")) {
        String u = part.strip();
        if (u.isEmpty()) {
          continue;
        }
        URI uri;
        try {
          uri = new URI(u);
        } catch (URISyntaxException e) {
          throw new IllegalArgumentException("not a URL: '" + u + "'");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
          throw new IllegalArgumentException("an Elasticsearch URL must be http://HOST:PORT or https://HOST:PORT; got '" + u + "'");
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !"/".equals(uri.getPath())) {
          throw new IllegalArgumentException("an Elasticsearch URL has no path; got '" + u + "'");
        }
        hosts.add(URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())));
      }
      if (hosts.isEmpty()) {
        throw new IllegalArgumentException("no Elasticsearch URL given");
      }
    }

    public Builder apiKey(String key) {
      Objects.requireNonNull(key, "key");
      if (key.isBlank() || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        throw new IllegalArgumentException("an API key is printable ASCII without spaces (the encoded value); got a bad one");
      }
      this.apiKey = key;
      return this;
    }

    /** The chunk index name: lower case letters, digits, {@code . _ -}, not starting with one of those. */
    public Builder index(String name) {
      Objects.requireNonNull(name, "name");
      if (!INDEX_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("an index name is 1-201 of a-z 0-9 . _ - starting with a letter or digit; got '" + name + "'");
      }
      this.index = name;
      return this;
    }

    public Builder pipeline(LuceneConfig config) {
      this.pipeline = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Primary shards of a new index (1 keeps BM25 statistics global; more use dfs_query_then_fetch). */
    public Builder shards(int n) {
      this.shards = check(n, 1, 1024, "shards");
      return this;
    }

    /** Replicas of each shard of a new index: 0 on one node, 1 or more on a cluster. */
    public Builder replicas(int n) {
      this.replicas = check(n, 0, 16, "replicas");
      return this;
    }

    /** BM25 term-frequency saturation k1 (default: the Lucene backend's). */
    public Builder bm25K1(double k1) {
      if (!(k1 >= 0 && k1 <= 10)) {
        throw new IllegalArgumentException("bm25K1 must be in [0, 10]; got " + k1);
      }
      this.bm25K1 = k1;
      return this;
    }

    /** BM25 length normalisation b (default: the Lucene backend's). */
    public Builder bm25B(double b) {
      if (!(b >= 0 && b <= 1)) {
        throw new IllegalArgumentException("bm25B must be in [0, 1]; got " + b);
      }
      this.bm25B = b;
      return this;
    }

    public Builder bulkChunks(int chunks) {
      this.bulkChunks = check(chunks, 1, 10_000, "bulkChunks");
      return this;
    }

    public Builder knnCandidates(int n) {
      this.knnCandidates = check(n, 0, 10_000, "knnCandidates");
      return this;
    }

    public Builder timeout(Duration t) {
      Objects.requireNonNull(t, "timeout");
      if (t.toMillis() < 100 || t.toMinutes() > 60) {
        throw new IllegalArgumentException("timeout must be 100 ms .. 60 min; got " + t);
      }
      this.timeout = t;
      return this;
    }

    public ElasticsearchConfig build() {
      return new ElasticsearchConfig(this);
    }

    private static int check(int v, int min, int max, String name) {
      if (v < min || v > max) {
        throw new IllegalArgumentException(name + " must be " + min + ".." + max + "; got " + v);
      }
      return v;
    }
  }
}
