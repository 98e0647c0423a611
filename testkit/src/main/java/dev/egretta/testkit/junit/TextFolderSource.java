package dev.egretta.testkit.junit;

import dev.egretta.core.spi.SourceDocument;
import dev.egretta.lucene.TextDocumentSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The UTF-8 text files ({@code .txt}, {@code .md}) under a folder, filed like {@code LocalFolderSource} files. */
final class TextFolderSource implements TextDocumentSource {
  private final Path root;
  private final String defaultDomain;
  private final String defaultCategory;

  TextFolderSource(Path root, String defaultDomain, String defaultCategory) {
    this.root = root;
    this.defaultDomain = defaultDomain;
    this.defaultCategory = defaultCategory;
  }

  static boolean isText(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && (name.endsWith(".txt") || name.endsWith(".md"));
  }

  @Override
  public List<SourceDocument> list() throws IOException {
    List<SourceDocument> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted().toList()) {
        if (!Files.isRegularFile(file) || !isText(file)) {
          continue;
        }
        Path rel = root.relativize(file);
        boolean layout = rel.getNameCount() == 4;
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        out.add(new SourceDocument(file.toUri().toString(), file.getFileName().toString(),
            layout ? rel.getName(0).toString() : defaultDomain, layout ? rel.getName(2).toString() : defaultCategory,
            attrs.size(), attrs.size() + ":" + attrs.lastModifiedTime().toMillis()));
      }
    }
    return out;
  }

  @Override
  public InputStream open(SourceDocument document) throws IOException {
    Path file = Path.of(URI.create(document.uri()));
    if (!file.startsWith(root)) {
      throw new IOException("not a document of this source: " + document.uri());
    }
    return Files.newInputStream(file);
  }
}
