package dev.egretta.core;

import dev.egretta.api.Message;
import dev.egretta.api.Source;
import dev.egretta.core.spi.LinkSigner;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Signs {@code download_url}s with the engine's {@link LinkSigner}: when an answer is made, and again
 * every time session messages are read, so that a link saved in yesterday's history (a pre-signed URL
 * that expired after minutes) is shown fresh rather than dead. A signer that fails gives no link, never
 * an error: the answer or history matters more than the link.
 */
final class SourceLinks {
  private static final System.Logger LOG = System.getLogger(SourceLinks.class.getName());

  private final LinkSigner signer;

  SourceLinks(LinkSigner signer) {
    this.signer = signer;
  }

  /** A fresh link for one document URI, or {@code null}. */
  String url(String documentUri) {
    if (documentUri == null) {
      return null;
    }
    try {
      return signer.downloadUrl(documentUri).orElse(null);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not sign a download link for " + documentUri + ": " + e.getMessage());
      return null;
    }
  }

  /** The message with every source's link signed now (the stored link, signed earlier, is never shown). */
  Message resign(Message m) {
    if (m.sources().isEmpty()) {
      return m;
    }
    List<Source> fresh = m.sources().stream().map(s -> new Source(s.uri(), s.filename(), s.pageNumber(), s.excerpt(),
        s.score(), s.relevance(), s.sourceType(), url(s.uri()), s.isPrivate())).toList();
    return new Message(m.sessionId(), m.sender(), m.content(), m.bedrockModelId(), fresh, m.inputTokens(),
        m.outputTokens(), m.createdAt(), m.contextQuality());
  }
}
