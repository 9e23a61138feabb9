package org.polydup.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads its source on a background thread, a few chunks ahead of the consumer: the same bytes in
 * the same order, with the source's {@link IOException} thrown where the consumer reaches it.
 *
 * <p>Why: reading a gzip-compressed JSONL corpus is inflation (native zlib, about 0.8 s of CPU for
 * the 120 MB bulk corpus) followed by UTF-8 decoding and JSON parsing (about 1 s), one after the
 * other on the reading thread. Inflating on a second thread overlaps the two; the consumer only
 * waits when parsing outruns inflation. Memory is bounded by {@link #DEPTH} chunks of {@link
 * #CHUNK} bytes.
 *
 * <p>Not thread-safe for consumers: one thread reads (as with any stream); {@link #close} may be
 * called from that thread at any point and stops the background thread before closing the source.
 */
final class ReadAheadInputStream extends InputStream {
  private static final int CHUNK = 1 << 18;
  private static final int DEPTH = 8;
  private static final Chunk END = new Chunk(new byte[0], 0, null);

  private final InputStream source;
  private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(DEPTH);
  private final Thread reader;
  private volatile boolean closed;
  private Chunk current = new Chunk(new byte[0], 0, null);
  private int position;
  private boolean ended;

  /** One filled buffer, or the failure that ended the source ({@code failure != null}). */
  private record Chunk(byte[] bytes, int length, IOException failure) {}

  /**
   * Starts reading {@code source} ahead on a daemon thread.
   *
   * @param source the stream to read; closed by {@link #close}
   * @param name names the background thread, for thread dumps
   */
  ReadAheadInputStream(InputStream source, String name) {
    this.source = source;
    this.reader = new Thread(this::readAhead, "polydup-read-ahead " + name);
    reader.setDaemon(true);
    reader.start();
  }

  private void readAhead() {
    try {
      while (!closed) {
        byte[] buffer = new byte[CHUNK];
        int filled = 0;
        IOException failure = null;
        try {
          int n;
          while (filled < CHUNK && (n = source.read(buffer, filled, CHUNK - filled)) > 0) {
            filled += n;
          }
        } catch (IOException e) {
          failure = e;
        } catch (RuntimeException e) {
          // A decoder failing with an unchecked exception is still a read failure to the consumer.
          failure = new IOException(e.toString(), e);
        }
        // The bytes read before a failure reach the consumer before the failure does.
        if (filled > 0) {
          chunks.put(new Chunk(buffer, filled, null));
        }
        if (failure != null) {
          chunks.put(new Chunk(null, 0, failure));
          return;
        }
        if (filled < CHUNK) {
          chunks.put(END);
          return;
        }
      }
    } catch (InterruptedException e) {
      // close() stops us; nobody reads further.
    }
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return current.bytes[position++] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(length, current.length - position);
    System.arraycopy(current.bytes, position, buffer, offset, n);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return ended ? 0 : current.length - position;
  }

  /** Makes sure the current chunk has bytes left; false at the end of the source. */
  private boolean fill() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    while (position == current.length) {
      if (ended) {
        return false;
      }
      Chunk next;
      try {
        next = chunks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for input");
      }
      if (next.failure != null) {
        ended = true;
        throw next.failure;
      }
      if (next == END) {
        ended = true;
        return false;
      }
      current = next;
      position = 0;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    reader.interrupt();
    try {
      // The reader stops at its next queue operation or interrupted read; the source must not be
      // closed under it.
      reader.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    chunks.clear();
    source.close();
  }
}
