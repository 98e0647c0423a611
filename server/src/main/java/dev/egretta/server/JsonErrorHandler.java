package dev.egretta.server;

import dev.egretta.api.EgretJson;
import dev.egretta.api.ErrorBody;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error answers (a malformed request line, a URI or headers too large, errors raised
 * before a route runs) in the contract's JSON error shape instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
  private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

  JsonErrorHandler() {
    setShowStacks(false);
    setShowServlet(false);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(JSON);
    return ByteBuffer.wrap(body(status, reason));
  }

  @Override
  protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
      HttpServletResponse response, int code, String message) throws IOException {
    baseRequest.setHandled(true);
    response.setContentType("application/json");
    byte[] body = body(code, message);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  static byte[] body(int status, String reason) {
    String detail = switch (status) {
      case 400 -> "The request is malformed" + (reason == null || reason.isBlank() ? "." : ": " + reason + ".");
      case 404 -> "Not found.";
      case 405 -> "Method not allowed.";
      case 408 -> "The request arrived too slowly; send it again.";
      case 413 -> "Request body is too large.";
      case 414 -> "The request URI is too long.";
      case 431 -> "The request headers are too large.";
      case 500 -> "Internal server error.";
      case 505 -> "HTTP version not supported; use HTTP/1.1.";
      default -> status >= 500 ? "The server could not handle the request." : "The request failed.";
    };
    return EgretJson.write(ErrorBody.of(detail)).getBytes(StandardCharsets.UTF_8);
  }
}
