package org.polydup.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {

  private static byte[] randomBytes(int length, long seed) {
    byte[] bytes = new byte[length];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  /** A source that hands out at most a few bytes per read, like a decompressor. */
  private static InputStream trickling(byte[] bytes) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] buffer, int offset, int length) {
        return super.read(buffer, offset, Math.min(length, 1 + pos % 977));
      }
    };
  }

  @Test
  void read_givesTheSourcesBytesInOrder_acrossChunkBoundaries() throws IOException {
    for (int length : new int[] {0, 1, (1 << 18) - 1, 1 << 18, 3 * (1 << 18) + 12345}) {
      byte[] expected = randomBytes(length, length);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream in = new ReadAheadInputStream(trickling(expected), "test")) {
        byte[] buffer = new byte[4099];
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
          out.write(buffer, 0, n);
          int single = in.read();
          if (single < 0) {
            break;
          }
          out.write(single);
        }
        assertEquals(-1, in.read());
      }
      assertArrayEquals(expected, out.toByteArray(), "length " + length);
    }
  }

  @Test
  void read_throwsTheSourcesFailure_afterTheBytesBeforeIt() throws IOException {
    byte[] head = randomBytes(1000, 1);
    IOException failure = new IOException("Unexpected end of ZLIB input stream");
    InputStream failing =
        new InputStream() {
          private int position;

          @Override
          public int read() throws IOException {
            if (position < head.length) {
              return head[position++] & 0xFF;
            }
            throw failure;
          }
        };
    try (InputStream in = new ReadAheadInputStream(failing, "test")) {
      byte[] got = new byte[head.length];
      int filled = 0;
      IOException thrown = null;
      try {
        int n;
        while ((n = in.read(got, filled, got.length - filled)) > 0) {
          filled += n;
        }
      } catch (IOException e) {
        thrown = e;
      }
      if (thrown == null) {
        thrown = assertThrows(IOException.class, in::read);
      }
      assertSame(failure, thrown);
      assertArrayEquals(head, got);
    }
  }

  @Test
  void close_stopsReadingAhead_andClosesTheSource() throws IOException {
    boolean[] closed = {false};
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'x';
          }

          @Override
          public void close() {
            closed[0] = true;
          }
        };
    InputStream in = new ReadAheadInputStream(endless, "test");
    assertEquals('x', in.read());
    in.close();
    assertTrue(closed[0]);
    assertThrows(IOException.class, in::read);
  }
}
