package dev.egretta.server;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body of at most {@code limit} bytes. A larger body is refused with 413 as soon
 * as its declared length or its bytes pass the limit, without keeping it: the rest is read and
 * discarded (up to a bound) only so that the client can read the answer on a clean connection.
 */
final class BoundedBody {
  /** Beyond this many bytes the excess is not drained; the connection is closed instead. */
  private static final long MAX_DRAIN = 64L << 20;

  private BoundedBody() {}

  static byte[] read(Context ctx, long limit) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      drainAndRefuse(ctx, declared, limit);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 256), limit));
      byte[] buffer = new byte[8192];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
        if (total > limit) {
          drainAndRefuse(ctx, declared, limit);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the request body", e);
    }
  }

  /** Refuses an oversized body; drains a moderate excess so the client sees the 413 rather than a reset. */
  static void drainAndRefuse(Context ctx, long declared, long limit) {
    ctx.header("Connection", "close");
    if (declared < 0 || declared <= MAX_DRAIN) {
      try {
        InputStream in = ctx.req().getInputStream();
        byte[] buffer = new byte[8192];
        long drained = 0;
        int n;
        while (drained < MAX_DRAIN && (n = in.read(buffer)) >= 0) {
          drained += n;
        }
      } catch (IOException | IllegalStateException e) {
        // the client stopped sending; the 413 is still the answer
      }
    }
    throw HttpProblem.tooLarge(limit);
  }
}
