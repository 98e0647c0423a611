package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.core.EgrettaException;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.testsupport.HashingEmbeddingModel;
import dev.egretta.testsupport.TestPdfs;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configured model that fails on a question: every kind of search names the query embedding, and the index stays usable. */
class QueryEmbeddingFailureTest {
  @TempDir Path dir;

  /** Embeds like {@link HashingEmbeddingModel}, but refuses any text that mentions "refused". */
  private static final class RefusingModel implements EmbeddingModel {
    private final HashingEmbeddingModel delegate = new HashingEmbeddingModel();

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      if (segments.stream().anyMatch(s -> s.text().contains("refused"))) {
        throw new IllegalStateException("model endpoint unavailable");
      }
      return delegate.embedAll(segments);
    }

    @Override
    public int dimension() {
      return delegate.dimension();
    }
  }

  @Test
  void everyKindOfSearchNamesTheQueryEmbeddingWhenTheModelFails() throws Exception {
    Path corpus = dir.resolve("corpus");
    TestPdfs.pdf().title("Backup Procedure").pages(List.of(
        "Backup Procedure\n\nBackups of all servers run every night at midnight and are kept for ninety days."))
        .write(corpus.resolve("business-continuity/pdf/us/backup.pdf"));
    LuceneConfig config = LuceneConfig.builder().embeddingModel(new RefusingModel()).queryCacheSize(0).build();
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"), config)) {
      kb.ingest(LocalFolderSource.of(corpus), IngestOptions.publicLibrary(), IngestListener.NONE);
      SearchScope scope = SearchScope.publicOnly("business-continuity", "us");
      for (RetrieverKind kind : RetrieverKind.values()) {
        assertThatThrownBy(() -> kb.search(new RetrievalRequest("How long are refused backups kept?", scope, 5), kind))
            .as(kind.name())
            .isInstanceOf(EgrettaException.class)
            .hasMessage("query embedding failed: model endpoint unavailable");
      }
      // BM25 ran beside the failed embedding on another thread; the searcher it used is released and searches go on.
      assertThat(kb.search(new RetrievalRequest("How long are backups kept?", scope, 5), RetrieverKind.HYBRID))
          .extracting(p -> p.filename()).containsExactly("backup.pdf");
    }
  }
}
