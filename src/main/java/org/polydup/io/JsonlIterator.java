package org.polydup.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.polydup.Document;
import org.polydup.lang.LanguageIdentifier;

/**
 * Reads a JSON Lines file, optionally gzip-compressed, one line at a time. Each line is parsed by
 * Jackson's streaming parser straight from the strict UTF-8 {@link Utf8Input} line reader, so no
 * line is ever held as a byte array or a {@link String}; only the {@code text} value is buffered.
 */
final class JsonlIterator extends AbstractDocumentIterator {
  private static final int MESSAGE_LIMIT = 200;

  /**
   * The longest JSON string (and field name) buffered: 100,000,000 characters, 200 MB of heap. A
   * longer {@code text} cannot be truncated without holding it whole, so its line is skipped as
   * {@link InputProblem.Kind#OVERSIZED} instead of risking the whole run on an OutOfMemoryError.
   * Raised to {@code maxCharacters} when that is larger.
   */
  static final int DEFAULT_MAX_BUFFERED_CHARACTERS = 100_000_000;

  private final JsonFactory json;
  private final String source;
  private final long totalBytes;
  private final CountingInputStream counting;
  private final BoundedText textBuffer;
  private Utf8Input input;
  private boolean sawLine;

  JsonlIterator(Path file, boolean gzip, int maxCharacters, Consumer<? super InputProblem> problems)
      throws UnreadableInputException {
    this(file, gzip, maxCharacters, DEFAULT_MAX_BUFFERED_CHARACTERS, problems);
  }

  JsonlIterator(
      Path file,
      boolean gzip,
      int maxCharacters,
      int maxBufferedCharacters,
      Consumer<? super InputProblem> problems)
      throws UnreadableInputException {
    super(maxCharacters, problems);
    int buffered = Math.max(maxBufferedCharacters, maxCharacters);
    this.textBuffer = new BoundedText(maxCharacters);
    // Strict JSON: duplicate keys are malformed. String limits raised from Jackson's defaults (20 M
    // characters per string, 50 k per name) so that long documents reach the truncation.
    this.json =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxStringLength(buffered)
                    .maxNameLength(buffered)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();
    this.source = file.toString();
    try {
      this.totalBytes = Files.size(file);
      this.counting = new CountingInputStream(Files.newInputStream(file));
    } catch (IOException e) {
      throw new UnreadableInputException(file, TextFileIterator.describe(e), e);
    }
    try {
      // Inflation runs a few chunks ahead on its own thread (see ReadAheadInputStream); the
      // gzip header is still read here, so a file that is not gzip fails as before.
      InputStream stream =
          gzip
              ? new ReadAheadInputStream(
                  new GZIPInputStream(counting, 1 << 16), file.getFileName().toString())
              : counting;
      input = new Utf8Input(stream, true);
      if (input.sniffProblem() != null) {
        report(source, 0, null, input.sniffKind(), input.sniffProblem() + "; file skipped");
        close();
      }
    } catch (IOException e) {
      report(
          source,
          0,
          null,
          InputProblem.Kind.UNREADABLE,
          "cannot read file (" + TextFileIterator.describe(e) + "); skipped");
      close();
    }
  }

  @Override
  Document computeNext() {
    try {
      while (input.nextLine()) {
        sawLine = true;
        Document document = parseLine(input.lineNumber());
        if (document != null) {
          return document;
        }
      }
      if (!sawLine) {
        report(source, 0, null, InputProblem.Kind.EMPTY, "empty file; no documents");
      }
    } catch (IOException e) {
      report(
          source,
          input.lineNumber(),
          null,
          InputProblem.Kind.UNREADABLE,
          "cannot read further (" + TextFileIterator.describe(e) + "); rest of file skipped");
    }
    return null;
  }

