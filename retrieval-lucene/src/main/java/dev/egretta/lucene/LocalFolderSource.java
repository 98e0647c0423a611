package dev.egretta.lucene;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.DocumentTypes;
import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.SourceDocument;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The documents under a local folder: PDF, Word, OpenDocument text, RTF, PowerPoint, HTML, Markdown
 * and text files ({@link DocumentTypes}; ingestion reads each by its content). Domain and category
 * come from the layout {@code <domain>/pdf/<category>/<file>} (as in Egret's bucket), or from the
 * defaults given with {@link #withDefaults} for files outside that layout. URIs are
 * {@code file:///abs/path}; the version is size and modification time, so unchanged files are
 * skipped without being read. Files of other types, hidden files and, without defaults, files other
 * than PDFs outside the layout are ignored.
 */
public final class LocalFolderSource implements DocumentSource {
  private final Path root;
  private final Optional<String> defaultDomain;
  private final Optional<String> defaultCategory;

  private LocalFolderSource(Path root, Optional<String> domain, Optional<String> category) {
    this.root = root;
    this.defaultDomain = domain;
    this.defaultCategory = category;
  }

  /** The documents under {@code folder}, filed by the {@code <domain>/pdf/<category>/} layout. */
  public static LocalFolderSource of(Path folder) {
    Objects.requireNonNull(folder, "folder");
    if (!Files.isDirectory(folder)) {
      throw new ConfigurationException("not a folder: " + folder);
    }
    try {
      return new LocalFolderSource(folder.toRealPath(), Optional.empty(), Optional.empty());
    } catch (IOException e) {
      throw new ConfigurationException("cannot read the folder " + folder + ": " + e.getMessage(), e);
    }
  }

  /** The same folder, filing files outside the layout under {@code domain} and {@code category}. */
  public LocalFolderSource withDefaults(String domain, String category) {
    return new LocalFolderSource(root, Optional.of(slug(domain, "domain")), Optional.of(slug(category, "category")));
  }

  public Path root() {
    return root;
  }

  /** Files under this folder (at any depth), by their {@code file://} URI. */
  @Override
  public boolean covers(String documentUri) {
    return documentUri.startsWith(root.toUri().toString());
  }

  @Override
  public List<SourceDocument> list() throws IOException {
    List<SourceDocument> out = new ArrayList<>();
    List<String> misfits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted().toList()) {
        Path rel = root.relativize(file);
        if (!isDocument(file, rel)) {
          continue;
        }
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        Optional<String[]> filed = filing(rel);
        if (filed.isEmpty()) {
          // A stray PDF is an error to name; other files outside the layout (a README.txt beside the
          // corpus) are notes about it, not documents, and are left out
          if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            misfits.add(rel.toString());
          }
          continue;
        }
        out.add(new SourceDocument(file.toUri().toString(), file.getFileName().toString(), filed.get()[0], filed.get()[1],
            attrs.size(), attrs.size() + ":" + attrs.lastModifiedTime().toMillis()));
      }
    }
    if (!misfits.isEmpty()) {
      throw new ConfigurationException(misfits.size() + " PDF(s) under " + root
          + " fit neither the layout <domain>/pdf/<category>/<file> nor have a default domain and category "
          + "(give --domain and --category): " + String.join(", ", misfits.subList(0, Math.min(10, misfits.size())))
          + (misfits.size() > 10 ? ", ..." : ""));
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

  private Optional<String[]> filing(Path rel) {
    if (rel.getNameCount() == 4 && rel.getName(1).toString().equals("pdf")) {
      return Optional.of(new String[] {rel.getName(0).toString(), rel.getName(2).toString()});
    }
    if (defaultDomain.isPresent() && defaultCategory.isPresent()) {
      return Optional.of(new String[] {defaultDomain.get(), defaultCategory.get()});
    }
    return Optional.empty();
  }

  private static boolean isDocument(Path file, Path rel) {
    for (Path part : rel) {
      if (part.toString().startsWith(".")) {
        return false;
      }
    }
    return Files.isRegularFile(file) && DocumentTypes.isIndexable(file.getFileName().toString());
  }

  private static String slug(String value, String name) {
    if (value == null || value.isBlank() || value.contains("/")) {
      throw new IllegalArgumentException(name + " must be a non-empty slug without '/'; got: " + value);
    }
    return value.strip();
  }
}
