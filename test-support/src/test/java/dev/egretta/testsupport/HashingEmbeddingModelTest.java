package dev.egretta.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashingEmbeddingModelTest {
  private final HashingEmbeddingModel model = new HashingEmbeddingModel();

  @Test
  void sameTextSameVectorInEveryInstance() {
    float[] a = embed(model, "Backups are verified every Friday.");
    float[] b = embed(new HashingEmbeddingModel(), "backups ARE verified, every friday");

    assertThat(a).hasSize(64).containsExactly(b);
    assertThat(model.dimension()).isEqualTo(64);
    assertThat(model.modelName()).isEqualTo("test-hashing-64");
  }

  @Test
  void textsSharingWordsAreCloserThanUnrelatedTexts() {
    Embedding query = model.embed("how often are backups verified").content();
    Embedding related = model.embed("Backups are verified every Friday by the site team.").content();
    Embedding unrelated = model.embed("Zebra crossings need painting in spring.").content();

    assertThat(CosineSimilarity.between(query, related)).isGreaterThan(CosineSimilarity.between(query, unrelated));
  }

  @Test
  void aTextWithoutWordsIsNotTheZeroVector() {
    float[] v = embed(model, " ... ");

    assertThat(v[0]).isPositive();
  }

  @Test
  void embedsEachSegmentInOrderAtTheChosenDimension() {
    HashingEmbeddingModel wide = new HashingEmbeddingModel(256);
    List<Embedding> all = wide.embedAll(List.of(TextSegment.from("one"), TextSegment.from("two"))).content();

    assertThat(all).hasSize(2);
    assertThat(all.get(0).vector()).hasSize(256).containsExactly(embed(wide, "one"));
    assertThat(all.get(1).vector()).containsExactly(embed(wide, "two"));
    assertThat(wide.modelName()).isEqualTo("test-hashing-256");
    assertThatThrownBy(() -> new HashingEmbeddingModel(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension must be at least 2: 1");
  }

  private static float[] embed(HashingEmbeddingModel m, String text) {
    return m.embed(text).content().vector();
  }
}
