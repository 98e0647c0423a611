package dev.egretta.e2e;

import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Organisation;
import dev.egretta.core.generation.ExtractiveAnswerGenerator;
import dev.egretta.core.session.InMemorySessionStore;
import dev.egretta.core.spi.LinkSigner;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.LucenePrivateDocuments;
import dev.egretta.server.ApiKeys;
import dev.egretta.server.EgrettaServer;
import dev.egretta.testsupport.TestPdfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code egretta serve} in-process, wired as the CLI wires it: a real Lucene index of PDFs written
 * here, the extractive generator (paced like a model), private documents beside the index, and a
 * link signer (as for S3) so that sources carry a {@code download_url}.
 */
final class UiServer implements AutoCloseable {
  static final String KEY = "egret_e2e-browser-test-key";
  /** A key of another organisation, which must not open {@link #ORGANISATION}'s documents. */
  static final String OTHER_KEY = "egret_e2e-other-organisation-key";

  /** Where the link signer says documents download from (never fetched: the tests check the links only). */
  static final String DOWNLOADS = "https://downloads.example.invalid/";
  static final Organisation ORGANISATION = Organisation.of("acme");

  final Path dir;
  final EgrettaServer server;
  /** The engine's session store, for tests that plant a message as an older or foreign writer might have. */
  final InMemorySessionStore sessions = new InMemorySessionStore();

  /** Writes {@code documents} (path below the corpus folder, e.g. {@code domain/pdf/us/a.pdf} → pages), indexes and serves them. */
  UiServer(Map<String, List<String>> documents) throws IOException {
    this(documents, UnaryOperator.identity());
  }

  /** As {@link #UiServer(Map)}, with server settings changed by {@code settings} (e.g. a tight rate limit). */
  UiServer(Map<String, List<String>> documents, UnaryOperator<EgrettaServer.Builder> settings) throws IOException {
    this(documents, settings, true);
  }

  /**
   * As {@link #UiServer(Map, UnaryOperator)}; with {@code signedLinks} false there is no link signer, so
   * sources get the server's own {@code /v1/downloads/<token>/} links, as local documents do in {@code egretta serve}.
   */
  UiServer(Map<String, List<String>> documents, UnaryOperator<EgrettaServer.Builder> settings, boolean signedLinks)
      throws IOException {
    dir = Files.createTempDirectory("egretta-webui-e2e");
    Path corpus = dir.resolve("corpus");
    for (var document : documents.entrySet()) {
      TestPdfs.write(corpus.resolve(document.getKey()), document.getValue());
    }
    LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"));
    kb.ingest(LocalFolderSource.of(corpus), IngestOptions.publicLibrary(), IngestListener.NONE);
    EgrettaEngine engine = EgrettaEngine.builder().retriever(kb).tokenCounter(kb::countTokens)
        .modelCatalog(ExtractiveAnswerGenerator.CATALOG).generator(new PacedGenerator()).sessionStore(sessions)
        .linkSigner(signedLinks ? uri -> Optional.of(DOWNLOADS + uri.substring(uri.lastIndexOf('/') + 1) + "?signature=e2e")
            : LinkSigner.NONE)
        .build();
    server = settings.apply(EgrettaServer.builder()
        .engine(engine) // closed with the server, and the index with it
        .apiKeys(ApiKeys.of(Map.of(KEY, ORGANISATION, OTHER_KEY, Organisation.of("globex"))))
        .privateDocuments(LucenePrivateDocuments.of(kb, dir.resolve("uploads")))
        .sourceRoot("corpus", corpus)
        .sourceRoot("uploads", dir.resolve("uploads"))
        .port(0)
        .noRateLimit())
        .build()
        .start();
  }

  String url() {
    return server.baseUrl() + "/";
  }

  @Override
  public void close() {
    server.close();
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
