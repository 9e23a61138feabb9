package org.polydup.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The bytes of every member of a gzip stream, one after another (as {@code gzip -d} reads them),
 * where a damaged or truncated stream fails only after every byte inflated before the damage.
 *
 * <p>Why not the JDK's {@code GZIPInputStream}: it takes a damaged header of a later member, or
 * bytes after the last member, for the end of the stream, so every document after them would be
 * lost without a word; and it looks for a next member only where {@code available()} says bytes are
 * waiting, which a pipe may not say in time. Commons Compress fails on both instead, but it reads a
 * member's trailer inside the same {@code read} call that inflated the member's last bytes, so a
 * stream cut off in its trailer would throw those bytes away with the call. This class hands them
 * over first, counted by {@link GzipCompressorInputStream#getBytesRead()} (which counts each
 * inflated chunk before the trailer is read), and throws the failure on the next call.
 */
final class GzipInput extends InputStream {
  private final GzipCompressorInputStream gzip;
  private IOException pending;

  private GzipInput(GzipCompressorInputStream gzip) {
    this.gzip = gzip;
  }

  /**
   * Reads the first member's header at once, so that input that is not gzip fails here.
   *
   * @param compressed the gzip bytes; closed by {@link #close()}
   */
  static GzipInput of(InputStream compressed) throws IOException {
    return new GzipInput(
        GzipCompressorInputStream.builder()
            .setInputStream(new BufferedInputStream(compressed, 1 << 16))
            .setDecompressConcatenated(true)
            .get());
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (pending != null) {
      IOException failure = pending;
      pending = null;
      throw failure;
    }
    long before = gzip.getBytesRead();
    try {
      return gzip.read(buffer, offset, length);
    } catch (IOException e) {
      int delivered = (int) (gzip.getBytesRead() - before);
      if (delivered > 0) {
        pending = e;
        return delivered;
      }
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    gzip.close();
  }
}
