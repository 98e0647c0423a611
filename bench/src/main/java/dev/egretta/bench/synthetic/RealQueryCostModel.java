package dev.egretta.bench.synthetic;

import dev.egretta.lucene.BenchmarkHooks;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.egretta.bench.Questions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The synthetic model for searching a synthetic index, with the real cost of a query embedding: for
 * each text, Egretta's built-in bge-small model first embeds one of the bench's real questions about
 * the PDFs, in turn (the synthetic questions are pseudo-words, which bge's word pieces would split
 * into several times as many tokens as a real question has), and its vector is discarded, because
 * the index lives in the synthetic model's space; the text then gets its synthetic vector. Searches
 * through it do the model's real work on the real threads, including the overlap of that work with
 * BM25, while recall stays measurable against the synthetic vectors.
 */
final class RealQueryCostModel implements EmbeddingModel {
  private final SyntheticEmbeddingModel synthetic;
  private final List<String> realQuestions = Questions.texts(Questions.corpusQuestions());
  private final AtomicInteger next = new AtomicInteger();

  RealQueryCostModel(SyntheticEmbeddingModel synthetic) {
    this.synthetic = synthetic;
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    for (int i = 0; i < segments.size(); i++) {
      BenchmarkHooks.embedQueryWithBuiltInModel(realQuestions.get(Math.floorMod(next.getAndIncrement(), realQuestions.size())));
    }
    return synthetic.embedAll(segments);
  }

  @Override
  public int dimension() {
    return synthetic.dimension();
  }

  @Override
  public String modelName() {
    return synthetic.modelName();
  }
}
