package org.polydup.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random lines checked against the JDK's strict decoder, line by line. */
class Utf8InputTest {
  private static final String[] PIECES = {
    "a", " ", "é", "ж", "数", "🙂", "\u0301", "\u05d0", "\r", "\t", "{\"", "\\"
  };

  /**
   * Fixed seed (override with {@code -Dpolydup.test.seed=N}); 4506141453788 once produced an input
   * made of one empty line without a newline, which must read as no line at all.
   */
  @Test
  void randomLines_decodeExactlyAsTheJdkDecodesEachLine() throws IOException {
    long seed = Long.getLong("polydup.test.seed", 4506141453788L);
    Random random = new Random(seed);
    for (int round = 0; round < 30; round++) {
      List<byte[]> lines = new ArrayList<>();
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      int count = 1 + random.nextInt(20);
      for (int i = 0; i < count; i++) {
        byte[] line = randomLine(random);
        lines.add(line);
        file.writeBytes(line);
        if (i < count - 1 || random.nextBoolean()) {
          file.write('\n');
        }
      }
      try (Utf8Input input = new Utf8Input(new TrickleStream(file.toByteArray(), random), true)) {
        if (file.size() == 0) {
          // One empty line and no newline is an empty input: it has no lines.
          assertFalse(input.nextLine(), "seed " + seed + ", round " + round);
          continue;
        }
        for (int i = 0; i < count; i++) {
          String context = "seed " + seed + ", round " + round + ", line " + (i + 1);
          assertTrue(input.nextLine(), context);
          assertEquals(i + 1, input.lineNumber(), context);
          String expected = strictDecode(lines.get(i));
          String actual = readLine(input.lineReader(), random, expected == null);
          assertEquals(expected, actual, context);
        }
        assertFalse(input.nextLine(), "seed " + seed);
      }
    }
  }

  @Test
  void oneCharacterReads_splitSupplementaryCharactersIntoTheirSurrogates() throws IOException {
    String line = "a🙂b😀";
    byte[] bytes = (line + "\n🙂").getBytes(UTF_8);
    try (Utf8Input input = new Utf8Input(new ByteArrayInputStream(bytes), true)) {
      assertTrue(input.nextLine());
      Reader reader = input.lineReader();
      StringBuilder text = new StringBuilder();
      int read;
      while ((read = reader.read()) >= 0) {
        text.append((char) read);
      }
      assertEquals(line, text.toString());
      assertTrue(input.nextLine());
      assertEquals('\uD83D', (char) reader.read()); // skipping the rest must drop the carry
      assertFalse(input.nextLine());
    }
  }

  @Test
  void wholeText_reportsTheLineOfTheInvalidByte() throws IOException {
    byte[] bytes = "one\ntwo\nthree \u00e9\n\u00c3".getBytes(UTF_8);
    bytes[bytes.length - 1] = 'x'; // "Ã" becomes 0xC3 'x': a lead byte without continuation
    try (Utf8Input input = new Utf8Input(new ByteArrayInputStream(bytes), false)) {
      assertTrue(input.nextLine());
      Utf8Input.InvalidUtf8Exception error = null;
      try {
        readLine(input.lineReader(), new Random(1), false);
      } catch (Utf8Input.InvalidUtf8Exception e) {
        error = e;
      }
      assertEquals(4, error.line);
      assertEquals(bytes.length - 2, error.byteOffset);
    }
  }

  /** The line, or {@code null} if reading it failed with invalid UTF-8. */
  private static String readLine(Reader reader, Random random, boolean mayFail) throws IOException {
    StringBuilder text = new StringBuilder();
    char[] buffer = new char[1 + random.nextInt(5000)];
    try {
      int read;
      while ((read = reader.read(buffer, 0, 1 + random.nextInt(buffer.length))) >= 0) {
        text.append(buffer, 0, read);
      }
    } catch (Utf8Input.InvalidUtf8Exception e) {
      if (!mayFail) {
        throw e;
      }
      return null;
    }
    return text.toString();
  }

  private static String strictDecode(byte[] bytes) {
    try {
      return UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static byte[] randomLine(Random random) {
    int length = random.nextInt(10) == 0 ? random.nextInt(200_000) : random.nextInt(100);
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    byte[] bytes = text.toString().getBytes(UTF_8);
    if (bytes.length > 0 && random.nextInt(5) == 0) {
      int at = random.nextInt(bytes.length); // a stray byte: a lone continuation or cut sequence
      bytes[at] = (byte) (random.nextBoolean() ? 0x80 : 0xE2);
    }
    return bytes;
  }

  /** Returns few bytes per read, at random, to exercise every buffer boundary. */
  private static final class TrickleStream extends InputStream {
    private final byte[] bytes;
    private final Random random;
    private int position;

    TrickleStream(byte[] bytes, Random random) {
      this.bytes = bytes;
      this.random = random;
    }

    @Override
    public int read() {
      return position < bytes.length ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
      if (position >= bytes.length) {
        return -1;
      }
      int count = Math.min(Math.min(length, 1 + random.nextInt(70_000)), bytes.length - position);
      System.arraycopy(bytes, position, target, offset, count);
      position += count;
      return count;
    }
  }
}
