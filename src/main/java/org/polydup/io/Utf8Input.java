package org.polydup.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of a byte stream, either as one text or split into lines, in bounded
 * memory.
 *
 * <p>Lines are split on the byte {@code 0x0A}, which never occurs inside a multi-byte UTF-8
 * sequence, so a line with invalid bytes can be skipped and decoding resumes cleanly on the next
 * line. Each line is read through {@link #lineReader()}, a {@link Reader} that ends at the line's
 * end, so a 50 MB line is never held as bytes: the consumer (a JSON parser) pulls characters as it
 * needs them. Every byte is scanned for the newline once per buffer fill, so the cost is linear in
 * the input whatever the line lengths.
 *
 * <p>A UTF-8 byte order mark at the start is dropped. The first bytes are sniffed before decoding
 * for binary content and a UTF-16 byte order mark ({@link #sniffProblem()}).
 */
final class Utf8Input implements AutoCloseable {
  /** Bytes examined for binary content, as git does. */
  static final int SNIFF_LENGTH = 8000;

  private static final int BUFFER_SIZE = 1 << 16;

  /**
   * Whether {@code c} (a byte or a char) is a control character that marks binary content: C0 or
   * DEL, but tab, line feed, carriage return, form feed and escape, which text carries.
   */
  static boolean isControl(int c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F;
  }

  /** Whether {@code controls} of a sample of {@code sample} are over 30%: binary content. */
  static boolean mostlyControls(int controls, int sample) {
    return sample > 0 && controls * 10L > sample * 3L;
  }

  private final InputStream in;
  private final boolean splitLines;
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE);
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final LineReader lineReader = new LineReader();
  private final String sniffProblem;
  private final InputProblem.Kind sniffKind;

  /** File offset of {@code bytes.array()[0]}. */
  private long bufferOffset;

  private boolean endOfStream;

  /** A read error met while sniffing, thrown by the first read past the bytes read before it. */
  private IOException deferredError;

  private InvalidUtf8Exception pendingError;

  /** Characters decoded for a one-character read that did not fit: at most a low surrogate. */
  private final CharBuffer carried = CharBuffer.allocate(2).flip();

  private boolean lineEnded = true;
  private long lineNumber;

  /** Index of the first newline at or after the buffer position, valid while >= position. */
  private int newline = -1;

  /** Buffer index up to which {@link #newline} has searched (exclusive). */
  private int searchedTo;

  /**
   * Wraps a stream, reads its first bytes and sniffs them.
   *
   * @param in the bytes (already decompressed); closed by {@link #close()}
   * @param splitLines whether {@link #nextLine()} splits at newlines; if false the whole stream is
   *     one line, and {@link #lineNumber()} counts newlines consumed so far (for error messages)
   */
  Utf8Input(InputStream in, boolean splitLines) throws IOException {
    this.in = in;
    this.splitLines = splitLines;
    bytes.flip();
    try {
      while (bytes.remaining() < SNIFF_LENGTH && fill()) {
        // read until the sniff window is full or the stream ends
      }
    } catch (IOException e) {
      // A short gzip file cut off before its end fails here, with good lines already read: they
      // are delivered, and the error when reading reaches it.
      deferredError = e;
    }
    byte[] array = bytes.array();
    int length = bytes.limit();
    if (length >= 3
        && array[0] == (byte) 0xEF
        && array[1] == (byte) 0xBB
        && array[2] == (byte) 0xBF) {
      bytes.position(3);
    }
    String problem = null;
    InputProblem.Kind kind = null;
    if (length >= 2
        && ((array[0] == (byte) 0xFF && array[1] == (byte) 0xFE)
            || (array[0] == (byte) 0xFE && array[1] == (byte) 0xFF))) {
      problem = "UTF-16 byte order mark; only UTF-8 is read";
      kind = InputProblem.Kind.INVALID_UTF8;
    } else {
      int sample = Math.min(length, SNIFF_LENGTH);
      int controls = 0;
      for (int i = 0; i < sample; i++) {
        int b = array[i] & 0xFF;
        if (b == 0) {
          problem = "binary file (NUL byte at offset " + i + ")";
          break;
        }
        if (isControl(b)) {
          controls++;
        }
      }
      if (problem == null && mostlyControls(controls, sample)) {
        problem = "binary file (" + (100 * controls / sample) + "% control characters)";
      }
      if (problem != null) {
        kind = InputProblem.Kind.BINARY;
      }
    }
    this.sniffProblem = problem;
    this.sniffKind = kind;
    this.lineNumber = splitLines ? 0 : 1;
  }

  /** Description of binary or UTF-16 content found in the first bytes, or {@code null}. */
  String sniffProblem() {
    return sniffProblem;
  }

  /** {@link InputProblem.Kind#BINARY} or {@link InputProblem.Kind#INVALID_UTF8}, or null. */
  InputProblem.Kind sniffKind() {
    return sniffKind;
  }

  /** Whether the stream holds no bytes at all (after a byte order mark). */
  boolean isEmpty() {
    return !bytes.hasRemaining() && endOfStream;
  }

  /**
   * Moves to the next line, skipping what is left of the current one.
   *
   * @return false at the end of the stream
   */
  boolean nextLine() throws IOException {
    skipRestOfLine();
    if (!bytes.hasRemaining() && !fill()) {
      return false;
    }
    if (splitLines) {
      lineNumber++;
    }
    lineEnded = false;
    pendingError = null;
    carried.position(carried.limit());
    decoder.reset();
    return true;
  }

  /** 1-based number of the current line (or, without line splitting, of the line being decoded). */
  long lineNumber() {
    return lineNumber;
  }

  /** Bytes of the stream consumed so far. */
  long position() {
    return bufferOffset + bytes.position();
  }

  /** The characters of the current line, without its newline; not to be closed. */
  Reader lineReader() {
    return lineReader;
  }

  private void skipRestOfLine() throws IOException {
    while (!lineEnded) {
      int found = findNewline();
      if (found >= 0) {
        bytes.position(found + 1);
        lineEnded = true;
      } else {
        bytes.position(bytes.limit());
        if (!fill()) {
          lineEnded = true;
        }
      }
    }
  }

  private int findNewline() {
    if (!splitLines) {
      return -1;
    }
    int position = bytes.position();
    if (newline >= position) {
      return newline;
    }
    int from = Math.max(position, searchedTo);
    byte[] array = bytes.array();
    int limit = bytes.limit();
    for (int i = from; i < limit; i++) {
      if (array[i] == '\n') {
        newline = i;
        searchedTo = i + 1;
        return i;
      }
    }
    searchedTo = limit;
    newline = -1;
    return -1;
  }

  /** Compacts the buffer and reads more bytes; returns false if the stream has ended. */
  private boolean fill() throws IOException {
    if (endOfStream) {
      return false;
    }
    if (deferredError != null) {
      IOException error = deferredError;
      deferredError = null;
      endOfStream = true;
      throw error;
    }
    int position = bytes.position();
    bufferOffset += position;
    searchedTo = Math.max(0, searchedTo - position);
    newline = newline >= position ? newline - position : -1;
    bytes.compact();
    if (!bytes.hasRemaining()) {
      throw new IllegalStateException("buffer full without progress");
    }
    int read = 0;
    try {
      while (read == 0) {
        read = in.read(bytes.array(), bytes.position(), bytes.remaining());
      }
    } catch (IOException e) {
      bytes.flip(); // the bytes before the error stay readable
      throw e;
    }
    if (read < 0) {
      endOfStream = true;
    } else {
      bytes.position(bytes.position() + read);
    }
    bytes.flip();
    return read > 0;
  }

  private int read(char[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (carried.hasRemaining()) {
      target[offset] = carried.get(); // the low surrogate left from a one-character read
      return 1;
    }
    if (pendingError != null) {
      InvalidUtf8Exception error = pendingError;
      pendingError = null;
      throw error;
    }
    if (lineEnded) {
      return -1;
    }
    CharBuffer out = CharBuffer.wrap(target, offset, length);
    while (true) {
      // A supplementary character needs two chars of room; a one-character read goes through
      // the two-character carry buffer.
      boolean small = out.remaining() < 2;
      CharBuffer into = small ? carried.clear() : out;
      int found = findNewline();
      boolean endOfLine = found >= 0 || endOfStream;
      int limit = bytes.limit();
      int start = bytes.position();
      if (found >= 0) {
        bytes.limit(found);
      }
      CoderResult result = decoder.decode(bytes, into, endOfLine);
      int end = bytes.position();
      bytes.limit(limit);
      if (!splitLines) {
        countNewlines(start, end);
      }
      boolean lineDone = endOfLine && result.isUnderflow();
      if (lineDone) {
        decoder.flush(into);
      }
      if (small) {
        carried.flip();
        if (carried.hasRemaining()) {
          out.put(carried.get());
        }
      }
      int produced = out.position() - offset;
      if (result.isError()) {
        InvalidUtf8Exception error = new InvalidUtf8Exception(position(), lineNumber);
        bytes.position(Math.min(limit, end + result.length()));
        if (produced > 0) {
          pendingError = error; // deliver the good characters first, so the id can be parsed
          return produced;
        }
        throw error;
      }
      if (lineDone) {
        if (found >= 0) {
          bytes.position(found + 1);
        }
        lineEnded = true;
        return produced > 0 ? produced : -1;
      }
      if (produced > 0) {
        return produced;
      }
      fill();
    }
  }

  private void countNewlines(int from, int to) {
    byte[] array = bytes.array();
    for (int i = from; i < to; i++) {
      if (array[i] == '\n') {
        lineNumber++;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Invalid UTF-8 at a known byte offset and line. */
  static final class InvalidUtf8Exception extends IOException {
    private static final long serialVersionUID = 1L;

    final long byteOffset;
    final long line;

    InvalidUtf8Exception(long byteOffset, long line) {
      super("invalid UTF-8 at byte " + byteOffset);
      this.byteOffset = byteOffset;
      this.line = line;
    }
  }

  private final class LineReader extends Reader {
    @Override
    public int read(char[] target, int offset, int length) throws IOException {
      return Utf8Input.this.read(target, offset, length);
    }

    @Override
    public void close() {
      // the stream is owned by Utf8Input
    }
  }
}
