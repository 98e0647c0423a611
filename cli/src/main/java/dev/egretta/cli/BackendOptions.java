package dev.egretta.cli;

import dev.egretta.elasticsearch.ElasticsearchConfig;
import picocli.CommandLine.Option;

/**
 * {@code --backend lucene|elasticsearch} and where the Elasticsearch cluster is: {@code --es-url},
 * {@code --es-index}, {@code --es-api-key} (or {@code $EGRETTA_ES_API_KEY}, which keeps the key out of
 * the process list).
 */
final class BackendOptions {
  /** The environment variable read for the API key when {@code --es-api-key} is not given. */
  static final String API_KEY_ENV = "EGRETTA_ES_API_KEY";

  /** Where the index lives. */
  enum Backend { lucene, elasticsearch }

  @Option(names = "--backend", paramLabel = "lucene|elasticsearch", defaultValue = "lucene",
      description = "Where the index lives: an embedded Lucene directory (default) or an Elasticsearch cluster.")
  Backend backend = Backend.lucene;

  @Option(names = "--es-url", paramLabel = "URL",
      description = "Elasticsearch node(s), e.g. https://es1:9200 or several separated by commas (--backend elasticsearch).")
  String url;

  @Option(names = "--es-index", paramLabel = "NAME", description = "The Elasticsearch index (default egretta).")
  String indexName;

  @Option(names = "--es-api-key", paramLabel = "KEY",
      description = "Encoded Elasticsearch API key (default: $" + API_KEY_ENV + "; none = no authentication).")
  String apiKey;

  boolean elasticsearch() {
    if (backend != Backend.elasticsearch && (url != null || indexName != null || apiKey != null)) {
      throw new UsageException("--es-url, --es-index and --es-api-key need --backend elasticsearch");
    }
    return backend == Backend.elasticsearch;
  }

  /** The cluster settings from the options; a usage error names what is missing or wrong. */
  ElasticsearchConfig config(Context context) {
    if (url == null || url.isBlank()) {
      throw new UsageException("--backend elasticsearch needs --es-url URL (e.g. http://localhost:9200)");
    }
    ElasticsearchConfig.Builder b = ElasticsearchConfig.builder(url);
    if (indexName != null) {
      b.index(indexName);
    }
    String key = apiKey != null ? apiKey : context.env().get(API_KEY_ENV);
    if (key != null && !key.isEmpty()) {
      b.apiKey(key);
    }
    return b.build();
  }
}
