package dev.egretta.server;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.InvalidRequestException;
import dev.egretta.core.spi.PrivateDocuments;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.util.Optional;

/**
 * The caller organisation's private knowledge base: {@code POST /v1/knowledge-base/documents/}
 * (multipart: the PDF in part {@code file}, fields {@code domain} and {@code category}), {@code GET} the same path, and
 * {@code DELETE /v1/knowledge-base/documents/{document_id}/}.
 */
final class DocumentRoutes {
  static final String PATH = "/v1/knowledge-base/documents/";
  private static final System.Logger LOG = System.getLogger(DocumentRoutes.class.getName());

  private final Optional<PrivateDocuments> documents;
  private final Guard guard;
  private final long maxUploadBytes;
  private final PublicUris uris;

  DocumentRoutes(Optional<PrivateDocuments> documents, Guard guard, long maxUploadBytes, PublicUris uris) {
    this.documents = documents;
    this.guard = guard;
    this.maxUploadBytes = maxUploadBytes;
    this.uris = uris;
  }

  void register(Javalin app) {
    app.post(PATH, guard.protect(this::upload));
    app.get(PATH, guard.protect((ctx, caller) -> uris.answer(ctx, 200, documents().list(caller.organisation()))));
    app.delete(PATH + "{document_id}/", guard.protect((ctx, caller) -> {
      documents().delete(caller.organisation(), ctx.pathParam("document_id"));
      ctx.status(204);
    }));
  }

  private void upload(Context ctx, Caller caller) throws Exception {
    PrivateDocuments store = documents();
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxUploadBytes + HttpApp.MULTIPART_OVERHEAD) {
      BoundedBody.drainAndRefuse(ctx, declared, maxUploadBytes);
    }
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      throw InvalidRequestException.of("body", "must be multipart/form-data with the document in a part named 'file'");
    }
    UploadedFile file;
    try {
      file = ctx.uploadedFile("file");
    } catch (Exception e) { // Javalin rethrows the parser's IOException unchecked
      // Jetty's multipart parser stops at the configured size limits. The rest of a body sent without
      // a length is still on its way: read it off (bounded), or the client gets a reset, not the 413.
      if (e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("exceeds")) {
        BoundedBody.drainAndRefuse(ctx, -1, maxUploadBytes);
      }
      throw malformed(e);
    }
    if (file != null && file.size() > maxUploadBytes) {
      throw HttpProblem.tooLarge(maxUploadBytes);
    }
    EgretExchange.Upload fields = EgretExchange.uploadFields(file != null, ctx.formParam("domain"),
        ctx.formParam("category"));
    String filename = file.filename() == null || file.filename().isBlank() ? "upload" : file.filename();
    try (InputStream content = file.content()) {
      uris.answer(ctx, 201, store.upload(caller.organisation(), fields.domain(), fields.category(), filename, content));
    }
  }

  /**
   * What the multipart parser refused: a stalled body stays 408; anything else it throws (no or wrong
   * boundary, a part cut short, a header line too long, a NUL in a file name) is the body the client sent.
   */
  private static RuntimeException malformed(Exception e) {
    Optional<HttpProblem> fault = ClientFault.of(e);
    if (fault.isPresent() && fault.get().status() != 400) {
      return fault.get();
    }
    LOG.log(System.Logger.Level.DEBUG, () -> "refused a malformed multipart body: " + e);
    return InvalidRequestException.of("body", "is not well-formed multipart/form-data with the document in a part named "
        + "'file' (boundaries as declared, complete parts, no control characters in file names or part headers)");
  }

  private PrivateDocuments documents() {
    return documents.orElseThrow(() -> new ConfigurationException(
        "this server has no private knowledge base (start it with a data folder for uploads)"));
  }
}
