package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTermsTest {
  private final EnglishAnalyzer analyzer = new EnglishAnalyzer();

  @Test
  void aQuestionAlsoAsksForEachWordsOtherSpelling() {
    assertThat(QueryTerms.of(analyzer, "Which organisation reviews behaviour?"))
        .containsAll(QueryTerms.analyse(analyzer, "organisation reviews behaviour organization behavior", 100))
        .containsAll(QueryTerms.of(analyzer, "Which organization reviews behavior?"));
  }

  @Test
  void aQuestionWithoutOtherSpellingsIsItsBagOfWords() {
    String q = "backup tapes tested every quarter, backup logs reviewed";
    assertThat(QueryTerms.of(analyzer, q)).isEqualTo(QueryTerms.analyse(analyzer, q, QueryTerms.MAX))
        .containsExactly("backup", "tape", "test", "everi", "quarter", "backup", "log", "review");
  }

  @Test
  void anOtherSpellingThatAnalysesAlikeIsNotAddedTwice() {
    // the stemmer already makes one term of both spellings of some words
    assertThat(QueryTerms.of(analyzer, "grey")).doesNotHaveDuplicates();
    assertThat(QueryTerms.of(analyzer, "centre centre")).containsExactly("centr", "centr", "center");
  }

  @Test
  void theWordsThatOnlyMakeItAQuestionAreNotSearched() {
    // "what" and "how" are rare in regulatory text, so BM25 weighed them like rare content words
    assertThat(QueryTerms.of(analyzer, "What does the policy require, and how often?"))
        .containsExactly("polici", "requir", "often");
    assertThat(QueryTerms.of(analyzer, "Who did it, when and where?")).isEmpty();
  }

  @Test
  void theQuestionsOwnTermsInOrderMakeTheProximityPairs() {
    // other spellings are searched as words, not as pairs with their neighbours
    assertThat(QueryTerms.primary(analyzer, "How often is the organisation's review board convened?"))
        .containsExactly("often", "organis", "review", "board", "conven");
  }

  @Test
  void eachTwoAdjacentDifferentTermsMakeAPairAtMostThirtyTwo() {
    assertThat(QueryTerms.proximityPairs(List.of("review", "review", "board", "meet")))
        .containsExactly(List.of("review", "board"), List.of("board", "meet"));
    List<String> many = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "t" + i).toList();
    assertThat(QueryTerms.proximityPairs(many)).hasSize(QueryTerms.PROXIMITY_MAX_PAIRS)
        .first().isEqualTo(List.of("t0", "t1"));
    assertThat(QueryTerms.proximityPairs(List.of("alone"))).isEmpty();
  }
}
