package dev.egretta.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an OpenDocument text file ({@code .odt}) by hand: a zip whose first entry is the stored
 * {@code mimetype}, a manifest, and {@code content.xml} with one {@code <text:h>} heading per section
 * followed by its paragraphs ({@code <text:p>}, blank lines split them).
 */
final class OpenDocumentWriter {
  static final String MEDIA_TYPE = "application/vnd.oasis.opendocument.text";

  private OpenDocumentWriter() {}

  static byte[] write(Map<String, String> sections) {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> s : sections.entrySet()) {
      body.append("<text:h text:outline-level=\"1\">").append(escape(s.getKey())).append("</text:h>");
      for (String para : s.getValue().split("\n\n")) {
        body.append("<text:p>").append(escape(para)).append("</text:p>");
      }
    }
    String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
        + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
        + "<office:body><office:text>" + body + "</office:text></office:body></office:document-content>";
    String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest"
        + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
        + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + MEDIA_TYPE + "\"/>"
        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      byte[] mimetype = MEDIA_TYPE.getBytes(StandardCharsets.US_ASCII);
      ZipEntry first = new ZipEntry("mimetype"); // stored, uncompressed and first: how readers tell the type
      first.setMethod(ZipEntry.STORED);
      first.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      first.setCrc(crc.getValue());
      zip.putNextEntry(first);
      zip.write(mimetype);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
      zip.write(manifest.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
