package dev.egretta.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egretta.core.ConfigurationException;
import dev.egretta.core.EgrettaException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import javax.net.ssl.SSLException;
import org.apache.http.HttpEntity;
import org.apache.http.HttpHost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * JSON over the low-level REST client: one client for all hosts of the cluster (round robin, a failed
 * node is retried on the next), and every failure turned into one sentence that names the cluster and
 * the fix, never a stack trace for the user.
 */
final class EsHttp implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final ContentType NDJSON = ContentType.create("application/x-ndjson", "UTF-8");

  private final RestClient client;
  private final String where;

  EsHttp(List<URI> hosts, String apiKey, int timeoutMillis) {
    this.where = String.join(",", hosts.stream().map(URI::toString).toList());
    HttpHost[] httpHosts = hosts.stream()
        .map(u -> new HttpHost(u.getHost(), u.getPort() < 0 ? ("https".equals(u.getScheme()) ? 443 : 9200) : u.getPort(),
            u.getScheme()))
        .toArray(HttpHost[]::new);
    var builder = RestClient.builder(httpHosts)
        .setRequestConfigCallback(rc -> rc.setConnectTimeout(Math.min(timeoutMillis, 5_000)).setSocketTimeout(timeoutMillis));
    if (apiKey != null && !apiKey.isEmpty()) {
      builder.setDefaultHeaders(new org.apache.http.Header[] {new BasicHeader("Authorization", "ApiKey " + apiKey)});
    }
    this.client = builder.build();
  }

  /** The cluster's address as the user gave it, for messages. */
  String where() {
    return where;
  }

  JsonNode get(String path) {
    return send("GET", path, null, null);
  }

  JsonNode put(String path, JsonNode body) {
    return send("PUT", path, body.toString(), ContentType.APPLICATION_JSON);
  }

  JsonNode post(String path, JsonNode body) {
    return send("POST", path, body == null ? null : body.toString(), ContentType.APPLICATION_JSON);
  }

  /** A request whose body is newline-delimited JSON ({@code _bulk}, {@code _msearch}). */
  JsonNode postLines(String path, String ndjson) {
    return send("POST", path, ndjson, NDJSON);
  }

  /** Whether {@code path} exists (HEAD answers 200 or 404). */
  boolean exists(String path) {
    Request request = new Request("HEAD", path);
    try {
      return client.performRequest(request).getStatusLine().getStatusCode() == 200;
    } catch (IOException e) {
      throw failure("HEAD " + path, e);
    }
  }

  private JsonNode send(String method, String path, String body, ContentType type) {
    Request request = new Request(method, path);
    if (body != null) {
      request.setEntity(new StringEntity(body, type));
    }
    try {
      Response response = client.performRequest(request);
      HttpEntity entity = response.getEntity();
      if (entity == null) {
        return JSON.createObjectNode();
      }
      try (InputStream in = entity.getContent()) {
        return JSON.readTree(in);
      }
    } catch (IOException e) {
      throw failure(method + " " + path, e);
    }
  }

  /** One line naming the cluster, what failed and what to do about it. */
  EgrettaException failure(String what, IOException e) {
    if (e instanceof ResponseException re) {
      int status = re.getResponse().getStatusLine().getStatusCode();
      String reason = reason(re);
      return switch (status) {
        case 401 -> new ConfigurationException("Elasticsearch at " + where + " refused the API key (401 Unauthorized): "
            + "pass a valid key with --es-api-key (the encoded value from POST /_security/api_key)", e);
        case 403 -> new ConfigurationException("the API key may not " + what + " on Elasticsearch at " + where
            + " (403 Forbidden: " + reason + "): grant it the index privileges read, write, create_index, manage"
            + " on the Egretta indices", e);
        default -> new EsRequestException(status, "Elasticsearch at " + where + " failed " + what + " (" + status + "): " + reason, e);
      };
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (e instanceof ConnectException || root instanceof ConnectException) {
      return new ConfigurationException("cannot reach Elasticsearch at " + where + " (connection refused): start the"
          + " cluster or fix --es-url", e);
    }
    if (e instanceof UnknownHostException || root instanceof UnknownHostException) {
      return new ConfigurationException("cannot resolve the host of Elasticsearch at " + where + ": fix --es-url", e);
    }
    if (e instanceof SSLException || root instanceof SSLException
        || root instanceof java.security.cert.CertificateException) {
      return new ConfigurationException("TLS with Elasticsearch at " + where + " failed (" + root.getMessage() + "): use"
          + " https:// only for a TLS port and trust the cluster's CA (-Djavax.net.ssl.trustStore=...)", e);
    }
    return new ConfigurationException("cannot talk to Elasticsearch at " + where + " (" + e.getMessage() + "): check that"
        + " --es-url names a running cluster's HTTP port", e);
  }

  private static String reason(ResponseException re) {
    try (InputStream in = re.getResponse().getEntity().getContent()) {
      JsonNode body = JSON.readTree(in);
      JsonNode error = body.path("error");
      JsonNode cause = error.path("root_cause").path(0);
      String r = (cause.isMissingNode() ? error : cause).path("reason").asText("");
      return r.isEmpty() ? error.toString() : r;
    } catch (IOException | RuntimeException ignored) {
      return re.getResponse().getStatusLine().getReasonPhrase();
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new EgrettaException("cannot close the Elasticsearch client: " + e.getMessage(), e);
    }
  }
}
