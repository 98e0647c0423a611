package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.core.spi.SearchScope;
import dev.egretta.testsupport.TestPdfs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's hook does what ingestion and search do (no built-in model: the estimate counts tokens). */
class BenchmarkHooksTest {
  @Test
  void extractsCleansAndChunksAPdfAsIngestionDoes() throws Exception {
    String paragraph = "The system owner reviews the security controls every year and reports the results. ";
    byte[] pdf = TestPdfs.pdf().title("Policy").pages(List.of(paragraph.repeat(20), paragraph.repeat(20))).bytes();

    List<String> pages = BenchmarkHooks.extractPages(pdf);
    List<?> chunks = BenchmarkHooks.chunker(false).apply(BenchmarkHooks.removeBoilerplate(pages));

    assertThat(pages).hasSize(2);
    assertThat(pages.get(0)).contains("reviews the security controls");
    assertThat(chunks).hasSizeGreaterThanOrEqualTo(2).allSatisfy(c -> assertThat(c).isInstanceOf(Chunk.class));
  }

  @Test
  void aFileIngestionWouldRejectIsAnIOExceptionNamingTheReason() {
    assertThatThrownBy(() -> BenchmarkHooks.extractPages("plain text".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class).hasMessageContaining("not a PDF");
  }

  @Test
  void theTokenizerHookFramesAndCutsAsTheEmbedderDoes() {
    long[] ids = BenchmarkHooks.builtInTokenizer().apply("backup ".repeat(600));
    assertThat(ids).hasSize(OnnxBgeEmbedder.MAX_TOKENS);
    assertThat(ids[0]).isEqualTo(101);
    assertThat(ids[ids.length - 1]).isEqualTo(102);
  }

  @Test
  void analysesQuestionsAndBuildsTheScopeFilterOfASearch() {
    assertThat(BenchmarkHooks.queryAnalyzer().apply("Who reports the incidents?")).contains("report", "incid");
    assertThat(BenchmarkHooks.scopeFilter(SearchScope.publicOnly("information-security", "us")).toString())
        .contains("information-security");
  }
}
