package dev.egretta.spring;

import dev.egretta.core.InvalidRequestException;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.PrivateDocuments;
import dev.egretta.server.EgretExchange;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller organisation's private knowledge base, as {@code egretta serve} has it:
 * {@code POST /v1/knowledge-base/documents/} (multipart: {@code file}, {@code domain},
 * {@code category}; Spring's {@code spring.servlet.multipart.*} limits apply), {@code GET} the same
 * path, {@code DELETE .../{document_id}/}. The field rules and the JSON are the server's.
 */
@RestController
final class EgretDocumentsController {
  private final PrivateDocuments documents;
  private final EgrettaCallerResolver callers;
  private final EgretExchange exchange;
  private final EgretApiController api;

  EgretDocumentsController(PrivateDocuments documents, EgrettaCallerResolver callers, EgretExchange exchange,
      EgretApiController api) {
    this.documents = documents;
    this.callers = callers;
    this.exchange = exchange;
    this.api = api;
  }

  @PostMapping({"/v1/knowledge-base/documents/", "/v1/knowledge-base/documents"})
  ResponseEntity<byte[]> upload(HttpServletRequest req) throws IOException, ServletException {
    Organisation org = callers.organisation(req);
    String type = req.getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw InvalidRequestException.of("body", "must be multipart/form-data with the PDF in a part named 'file'");
    }
    Part file = req.getPart("file");
    EgretExchange.Upload fields = EgretExchange.uploadFields(file != null, req.getParameter("domain"),
        req.getParameter("category"));
    String name = file.getSubmittedFileName();
    try (InputStream content = file.getInputStream()) {
      return json(201, documents.upload(org, fields.domain(), fields.category(),
          name == null || name.isBlank() ? "upload.pdf" : name, content));
    }
  }

  @GetMapping({"/v1/knowledge-base/documents/", "/v1/knowledge-base/documents"})
  ResponseEntity<byte[]> list(HttpServletRequest req) {
    return json(200, documents.list(callers.organisation(req)));
  }

  @DeleteMapping({"/v1/knowledge-base/documents/{id}/", "/v1/knowledge-base/documents/{id}"})
  ResponseEntity<byte[]> delete(HttpServletRequest req, @PathVariable("id") String id) {
    documents.delete(callers.organisation(req), id);
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<byte[]> failure(Exception e, HttpServletRequest req) {
    return api.failure(e, req);
  }

  private ResponseEntity<byte[]> json(int status, Object value) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(exchange.json(value).getBytes(StandardCharsets.UTF_8));
  }
}
