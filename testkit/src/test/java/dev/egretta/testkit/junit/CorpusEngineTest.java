package dev.egretta.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

/** How the extension reports a corpus it cannot use, and that it cleans up after itself. */
class CorpusEngineTest {
  @TempDir
  Path dir;

  private static EgrettaCorpus corpus(String value, boolean failOnRejected) {
    return new EgrettaCorpus() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return EgrettaCorpus.class;
      }

      @Override
      public String value() {
        return value;
      }

      @Override
      public String domain() {
        return "default";
      }

      @Override
      public String category() {
        return "default";
      }

      @Override
      public boolean failOnRejected() {
        return failOnRejected;
      }
    };
  }

  @Test
  void aMissingFolderSaysWhereItWasLookedFor() {
    assertThatThrownBy(() -> CorpusEngine.build(CorpusEngineTest.class, corpus("no-such-corpus", true)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("@EgrettaCorpus(\"no-such-corpus\") on " + CorpusEngineTest.class.getName())
        .hasMessageContaining("src/test/resources/no-such-corpus");
  }

  @Test
  void aFolderWithoutDocumentsIsAnError() throws Exception {
    Files.writeString(dir.resolve("readme.rtf"), "not indexed");
    assertThatThrownBy(() -> CorpusEngine.build(CorpusEngineTest.class, corpus(dir.toString(), true)))
        .hasMessageContaining("holds no .pdf, .txt or .md file");
  }

  @Test
  void aDocumentThatCannotBeIndexedFailsTheClassUnlessAllowed() throws Exception {
    Files.writeString(dir.resolve("good.txt"), "Fire wardens check the exits every Friday.");
    Files.writeString(dir.resolve("broken.pdf"), "%PDF-1.7 this is not really a PDF");
    assertThatThrownBy(() -> CorpusEngine.build(CorpusEngineTest.class, corpus(dir.toString(), true)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("1 document(s) could not be indexed")
        .hasMessageContaining("broken.pdf");

    try (CorpusEngine tolerant = CorpusEngine.build(CorpusEngineTest.class, corpus(dir.toString(), false))) {
      assertThat(tolerant.knowledgeBase.documents(java.util.Optional.empty())).extracting(d -> d.filename())
          .containsExactly("good.txt");
    }
  }

  @Test
  void closingDeletesTheTemporaryIndex() throws Exception {
    Files.writeString(dir.resolve("good.txt"), "Fire wardens check the exits every Friday.");
    long before = countIndexFolders();
    CorpusEngine engine = CorpusEngine.build(CorpusEngineTest.class, corpus(dir.toString(), true));
    assertThat(countIndexFolders()).isEqualTo(before + 1);
    engine.close();
    assertThat(countIndexFolders()).isEqualTo(before);
  }

  private static long countIndexFolders() throws Exception {
    try (var list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return list.filter(p -> p.getFileName().toString().startsWith("egretta-corpus-index")).count();
    }
  }
}
