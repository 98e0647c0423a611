package dev.egretta.bedrock;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.bedrock.BedrockTitanEmbeddingModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Amazon Titan Text Embeddings v2 on Bedrock as a LangChain4j {@link EmbeddingModel}, for an index
 * that should embed with Bedrock instead of the in-process model (e.g. {@code LuceneConfig.builder()
 * .embeddingModel(BedrockEmbeddings.titanV2(config, 1024))}). Vectors are normalized; each text is one
 * InvokeModel call, retried on throttling like the answer generator; failures arrive as Egretta
 * exceptions. Thread-safe; {@link #close()} releases its HTTP client.
 */
public final class BedrockEmbeddings implements EmbeddingModel, AutoCloseable {
  /** The Bedrock model id of Titan Text Embeddings v2. */
  public static final String TITAN_V2 = "amazon.titan-embed-text-v2:0";
  /** The output sizes Titan v2 offers. */
  public static final Set<Integer> TITAN_V2_DIMENSIONS = Set.of(256, 512, 1024);
  /** AWS's on-demand price of Titan v2 in USD per 1,000 input tokens (see {@link BedrockModelCatalog#PRICES_AS_OF}). */
  public static final double TITAN_V2_PRICE_PER_1K = 0.00002;

  private final BedrockClients clients;
  private final Retrier retrier;
  private final BedrockTitanEmbeddingModel titan;
  private final int dimensions;

  private BedrockEmbeddings(BedrockConfig config, int dimensions) {
    this.clients = BedrockClients.create(config);
    this.retrier = new Retrier(config, new BedrockErrors(clients.region.id(), config.readTimeout()));
    this.dimensions = dimensions;
    this.titan = BedrockTitanEmbeddingModel.builder()
        .client(clients.sync)
        .model(TITAN_V2)
        .dimensions(dimensions)
        .normalize(true)
        .maxRetries(0) // Retrier is the only retry layer
        .build();
  }

  /**
   * Titan Text Embeddings v2 with {@code dimensions} (256, 512 or 1024) output values.
   *
   * @throws IllegalArgumentException for any other size
   */
  public static BedrockEmbeddings titanV2(BedrockConfig config, int dimensions) {
    Objects.requireNonNull(config, "config");
    if (!TITAN_V2_DIMENSIONS.contains(dimensions)) {
      throw new IllegalArgumentException("Titan v2 dimensions must be 256, 512 or 1024; got " + dimensions);
    }
    return new BedrockEmbeddings(config, dimensions);
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    List<Embedding> embeddings = new ArrayList<>(segments.size());
    int inputTokens = 0;
    for (TextSegment segment : segments) {
      Response<List<Embedding>> one = retrier.call(TITAN_V2, () -> titan.embedAll(List.of(segment)));
      embeddings.add(one.content().get(0));
      if (one.tokenUsage() != null && one.tokenUsage().inputTokenCount() != null) {
        inputTokens += one.tokenUsage().inputTokenCount();
      }
    }
    return Response.from(embeddings, new TokenUsage(inputTokens));
  }

  @Override
  public int dimension() {
    return dimensions;
  }

  @Override
  public String modelName() {
    return TITAN_V2;
  }

  @Override
  public void close() {
    clients.close();
  }
}