  /** Parses the current line; returns null after reporting if it is skipped. */
  private Document parseLine(long line) throws IOException {
    String id = null;
    boolean idSeen = false;
    String idProblem = null;
    BoundedText text = null;
    boolean textSeen = false;
    String textProblem = null;
    String language = null;
    String languageProblem = null;
    try (JsonParser parser = json.createParser(input.lineReader())) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null; // blank line
      }
      if (first != JsonToken.START_OBJECT) {
        report(
            source,
            line,
            null,
            InputProblem.Kind.MALFORMED_JSON,
            "not a JSON object (found " + describe(first) + "); line skipped");
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "id":
            idSeen = true;
            if (value == JsonToken.VALUE_STRING) {
              id = parser.getText();
              if (id.isBlank()) {
                idProblem = "\"id\" is blank";
                id = null;
              }
            } else {
              idProblem = "\"id\" must be a string, got " + describe(value);
            }
            break;
          case "text":
            textSeen = true;
            if (value == JsonToken.VALUE_STRING) {
              text = textBuffer.reset();
              parser.getText(text);
            } else {
              textProblem = "\"text\" must be a string, got " + describe(value);
            }
            break;
          case "lang":
            if (value == JsonToken.VALUE_STRING) {
              language = parser.getText();
              if (!language.isBlank() && !LanguageIdentifier.isLanguageCode(language)) {
                languageProblem =
                    "\"lang\" \""
                        + abbreviate(language)
                        + "\" is not a language code such as \"de\" or \"pt-BR\"";
                language = null;
              }
            } else if (value != JsonToken.VALUE_NULL) {
              languageProblem = "\"lang\" must be a string, got " + describe(value);
            }
            break;
          default:
            break;
        }
        parser.skipChildren();
      }
      JsonToken after = parser.nextToken();
      if (after != null) {
        report(
            source,
            line,
            id,
            InputProblem.Kind.MALFORMED_JSON,
            "content after the JSON object (" + describe(after) + "); line skipped");
        return null;
      }
    } catch (Utf8Input.InvalidUtf8Exception e) {
      reportInvalidUtf8(line, id, e);
      return null;
    } catch (StreamConstraintsException e) {
      report(
          source,
          line,
          id,
          InputProblem.Kind.OVERSIZED,
          "a JSON value is too long to buffer ("
              + limit(e.getOriginalMessage())
              + "); line skipped");
      return null;
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof Utf8Input.InvalidUtf8Exception) {
        reportInvalidUtf8(line, id, (Utf8Input.InvalidUtf8Exception) e.getCause());
        return null;
      }
      JsonLocation location = e.getLocation();
      String column = location == null ? "" : " at column " + location.getColumnNr();
      report(
          source,
          line,
          id,
          InputProblem.Kind.MALFORMED_JSON,
          "malformed JSON" + column + " (" + limit(e.getOriginalMessage()) + "); line skipped");
      return null;
    }
    if (!idSeen || !textSeen) {
      report(
          source,
          line,
          id,
          InputProblem.Kind.MISSING_FIELD,
          "missing \"" + (idSeen ? "text" : "id") + "\"; line skipped");
      return null;
    }
    if (idProblem != null || textProblem != null) {
      report(
          source,
          line,
          id,
          InputProblem.Kind.INVALID_FIELD,
          (idProblem != null ? idProblem : textProblem) + "; line skipped");
      return null;
    }
    Document document = accept(source, line, id, text, text.totalLength, language);
    if (document != null && languageProblem != null) {
      report(
          source,
          line,
          id,
          InputProblem.Kind.IGNORED_LANGUAGE,
          languageProblem + "; ignored, the language is detected");
    }
    return document;
  }

  private void reportInvalidUtf8(long line, String id, Utf8Input.InvalidUtf8Exception e) {
    report(
        source,
        line,
        id,
        InputProblem.Kind.INVALID_UTF8,
        "invalid UTF-8 at byte " + e.byteOffset + "; line skipped");
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "end of line";
    }
    switch (token) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return token.asString() == null ? token.name() : token.asString();
    }
  }

  private static String limit(String message) {
    if (message == null) {
      return "no detail";
    }
    String oneLine = message.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() <= MESSAGE_LIMIT
        ? oneLine
        : oneLine.substring(0, MESSAGE_LIMIT - 3) + "...";
  }

  @Override
  void release() {
    try {
      if (input != null) {
        input.close();
      } else {
        counting.close();
      }
    } catch (IOException e) {
      // nothing was written; a failing close loses nothing
    }
  }

  @Override
  public long bytesRead() {
    return counting.count;
  }

  @Override
  public long totalBytes() {
    return totalBytes;
  }

  /**
   * Keeps the first {@code maxCharacters + 1} characters of a string value and counts all. One per
   * iterator, reset for each line: its buffer grows once to the longest text, where a builder per
   * line grew by doubling through every text and was rewritten as UTF-16 at the first character
   * outside Latin-1 (a tenth of the reading thread's samples on bulk).
   */
  private static final class BoundedText extends Writer implements CharSequence {
    private final int keep;
    private char[] chars = new char[1024];
    private int size;
    long totalLength;

    BoundedText(int maxCharacters) {
      this.keep = maxCharacters + 1;
    }

    BoundedText reset() {
      size = 0;
      totalLength = 0;
      return this;
    }

    private int room(int count) {
      int n = Math.min(Math.max(0, keep - size), count);
      if (size + n > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(size + n, 2 * chars.length));
      }
      return n;
    }

    @Override
    public void write(char[] characters, int offset, int count) {
      int n = room(count);
      System.arraycopy(characters, offset, chars, size, n);
      size += n;
      totalLength += count;
    }

    @Override
    public void write(String string, int offset, int count) {
      int n = room(count);
      string.getChars(offset, offset + n, chars, size);
      size += n;
      totalLength += count;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public int length() {
      return size;
    }

    @Override
    public char charAt(int index) {
      Objects.checkIndex(index, size);
      return chars[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      Objects.checkFromToIndex(start, end, size);
      return new String(chars, start, end - start);
    }

    @Override
    public String toString() {
      return new String(chars, 0, size);
    }
  }

  /** Counts the bytes read from the file, for progress. */
  private static final class CountingInputStream extends FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
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
}
