package dev.egretta.lucene;

import dev.egretta.core.internal.Folders;
import dev.egretta.core.ConfigurationException;
import dev.egretta.core.DocumentTypes;
import dev.egretta.core.EgrettaException;
import dev.egretta.core.internal.FilePermissions;
import dev.egretta.core.InvalidRequestException;
import dev.egretta.core.NotFoundException;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.PrivateDocument;
import dev.egretta.core.spi.PrivateDocuments;
import dev.egretta.core.spi.SourceDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Private documents kept in a data folder and indexed in a {@link LuceneKnowledgeBase} (or any
 * {@link DocumentIndex}, such as an Elasticsearch index) with the organisation as owner. An upload is stored as {@code <data>/<organisation>/<uuid>/<file>.pdf}
 * and indexed before the call returns; a document's id is derived from its URI, so documents the
 * CLI indexed for the organisation can be listed and deleted too. The knowledge base is shared with
 * the engine, which owns and closes it. Thread-safe (the knowledge base serialises ingestion).
 * The server's document routes use it through {@link PrivateDocuments}; the CLI's {@code serve} wires it in.
 */
public final class LucenePrivateDocuments implements PrivateDocuments {

  private final DocumentIndex knowledgeBase;
  private final Path dataDir;

  private LucenePrivateDocuments(DocumentIndex knowledgeBase, Path dataDir) {
    this.knowledgeBase = knowledgeBase;
    this.dataDir = dataDir;
  }

  /** Private documents stored under {@code dataDir} (created when missing) and indexed in {@code knowledgeBase}. */
  public static LucenePrivateDocuments of(LuceneKnowledgeBase knowledgeBase, Path dataDir) {
    Objects.requireNonNull(knowledgeBase, "knowledgeBase");
    Objects.requireNonNull(dataDir, "dataDir");
    if (knowledgeBase.readOnly()) {
      // Fail at wiring time, not at the first upload.
      throw new IllegalArgumentException("private documents need a writable knowledge base (LuceneKnowledgeBase.open), "
          + "not one opened with openReadOnly");
    }
    return of((DocumentIndex) knowledgeBase, dataDir);
  }

