package dev.egretta.examples;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.bedrock.BedrockAnswerGenerator;
import dev.egretta.bedrock.BedrockConfig;
import dev.egretta.bedrock.BedrockModelCatalog;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Engine;
import dev.egretta.core.Organisation;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.nio.file.Path;

/**
 * Answers with a model on Amazon Bedrock instead of the extractive generator. Region and credentials
 * come from the AWS default chain ({@code AWS_REGION}, {@code ~/.aws/...}, instance roles); the
 * catalog lists the Bedrock models with their prices, and a query may pick one by {@code model_id}.
 *
 * <pre>
 * java ... dev.egretta.examples.AskBedrock INDEX_DIR DOMAIN CATEGORY "question" [MODEL_ID]
 * </pre>
 */
public final class AskBedrock {
  private AskBedrock() {}

  /** Asks one question of the index with the Bedrock model {@code modelId} (null = the catalog's default). */
  public static QueryResponse ask(Path indexDir, BedrockConfig config, String domain, String category,
      String question, String modelId) {
    try (BedrockAnswerGenerator generator = BedrockAnswerGenerator.create(config);
         Engine engine = EgrettaEngine.builder()
             .retriever(LuceneKnowledgeBase.open(indexDir))
             .modelCatalog(BedrockModelCatalog.create())
             .generator(generator)
             .build()) {
      ValidatedQuery query = ValidatedQuery.of(question, domain, category, Mode.COMPLIANCE);
      return engine.query(modelId == null ? query : query.withModelId(modelId), Organisation.LOCAL);
    }
  }

  public static void main(String[] args) {
    if (args.length < 4) {
      System.err.println("usage: AskBedrock INDEX_DIR DOMAIN CATEGORY QUESTION [MODEL_ID]");
      System.exit(2);
    }
    QueryResponse r = ask(Path.of(args[0]), BedrockConfig.builder().build(), args[1], args[2], args[3],
        args.length > 4 ? args[4] : null);
    System.out.println(r.response());
    System.out.printf("%s: %d input + %d output tokens, $%.5f%n", r.usage().model(), r.usage().inputTokens(),
        r.usage().outputTokens(), r.usage().costUsd());
  }
}
