package dev.egretta.core.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.core.RateLimitedException;
import dev.egretta.core.UpstreamException;
import dev.egretta.core.internal.Terms;
import dev.egretta.core.spi.RetrievedPassage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.scoring.ScoringModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoringModelRerankerTest {

  /** A real, small scoring model: the share of the query's content terms a segment contains. */
  static final class OverlapScoringModel implements ScoringModel {
    final List<String> seen = new ArrayList<>();

    @Override
    public Response<List<Double>> scoreAll(List<TextSegment> segments, String query) {
      Set<String> q = Terms.contentTerms(query);
      List<Double> out = new ArrayList<>();
      for (TextSegment s : segments) {
        seen.add(s.text());
        Set<String> t = Terms.contentTerms(s.text());
        out.add(q.stream().filter(t::contains).count() / (double) q.size());
      }
      return Response.from(out);
    }
  }

  /** Named like LangChain4j's, so it is translated like a chat model's rate limit. */
  static final class RateLimitException extends RuntimeException {
    RateLimitException(String m) {
      super(m);
    }
  }

  private static RetrievedPassage passage(String id, String heading, String text) {
    return new RetrievedPassage(id, "file:///" + id, id + ".pdf", 1, 1, heading, text, false, 0.5);
  }

  private final List<RetrievedPassage> candidates = List.of(
      passage("a", "", "Staff training happens every year."),
      passage("b", "Backups", "Backup media are encrypted and kept offsite."),
      passage("c", "", "Backups run nightly."));

  @Test
  void ordersByTheModelsScoreAndSendsHeadingAndText() {
    OverlapScoringModel model = new OverlapScoringModel();

    List<RetrievedPassage> out = new ScoringModelReranker(model).rerank("Are backup media encrypted?", candidates);

    assertThat(out).extracting(RetrievedPassage::chunkId).containsExactly("b", "c", "a");
    assertThat(model.seen).contains("Backups\nBackup media are encrypted and kept offsite.");
  }

  @Test
  void vendorErrorsAndBadAnswersAreTranslated() {
    ScoringModel limited = (segments, query) -> {
      throw new RateLimitException("slow down");
    };
    assertThatThrownBy(() -> new ScoringModelReranker(limited).rerank("q", candidates))
        .isInstanceOf(RateLimitedException.class).hasMessageContaining("slow down");
    ScoringModel short1 = (segments, query) -> Response.from(List.of(1.0));
    assertThatThrownBy(() -> new ScoringModelReranker(short1).rerank("q", candidates))
        .isInstanceOf(UpstreamException.class).hasMessageContaining("1 scores for 3 passages");
  }
}
