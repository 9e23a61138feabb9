package org.polydup.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read from a file, for progress. */
final class CountingInputStream extends FilterInputStream {
  long count;

  CountingInputStream(InputStream in) {
    super(in);
  }

  /**
   * This file's bytes, inflated when {@code gzip}. Inflation of a file runs a few chunks ahead on
   * its own thread (see {@link ReadAheadInputStream}); a caller's stream (a pipe, a socket) is
   * inflated on the reading thread instead, since a blocked read there cannot be interrupted: a
   * closed iterator would wait for it, and its thread would go on taking the caller's bytes. The
   * gzip header is read here, so input that is not gzip fails at once.
   */
  InputStream decompressed(boolean gzip, String name, boolean readAhead) throws IOException {
    if (!gzip) {
      return this;
    }
    return readAhead ? new ReadAheadInputStream(GzipInput.of(this), name) : GzipInput.of(this);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int read = super.read(buffer, offset, length);
    if (read > 0) {
      count += read;
    }
    return read;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count += skipped;
    return skipped;
  }
}
