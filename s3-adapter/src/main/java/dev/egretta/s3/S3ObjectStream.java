package dev.egretta.s3;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * The body of one GetObject, read straight from the HTTP connection (nothing is buffered beyond the
 * client's socket buffers). Closing it before the end aborts the connection instead of draining the
 * rest of a possibly large object.
 */
final class S3ObjectStream extends FilterInputStream {

  private final ResponseInputStream<?> response;
  private boolean eof;
  private boolean closed;

  S3ObjectStream(ResponseInputStream<?> response) {
    super(response);
    this.response = response;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      eof = true;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      eof = true;
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (!eof) {
      response.abort();
    }
    super.close();
  }
}
