package dev.egretta.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egretta.core.UpstreamException;
import dev.egretta.core.spi.Reranker;
import dev.egretta.core.spi.RetrievedPassage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;

/**
 * A Bedrock rerank model ({@link #AMAZON_RERANK_V1}, {@link #COHERE_RERANK_V35}) as the engine's
 * reranking stage: one InvokeModel call per query with the question and the candidates' texts
 * ({@code {"query", "documents", "top_n"}}, plus {@code "api_version": 2} for Cohere), answered with
 * {@code {"results": [{"index", "relevance_score"}]}} best first. Retried on throttling and
 * translated like the answer generator's errors (rate limits, timeouts, model access). Thread-safe;
 * {@link #close()} releases its HTTP client.
 *
 * <pre>{@code
 * EgrettaEngine.builder().retriever(kb).reranker(BedrockReranker.of(config, BedrockReranker.COHERE_RERANK_V35)).build();
 * }</pre>
 */
public final class BedrockReranker implements Reranker, AutoCloseable {
  /** Amazon Rerank 1.0. */
  public static final String AMAZON_RERANK_V1 = "amazon.rerank-v1:0";
  /** Cohere Rerank 3.5. */
  public static final String COHERE_RERANK_V35 = "cohere.rerank-v3-5:0";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BedrockClients clients;
  private final Retrier retrier;
  private final String modelId;

  private BedrockReranker(BedrockConfig config, String modelId) {
    this.clients = BedrockClients.create(config);
    this.retrier = new Retrier(config, new BedrockErrors(clients.region.id(), config.readTimeout()));
    this.modelId = modelId;
  }

  /** A reranker calling {@code modelId} (e.g. {@link #COHERE_RERANK_V35}) with {@code config}'s region and credentials. */
  public static BedrockReranker of(BedrockConfig config, String modelId) {
    Objects.requireNonNull(config, "config");
    if (modelId == null || modelId.isBlank()) {
      throw new IllegalArgumentException("a rerank model id is required, e.g. " + COHERE_RERANK_V35);
    }
    return new BedrockReranker(config, modelId.strip());
  }

  @Override
  public List<RetrievedPassage> rerank(String question, List<RetrievedPassage> candidates) {
    ObjectNode body = JSON.createObjectNode().put("query", question).put("top_n", candidates.size());
    if (modelId.startsWith("cohere.")) {
      body.put("api_version", 2); // Cohere's rerank body requires it; Amazon's has no such field
    }
    var documents = body.putArray("documents");
    candidates.forEach(p -> documents.add(p.heading().isBlank() ? p.text() : p.heading() + "\n" + p.text()));
    String reply = retrier.call(modelId, () -> clients.sync.invokeModel(InvokeModelRequest.builder()
        .modelId(modelId).contentType("application/json").accept("application/json")
        .body(SdkBytes.fromUtf8String(body.toString())).build()).body().asUtf8String());
    return order(reply, candidates);
  }

  /** The candidates in the order of the reply's results; ones the reply left out follow in their own order. */
  private List<RetrievedPassage> order(String reply, List<RetrievedPassage> candidates) {
    JsonNode results;
    try {
      results = JSON.readTree(reply).path("results");
    } catch (IOException e) {
      throw new UpstreamException("Bedrock rerank model " + modelId + " sent a reply that is not JSON: " + e.getMessage());
    }
    if (!results.isArray()) {
      throw new UpstreamException("Bedrock rerank model " + modelId + " sent no results");
    }
    boolean[] taken = new boolean[candidates.size()];
    List<RetrievedPassage> out = new ArrayList<>(candidates.size());
    for (JsonNode r : results) {
      int i = r.path("index").asInt(-1);
      if (i < 0 || i >= candidates.size() || taken[i]) {
        throw new UpstreamException("Bedrock rerank model " + modelId + " sent an invalid result index: " + r.path("index"));
      }
      taken[i] = true;
      out.add(candidates.get(i));
    }
    for (int i = 0; i < taken.length; i++) {
      if (!taken[i]) {
        out.add(candidates.get(i));
      }
    }
    return out;
  }

  @Override
  public void close() {
    clients.close();
  }
}
