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
   * This file's bytes, inflated when {@code gzip}. Inflation runs a few chunks ahead on its own
   * thread (see {@link ReadAheadInputStream}); the gzip header is read here, so a file that is not
   * gzip fails at once.
   */
  InputStream decompressed(boolean gzip, String name) throws IOException {
    return gzip ? new ReadAheadInputStream(GzipInput.of(this), name) : this;
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
