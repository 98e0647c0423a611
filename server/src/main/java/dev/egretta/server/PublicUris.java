package dev.egretta.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.egretta.api.EgretJson;
import dev.egretta.core.spi.PrivateDocument;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The document URIs clients see: every JSON body the server writes passes through {@link #write},
 * which rewrites each {@code "uri"} field, so answers, streamed events, session history and the
 * documents list agree. {@code s3://bucket/key} and other non-file URIs stay as they are. A
 * {@code file:} URI under a named source root becomes {@code file:<name>/<path below the root>};
 * any other {@code file:} URI becomes {@code file:<id>/<file name>}, where {@code <id>} is the
 * document's opaque id (32 hex digits of the SHA-256 of its real URI, the {@code document_id} of an
 * upload). The server's own folders never appear. Immutable and thread-safe.
 */
final class PublicUris {
  private final Map<Path, String> roots;
  private final Optional<LocalDownloads> downloads;

  /** @param roots folder to source-root name (a folder may be listed as given and as its real path) */
  PublicUris(Map<Path, String> roots) {
    this(roots, Optional.empty());
  }

  /** @param downloads mints the {@code download_url} of local documents that have none */
  PublicUris(Map<Path, String> roots, Optional<LocalDownloads> downloads) {
    this.roots = Map.copyOf(roots);
    this.downloads = downloads;
  }

  /** Answers {@code value} as JSON with its document URIs in their public form. */
  void answer(io.javalin.http.Context ctx, int status, Object value) {
    ctx.status(status).contentType("application/json").result(write(value, viewer(ctx)));
  }

  /** Who links in a response to this request are for (empty: no links are minted). */
  Optional<LocalDownloads.Viewer> viewer(io.javalin.http.Context ctx) {
    return downloads.flatMap(d -> d.viewer(ctx));
  }

  /** The JSON of {@code value} with every {@code uri} field in its public form. */
  String write(Object value) {
    return write(value, Optional.empty());
  }

  /** As {@link #write(Object)}, and a local document's null {@code download_url} becomes a link for {@code viewer}. */
  String write(Object value, Optional<LocalDownloads.Viewer> viewer) {
    JsonNode tree = EgretJson.mapper().valueToTree(value);
    rewrite(tree, viewer);
    return EgretJson.write(tree);
  }

  private void rewrite(JsonNode node, Optional<LocalDownloads.Viewer> viewer) {
    if (node instanceof ObjectNode object) {
      JsonNode link = object.get("download_url");
      if (viewer.isPresent() && link != null && link.isNull() && object.path("uri").isTextual()) {
        String uri = object.get("uri").asText();
        localFile(uri).ifPresent(f -> object.put("download_url",
            downloads.orElseThrow().link(viewer.get().baseUrl(), viewer.get().organisation(), uri)));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getKey().equals("uri") && field.getValue().isTextual()) {
          field.setValue(TextNode.valueOf(map(field.getValue().asText())));
        } else {
          rewrite(field.getValue(), viewer);
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(n -> rewrite(n, viewer));
    }
  }

  /** The public form of one document URI. */
  String map(String uri) {
    Optional<Path> file = localFile(uri);
    if (file.isEmpty()) {
      return uri; // s3://, text:, or an already logical file: URI
    }
    Path path = file.get();
    Optional<Map.Entry<Path, String>> root = roots.entrySet().stream() // the innermost root wins
        .filter(r -> path.startsWith(r.getKey()) && !path.equals(r.getKey()))
        .max(java.util.Comparator.comparingInt(r -> r.getKey().getNameCount()));
    if (root.isPresent()) {
      return logical(root.get().getValue() + "/" + root.get().getKey().relativize(path).toString().replace('\\', '/'));
    }
    Path name = path.getFileName();
    return logical(PrivateDocument.idOf(uri) + (name == null ? "" : "/" + name));
  }

  /** The path of an absolute {@code file:} URI; empty for any other URI. */
  private static Optional<Path> localFile(String uri) {
    try {
      URI u = new URI(uri);
      if (!"file".equalsIgnoreCase(u.getScheme()) || u.isOpaque()) {
        return Optional.empty();
      }
      return Optional.of(Path.of(u).toAbsolutePath().normalize());
    } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
  }

  private static String logical(String relativePath) {
    try {
      return new URI("file", relativePath, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a relative path always makes an opaque URI: " + relativePath, e);
    }
  }
}
