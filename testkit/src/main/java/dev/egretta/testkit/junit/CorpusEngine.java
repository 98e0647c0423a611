package dev.egretta.testkit.junit;

import dev.egretta.core.internal.Folders;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.Rejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** One test class's corpus: a temporary index, the knowledge base over it and the engine. Closing deletes the index. */
final class CorpusEngine implements AutoCloseable {
  private final Path indexDir;
  final LuceneKnowledgeBase knowledgeBase;
  final EgrettaEngine engine;

  private CorpusEngine(Path indexDir, LuceneKnowledgeBase knowledgeBase, EgrettaEngine engine) {
    this.indexDir = indexDir;
    this.knowledgeBase = knowledgeBase;
    this.engine = engine;
  }

  /** Indexes the corpus named by {@code corpus} on {@code testClass}. */
  static CorpusEngine build(Class<?> testClass, EgrettaCorpus corpus) {
    Path folder = locate(testClass, corpus.value());
    String where = "@EgrettaCorpus(\"" + corpus.value() + "\") on " + testClass.getName();
    if (!hasDocuments(folder)) {
      throw new ExtensionConfigurationException(where + ": " + folder + " holds no .pdf, .txt or .md file");
    }
    Path indexDir;
    try {
      indexDir = Files.createTempDirectory("egretta-corpus-index");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary index folder", e);
    }
    LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(indexDir);
    try {
      List<Rejection> rejected = new ArrayList<>();
      IngestReport pdfs = kb.ingest(LocalFolderSource.of(folder).withDefaults(corpus.domain(), corpus.category()),
          IngestOptions.publicLibrary(), IngestListener.NONE);
      rejected.addAll(pdfs.rejected());
      IngestReport texts = kb.ingest(new TextFolderSource(folder.toRealPath(), corpus.domain(), corpus.category()),
          IngestOptions.publicLibrary(), IngestListener.NONE);
      rejected.addAll(texts.rejected());
      if (corpus.failOnRejected() && !rejected.isEmpty()) {
        throw new ExtensionConfigurationException(where + ": " + rejected.size() + " document(s) could not be indexed: "
            + rejected.stream().map(r -> r.uri() + " (" + r.reason() + ")").collect(Collectors.joining("; ")));
      }
      return new CorpusEngine(indexDir, kb, EgrettaEngine.builder().retriever(kb).tokenCounter(kb::countTokens).build());
    } catch (IOException e) {
      closeAndDelete(kb, indexDir);
      throw new UncheckedIOException("cannot read the corpus " + folder, e);
    } catch (RuntimeException e) {
      closeAndDelete(kb, indexDir);
      throw e;
    }
  }

  /** The folder on the test classpath, else relative to the working directory. */
  static Path locate(Class<?> testClass, String name) {
    String where = "@EgrettaCorpus(\"" + name + "\") on " + testClass.getName();
    if (name == null || name.isBlank()) {
      throw new ExtensionConfigurationException(where + ": name a corpus folder, e.g. @EgrettaCorpus(\"corpus\")");
    }
    String resource = name.startsWith("/") ? name.substring(1) : name;
    URL url = testClass.getClassLoader().getResource(resource);
    if (url != null) {
      if (!"file".equals(url.getProtocol())) {
        throw new ExtensionConfigurationException(where + ": the corpus must be a folder on disk, not inside " + url);
      }
      try {
        Path folder = Path.of(url.toURI());
        if (Files.isDirectory(folder)) {
          return folder;
        }
      } catch (URISyntaxException e) {
        throw new ExtensionConfigurationException(where + ": unreadable location " + url, e);
      }
    }
    Path relative = Path.of(name);
    if (Files.isDirectory(relative)) {
      return relative.toAbsolutePath();
    }
    throw new ExtensionConfigurationException(where + ": no folder '" + name + "' on the test classpath (put it under "
        + "src/test/resources/" + resource + ") nor at " + relative.toAbsolutePath());
  }

  private static boolean hasDocuments(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).anyMatch(f -> TextFolderSource.isText(f)
          || f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the corpus " + folder, e);
    }
  }

  @Override
  public void close() {
    try {
      engine.close(); // closes the knowledge base too
    } finally {
      deleteTree(indexDir);
    }
  }

  private static void closeAndDelete(LuceneKnowledgeBase kb, Path indexDir) {
    try {
      kb.close();
    } finally {
      deleteTree(indexDir);
    }
  }

  private static void deleteTree(Path dir) {
    Folders.deleteTree(dir, System.Logger.Level.WARNING);
  }
}
