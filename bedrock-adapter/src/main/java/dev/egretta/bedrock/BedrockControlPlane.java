package dev.egretta.bedrock;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycleStatus;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileModel;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileStatus;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceType;
import software.amazon.awssdk.services.bedrock.model.ModelModality;

/**
 * Bedrock's control plane ({@code bedrock.<region>.amazonaws.com}, not the runtime): the text
 * models a caller can invoke on demand ({@code ListFoundationModels}) and the inference profiles
 * ({@code ListInferenceProfiles}, every page), as {@link Listed} entries. Needs
 * {@code bedrock:ListFoundationModels} and {@code bedrock:ListInferenceProfiles}.
 */
final class BedrockControlPlane implements AutoCloseable {

  /** A model or profile id that answers text, with its AWS display name. */
  record Listed(String id, String name, boolean streaming) {}

  private final BedrockClient client;

  BedrockControlPlane(BedrockConfig config, Optional<URI> endpoint) {
    var builder = BedrockClient.builder()
        .region(BedrockClients.resolveRegion(config))
        .credentialsProvider(BedrockClients.credentials(config))
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build())
        .httpClientBuilder(ApacheHttpClient.builder()
            .connectionTimeout(config.connectTimeout())
            .socketTimeout(config.readTimeout()));
    endpoint.ifPresent(builder::endpointOverride);
    this.client = builder.build();
  }

  /** Inference profiles of text models first, then the text models invocable on demand. */
  List<Listed> list() {
    Map<String, FoundationModelSummary> text = new LinkedHashMap<>();
    for (FoundationModelSummary m : client.listFoundationModels(r -> r.byOutputModality(ModelModality.TEXT))
        .modelSummaries()) {
      boolean active = m.modelLifecycle() == null || m.modelLifecycle().status() == FoundationModelLifecycleStatus.ACTIVE;
      if (active && m.inputModalities().contains(ModelModality.TEXT) && m.outputModalities().contains(ModelModality.TEXT)) {
        text.put(m.modelId(), m);
      }
    }
    List<Listed> out = new ArrayList<>();
    for (InferenceProfileSummary p : client.listInferenceProfilesPaginator(r -> r.maxResults(100))
        .inferenceProfileSummaries()) {
      if (p.status() != InferenceProfileStatus.ACTIVE || p.models().isEmpty()) {
        continue;
      }
      // A profile routes to copies of one model in several regions; it answers text when that model does.
      Optional<FoundationModelSummary> model = p.models().stream().map(InferenceProfileModel::modelArn)
          .map(BedrockControlPlane::modelIdOf).map(text::get).filter(java.util.Objects::nonNull).findFirst();
      model.ifPresent(m -> out.add(new Listed(p.inferenceProfileId(), p.inferenceProfileName(),
          Boolean.TRUE.equals(m.responseStreamingSupported()))));
    }
    for (FoundationModelSummary m : text.values()) {
      if (m.inferenceTypesSupported().contains(InferenceType.ON_DEMAND)) {
        out.add(new Listed(m.modelId(), m.modelName(), Boolean.TRUE.equals(m.responseStreamingSupported())));
      }
    }
    return out;
  }

  /** {@code arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-...} → {@code anthropic.claude-...}. */
  static String modelIdOf(String arn) {
    int slash = arn == null ? -1 : arn.lastIndexOf('/');
    return slash < 0 ? String.valueOf(arn) : arn.substring(slash + 1);
  }

  @Override
  public void close() {
    client.close();
  }
}
