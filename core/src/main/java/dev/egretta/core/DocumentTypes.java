package dev.egretta.core;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The file types Egretta indexes, by file name: which files folder sources, S3 sync and uploads pick
 * up, and the content type a download of one is served with. Ingestion itself tells the format by
 * the bytes, so a name only selects a file, it never decides how it is read.
 */
public final class DocumentTypes {
  private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
      Map.entry("pdf", "application/pdf"),
      Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
      Map.entry("doc", "application/msword"),
      Map.entry("odt", "application/vnd.oasis.opendocument.text"),
      Map.entry("rtf", "application/rtf"),
      Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
      Map.entry("ppt", "application/vnd.ms-powerpoint"),
      Map.entry("html", "text/html"),
      Map.entry("htm", "text/html"),
      Map.entry("xhtml", "application/xhtml+xml"),
      Map.entry("md", "text/markdown"),
      Map.entry("markdown", "text/markdown"),
      Map.entry("txt", "text/plain"));

  private DocumentTypes() {}

  /** Whether a file of this name is one Egretta indexes (by its extension, in any case). */
  public static boolean isIndexable(String fileName) {
    return contentType(fileName).isPresent();
  }

  /** The content type to serve the file with; empty when the extension is not an indexed type. */
  public static Optional<String> contentType(String fileName) {
    if (fileName == null || fileName.endsWith("/")) {
      return Optional.empty();
    }
    int dot = fileName.lastIndexOf('.');
    int slash = fileName.lastIndexOf('/');
    if (dot <= slash + 1 || dot == fileName.length() - 1) {
      return Optional.empty();
    }
    return Optional.ofNullable(CONTENT_TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }
}
