package dev.egretta.eval.answers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.ContextQuality;
import dev.egretta.api.Performance;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.Source;
import dev.egretta.api.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerScoringTest {

  private static Source source(String file, int page) {
    return new Source("file:///" + file, file, page, "", 0.5, null, null, null, null);
  }

  private static QueryResponse response(String text, List<Source> sources) {
    return new QueryResponse(text, sources, List.of(), new ContextQuality(false, sources.size(), 0.5),
        new Usage(0, 0, 0, "m"), new Performance(0, 0, 0, sources.size(), 0.5), "s", 1L);
  }

  @Test
  void citationsBeyondTheSourcesAreDangling() {
    QueryResponse r = response("A [Source 1]. B [Source 3]. C [Source 0]. D [Source 2].",
        List.of(source("a.pdf", 1), source("b.pdf", 2)));
    assertThat(AnswerScoring.dangling(r)).isEqualTo(2);
  }

  @Test
  void onlyTheFirstFiveSourcesCountForPageAndEvidence() {
    AnswerQuestion q = new AnswerQuestion("q", "Q?", "d", "us", true, "f.pdf", List.of(7), "The answer is here.",
        List.of("Answer", "missing"));
    List<Source> six = List.of(source("a.pdf", 1), source("a.pdf", 2), source("a.pdf", 3), source("a.pdf", 4),
        source("a.pdf", 5), source("f.pdf", 7));
    AnswerRow row = AnswerScoring.score(q, response("the ANSWER is here", six),
        List.of("", "", "", "", "", "The answer\nis   here."));
    assertThat(row.pageHit()).isFalse();
    assertThat(row.evidenceHit()).isFalse();
    assertThat(row.keywordRecall()).isEqualTo(0.5);

    List<Source> five = six.subList(1, 6);
    AnswerRow hit = AnswerScoring.score(q, response("x", five), List.of("", "", "", "", "The answer\nis   here."));
    assertThat(hit.pageHit()).isTrue();
    assertThat(hit.evidenceHit()).isTrue();
  }
}
