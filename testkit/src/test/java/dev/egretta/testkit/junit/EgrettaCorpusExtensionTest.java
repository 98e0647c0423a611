package dev.egretta.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Engine;
import dev.egretta.core.Organisation;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The extension as an application test uses it: a corpus folder in test resources, an injected engine. */
@EgrettaCorpus(value = "junit-corpus", domain = "handbook", category = "staff")
class EgrettaCorpusExtensionTest {
  private static final AtomicReference<Engine> FIRST = new AtomicReference<>();

  @BeforeAll
  static void remember(Engine engine) {
    FIRST.set(engine);
  }

  private static QueryResponse ask(Engine engine, String question, String domain, String category) {
    return engine.query(ValidatedQuery.of(question, domain, category, Mode.COMPLIANCE), Organisation.LOCAL);
  }

  @Test
  void answersFromThePdfsWithPageAccurateSources(Engine engine) {
    QueryResponse r = ask(engine, "How many copies of critical data must be kept?", "business-continuity", "us");
    assertThat(r.sources().getFirst().filename()).isEqualTo("backup.pdf");
    assertThat(r.sources().getFirst().pageNumber()).isEqualTo(1);
    assertThat(r.response()).contains("[Source 1]");
    assertThat(r.contextQuality().insufficientContext()).isFalse();
  }

  @Test
  void indexesTextFilesToo(Engine engine) {
    QueryResponse r = ask(engine, "When must security incidents be reported?", "business-continuity", "us");
    assertThat(r.sources()).extracting(s -> s.filename()).contains("incident.txt");
  }

  @Test
  void filesOutsideTheLayoutGetTheAnnotationsDomainAndCategory(Engine engine) {
    QueryResponse r = ask(engine, "How do staff reserve hot desks?", "handbook", "staff");
    assertThat(r.sources().getFirst().filename()).isEqualTo("notes.md");
    assertThat(engine.domains(Organisation.LOCAL)).extracting(d -> d.slug())
        .containsExactlyInAnyOrder("business-continuity", "handbook");
  }

  @Test
  void buildsOneEngineForTheWholeClass(Engine engine, EgrettaEngine same, LuceneKnowledgeBase kb) {
    assertThat(engine).isSameAs(FIRST.get()).isSameAs(same);
    assertThat(kb.documents(java.util.Optional.empty())).extracting(d -> d.filename())
        .containsExactlyInAnyOrder("backup.pdf", "incident.txt", "notes.md");
  }

  @Nested
  class NestedTests {
    @Test
    void shareTheEnclosingClassesEngine(Engine engine) {
      assertThat(engine).isSameAs(FIRST.get());
    }
  }
}
