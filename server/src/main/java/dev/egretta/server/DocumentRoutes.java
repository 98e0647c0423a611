package dev.egretta.server;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.InvalidRequestException;
import dev.egretta.core.spi.PrivateDocuments;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import dev.egretta.api.FieldError;
import dev.egretta.api.RequestValidator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The caller organisation's private knowledge base: {@code POST /v1/knowledge-base/documents/}
 * (multipart: the PDF in part {@code file}, fields {@code domain} and {@code category}), {@code GET} the same path, and
 * {@code DELETE /v1/knowledge-base/documents/{document_id}/}.
 */
final class DocumentRoutes {
  static final String PATH = "/v1/knowledge-base/documents/";
  private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9._-]{1," + RequestValidator.MAX_SLUG_CHARS + "}");

  private final Optional<PrivateDocuments> documents;
  private final Guard guard;
  private final long maxUploadBytes;

  DocumentRoutes(Optional<PrivateDocuments> documents, Guard guard, long maxUploadBytes) {
    this.documents = documents;
    this.guard = guard;
    this.maxUploadBytes = maxUploadBytes;
  }

  void register(Javalin app) {
    app.post(PATH, guard.protect(this::upload));
    app.get(PATH, guard.protect((ctx, caller) -> Routes.json(ctx, 200, documents().list(caller.organisation()))));
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
      throw InvalidRequestException.of("body", "must be multipart/form-data with the PDF in a part named 'file'");
    }
    UploadedFile file;
    try {
      file = ctx.uploadedFile("file");
    } catch (IllegalStateException e) {
      // Jetty's multipart parser stops at the configured size limits. The rest of a body sent without
      // a length is still on its way: read it off (bounded), or the client gets a reset, not the 413.
      if (String.valueOf(e.getMessage()).contains("exceeds")) {
        BoundedBody.drainAndRefuse(ctx, -1, maxUploadBytes);
      }
      throw e;
    }
    if (file != null && file.size() > maxUploadBytes) {
      throw HttpProblem.tooLarge(maxUploadBytes);
    }
    List<FieldError> errors = new ArrayList<>();
    if (file == null) {
      errors.add(new FieldError("file", "is required: send the PDF as a multipart part named 'file'"));
    }
    String domain = slug(ctx.formParam("domain"), "domain", errors);
    String category = slug(ctx.formParam("category"), "category", errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    String filename = file.filename() == null || file.filename().isBlank() ? "upload.pdf" : file.filename();
    try (InputStream content = file.content()) {
      Routes.json(ctx, 201, store.upload(caller.organisation(), domain, category, filename, content));
    }
  }

  /** A domain or category form field: required, a slug of letters, digits, '.', '_' or '-'. */
  private static String slug(String value, String field, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required: the " + field + " to file the document under (as queries name it)"));
      return null;
    }
    String v = value.strip();
    if (!SLUG.matcher(v).matches()) {
      errors.add(new FieldError(field, "must be 1 to " + RequestValidator.MAX_SLUG_CHARS
          + " letters, digits, '.', '_' or '-'"));
    }
    return v;
  }

  private PrivateDocuments documents() {
    return documents.orElseThrow(() -> new ConfigurationException(
        "this server has no private knowledge base (start it with a data folder for uploads)"));
  }
}