  /**
   * Private documents stored under {@code dataDir} and indexed in any {@link DocumentIndex} (an Elasticsearch
   * index, say). With several servers sharing one cluster index, give them one shared {@code dataDir} too:
   * the index holds the chunks, the folder the uploaded files (their downloads, and deletion of the file).
   */
  public static LucenePrivateDocuments of(DocumentIndex index, Path dataDir) {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(dataDir, "dataDir");
    try {
      return new LucenePrivateDocuments(index,
          FilePermissions.createPrivateDirectories(dataDir).toRealPath());
    } catch (IOException e) {
      throw new ConfigurationException("cannot create the upload folder " + dataDir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public PrivateDocument upload(Organisation owner, String domain, String category, String filename,
      InputStream content) {
    Path folder = ownerFolder(owner).resolve(UUID.randomUUID().toString());
    Path file = folder.resolve(safeName(filename));
    try {
      FilePermissions.createPrivateDirectories(folder);
      FilePermissions.createPrivateFile(file);
      try (java.io.OutputStream out = Files.newOutputStream(file)) {
        content.transferTo(out);
      }
      file = named(file, DocumentFormat.mediaType(file));
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      SourceDocument doc = new SourceDocument(file.toUri().toString(), file.getFileName().toString(), domain, category,
          attrs.size(), attrs.size() + ":" + attrs.lastModifiedTime().toMillis());
      IngestReport report = knowledgeBase.ingest(new OneFile(file, doc), IngestOptions.privateTo(owner),
          IngestListener.NONE);
      if (!report.rejected().isEmpty()) {
        throw InvalidRequestException.of("file", "could not be indexed: "
            + forClient(report.rejected().getFirst().reason(), file));
      }
      return knowledgeBase.documents(Optional.of(owner)).stream()
          .filter(d -> d.uri().equals(doc.uri()))
          .findFirst()
          .map(this::describe)
          .orElseThrow(() -> new EgrettaException("the uploaded document " + doc.filename() + " is not in the index"));
    } catch (IOException e) {
      deleteFolder(folder);
      throw new UncheckedIOException("cannot store the upload " + file.getFileName(), e);
    } catch (RuntimeException e) {
      deleteFolder(folder);
      throw e;
    }
  }

  /** The owner's folder, checked to resolve inside the data folder (ids cannot climb; a planted symlink could). */
  private Path ownerFolder(Organisation owner) {
    Path folder = dataDir.resolve(owner.id());
    try {
      FilePermissions.createPrivateDirectories(folder);
      if (!folder.toRealPath().startsWith(dataDir)) {
        throw new EgrettaException("the upload folder of organisation " + owner + " resolves outside " + dataDir);
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the upload folder of organisation " + owner, e);
    }
  }

  @Override
  public List<PrivateDocument> list(Organisation owner) {
    return knowledgeBase.documents(Optional.of(owner)).stream()
        .map(this::describe)
        .sorted(Comparator.comparing(PrivateDocument::uploadedAt).reversed())
        .toList();
  }

  @Override
  public void delete(Organisation owner, String documentId) {
    IndexedDocument doc = knowledgeBase.documents(Optional.of(owner)).stream()
        .filter(d -> PrivateDocument.idOf(d.uri()).equals(documentId))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Document not found."));
    knowledgeBase.deleteDocument(Optional.of(owner), doc.uri());
    storedFile(owner, doc.uri()).ifPresent(f -> deleteFolder(f.getParent()));
  }

  private PrivateDocument describe(IndexedDocument doc) {
    long size = 0;
    Instant stored = Instant.EPOCH;
    Optional<Path> file = localFile(doc.uri());
    if (file.isPresent()) {
      try {
        BasicFileAttributes attrs = Files.readAttributes(file.get(), BasicFileAttributes.class);
        size = attrs.size();
        stored = attrs.lastModifiedTime().toInstant();
      } catch (IOException e) {
        // listed in the index but gone from disk: still listed, so it can be deleted
      }
    }
    return new PrivateDocument(PrivateDocument.idOf(doc.uri()), doc.filename(), doc.uri(), doc.domain(), doc.category(), size,
        doc.pages(), stored);
  }

  /** The upload of {@code owner} behind a URI, when it lies in this store's folder. */
  private Optional<Path> storedFile(Organisation owner, String uri) {
    Path ownerDir = dataDir.resolve(owner.id());
    return localFile(uri).filter(f -> f.startsWith(ownerDir) && f.getParent() != null && !f.getParent().equals(ownerDir));
  }

  private static Optional<Path> localFile(String uri) {
    try {
      URI u = URI.create(uri);
      return "file".equals(u.getScheme()) ? Optional.of(Path.of(u).normalize()) : Optional.empty();
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * A rejection reason fit for the uploading client: without the parser's Java exception names
   * ({@code IOException: ...}) and without where the server keeps the file.
   */
  static String forClient(String reason, Path file) {
    return reason.replace(file.toString(), file.getFileName().toString())
        .replace(file.getParent().toString(), "")
        .replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)*[A-Z]\\w*(?:Exception|Error)(?::\\s*|\\b)", "")
        .strip();
  }

  /** The last path segment of a client file name, restricted to safe characters. */
  static String safeName(String filename) {
    String name = filename == null ? "" : filename.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_").strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    if (name.length() > 120) {
      name = name.substring(name.length() - 120);
    }
    return name.isEmpty() ? "upload" : name;
  }

  /**
   * The stored upload under a name whose extension fits its content ({@code policy} holding a DOCX
   * becomes {@code policy.docx}), so that folder listings and downloads type it right; refuses content
   * that is no document Egretta reads.
   */
  private static Path named(Path file, String detected) throws IOException {
    Optional<String> extension = DocumentFormat.extension(detected);
    if (extension.isEmpty()) {
      throw InvalidRequestException.of("file", "must be a PDF, Word (DOCX, DOC), OpenDocument text, RTF, PowerPoint "
          + "(PPTX), HTML, Markdown or text document; its content is " + detected);
    }
    String name = file.getFileName().toString();
    if (DocumentTypes.isIndexable(name)) {
      return file;
    }
    return Files.move(file, file.resolveSibling(name + extension.get()));
  }

  private static void deleteFolder(Path folder) {
    Folders.deleteTree(folder, System.Logger.Level.WARNING);
  }

  /** A source of exactly one stored upload. */
  private record OneFile(Path file, SourceDocument document) implements DocumentSource {
    @Override
    public List<SourceDocument> list() {
      return List.of(document);
    }

    @Override
    public InputStream open(SourceDocument doc) throws IOException {
      return Files.newInputStream(file);
    }
  }
}
