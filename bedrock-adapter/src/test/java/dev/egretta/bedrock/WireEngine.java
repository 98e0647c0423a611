package dev.egretta.bedrock;

import static dev.egretta.bedrock.Fixtures.config;

import dev.egretta.core.EgrettaEngine;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.ScoreCalibration;
import java.nio.file.Path;

/**
 * The whole flow with Bedrock parts: a folder of PDFs indexed by the Lucene knowledge base with Titan
 * v2 embeddings, the engine with its defaults, and Bedrock generation; Bedrock is a local wire server.
 */
record WireEngine(BedrockWireServer server, BedrockAnswerGenerator generator, BedrockEmbeddings titan, EgrettaEngine engine)
    implements AutoCloseable {

  static WireEngine over(Path corpus, Path index) throws Exception {
    BedrockWireServer server = new BedrockWireServer();
    BedrockConfig bedrock = config(server).build();
    BedrockAnswerGenerator generator = BedrockAnswerGenerator.create(bedrock);
    BedrockEmbeddings titan = BedrockEmbeddings.titanV2(bedrock, 256);
    LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index,
        // the wire server's bag-of-words vectors have lower cosines than a real model: calibrate for them
        LuceneConfig.builder().embeddingModel(titan).calibration(new ScoreCalibration(0.1, 20.0)).build());
    kb.ingest(LocalFolderSource.of(corpus), IngestOptions.publicLibrary(), IngestListener.NONE);
    EgrettaEngine engine = EgrettaEngine.builder()
        .retriever(kb)
        .generator(generator)
        .modelCatalog(BedrockModelCatalog.create())
        .build();
    return new WireEngine(server, generator, titan, engine);
  }

  @Override
  public void close() {
    engine.close();
    generator.close();
    titan.close();
    server.close();
  }
}
