package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {
  private static String sentences(String topic, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      b.append("Sentence ").append(i).append(" about ").append(topic).append(" explains one more detail of the rule. ");
    }
    return b.toString().strip();
  }

  @Test
  void cutsOnlyBetweenSentencesAndKnowsPagesAndOffsets() {
    List<String> pages = List.of(
        "1. Scope\n\n" + sentences("scope", 30),
        "2. Duties of the officer\n\n" + sentences("duties", 30));
    Chunker chunker = new Chunker(TokenCounter.estimate(), 96, 24);
    List<Chunk> chunks = chunker.chunk(pages);
    assertThat(chunks).hasSizeGreaterThan(4);
    for (Chunk c : chunks) {
      assertThat(c.tokens()).isLessThanOrEqualTo(96);
      assertThat(c.text()).matches("(?s)^(\\d\\. \\S.*|Sentence .*)").endsWith(".");
      assertThat(c.startPage()).isEqualTo(c.endPage());
      String page = pages.get(c.startPage() - 1);
      assertThat(Chunker.normalise(page.substring(c.startOffset(), c.endOffset()))).isEqualTo(c.text().replace('\n', ' '));
    }
    assertThat(chunks.get(0).heading()).isEqualTo("1. Scope");
    assertThat(chunks.get(chunks.size() - 1).heading()).isEqualTo("2. Duties of the officer");
    assertThat(chunks.get(chunks.size() - 1).startPage()).isEqualTo(2);
    // consecutive chunks of one paragraph overlap by whole sentences
    String lastSentenceOfFirst = chunks.get(0).text().substring(chunks.get(0).text().lastIndexOf("Sentence"));
    assertThat(chunks.get(1).text()).startsWith(lastSentenceOfFirst);
    assertThat(chunks).extracting(Chunk::ordinal).containsExactlyElementsOf(
        java.util.stream.IntStream.range(0, chunks.size()).boxed().toList());
  }

  @Test
  void aChunkCrossingAPageBreakKnowsWhereEachPageBegins() {
    // page 1 ends with one short sentence: too short to close a chunk, so it runs onto page 2
    List<String> pages = List.of("Short tail of page one.", "", sentences("retention", 3));
    List<Chunk> chunks = new Chunker(TokenCounter.estimate(), 200, 0).chunk(pages);
    assertThat(chunks).hasSize(1);
    Chunk c = chunks.get(0);
    assertThat(c.startPage()).isEqualTo(1);
    assertThat(c.endPage()).isEqualTo(3);
    // page 2 is empty, so it begins where page 3 does
    assertThat(c.pageStarts()).hasSize(3).startsWith(0);
    assertThat(c.pageStarts().get(1)).isEqualTo(c.pageStarts().get(2));
    assertThat(c.text().substring(c.pageStarts().get(2))).startsWith("Sentence 1 about retention");
    assertThat(new Chunker(TokenCounter.estimate(), 200, 0).chunk(List.of(sentences("scope", 3))).get(0).pageStarts())
        .as("a chunk on one page").isEmpty();
  }

  @Test
  void splitsAnOverlongSentenceBetweenWords() {
    String endless = "word ".repeat(500).strip();
    List<Chunk> chunks = new Chunker(TokenCounter.estimate(), 100, 0).chunk(List.of(endless));
    assertThat(chunks).hasSizeGreaterThan(5).allSatisfy(c -> assertThat(c.tokens()).isLessThanOrEqualTo(100));
    assertThat(String.join(" ", chunks.stream().map(Chunk::text).toList())).isEqualTo(endless);
  }

  @Test
  void recognisesTypicalHeadings() {
    assertThat(Chunker.isHeading("3.2 Incident Reporting")).isTrue();
    assertThat(Chunker.isHeading("INCIDENT RESPONSE PROCEDURES")).isTrue();
    assertThat(Chunker.isHeading("Roles and Responsibilities")).isTrue();
    assertThat(Chunker.isHeading("All incidents must be reported within one hour.")).isFalse();
    assertThat(Chunker.isHeading("12")).isFalse();
  }
}
