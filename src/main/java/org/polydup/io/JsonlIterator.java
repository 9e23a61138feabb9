package org.polydup.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.polydup.Document;

/**
 * Reads a JSON Lines file, optionally gzip-compressed, one line at a time. Each line is parsed by
 * Jackson's streaming parser straight from the strict UTF-8 {@link Utf8Input} line reader, so no
 * line is ever held as a byte array or a {@link String}; only the {@code text} value is buffered.
 */
final class JsonlIterator extends LineFileIterator {
  /**
   * The longest JSON string (and field name) buffered: 100,000,000 characters, 200 MB of heap. A
   * longer {@code text} cannot be truncated without holding it whole, so its line is skipped as
   * {@link InputProblem.Kind#OVERSIZED} instead of risking the whole run on an OutOfMemoryError.
   * Raised to {@code maxCharacters} when that is larger.
   */
  static final int DEFAULT_MAX_BUFFERED_CHARACTERS = 100_000_000;

  private final JsonFactory json;
  private final BoundedText textBuffer;
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
    super(file, gzip, maxCharacters, problems);
    this.textBuffer = new BoundedText(maxCharacters);
    this.json = factory(Math.max(maxBufferedCharacters, maxCharacters));
  }

  /** Reads an open stream once (gzip detected by its magic bytes); see {@link LineFileIterator}. */
  JsonlIterator(
      InputStream stream, String name, int maxCharacters, Consumer<? super InputProblem> problems) {
    super(stream, name, maxCharacters, problems);
    this.textBuffer = new BoundedText(maxCharacters);
    this.json = factory(Math.max(DEFAULT_MAX_BUFFERED_CHARACTERS, maxCharacters));
  }

  private static JsonFactory factory(int maxBufferedCharacters) {
    // Strict JSON: duplicate keys are malformed. String limits raised from Jackson's defaults (20 M
    // characters per string, 50 k per name) so that long documents reach the truncation.
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxStringLength(maxBufferedCharacters)
                .maxNameLength(maxBufferedCharacters)
                .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .build();
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
      reportUnreadable(input.lineNumber(), e);
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
              languageProblem = languageHintProblem("\"lang\"", language);
              if (languageProblem != null) {
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
      // Jackson's limits are of three kinds: a string too long (OVERSIZED, as the README says),
      // and a value nested too deep or a number too long, which are malformed lines, not large
      // ones ("too long to buffer" misled a reviewer, session 31).
      String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      boolean tooLong = what.startsWith("String value length");
      report(
          source,
          line,
          id,
          tooLong ? InputProblem.Kind.OVERSIZED : InputProblem.Kind.MALFORMED_JSON,
          (tooLong
                  ? "a JSON value is too long to buffer ("
                  : "a JSON value beyond the parser's limits (")
              + limit(what)
              + "); line skipped");
      return null;
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof Utf8Input.InvalidUtf8Exception) {
        reportInvalidUtf8(line, id, (Utf8Input.InvalidUtf8Exception) e.getCause());
        return null;
      }
      JsonLocation location = e.getLocation();
      // The offset into the line, not Jackson's column: Jackson starts a new line at the CR of a
      // CRLF line end and counts columns from 1 again there.
      String column =
          location == null || location.getCharOffset() < 0
              ? ""
              : " at column " + (location.getCharOffset() + 1);
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
      reportIgnoredLanguage(source, line, id, languageProblem);
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
      // Saturated: --max-chars may be Integer.MAX_VALUE.
      this.keep = (int) Math.min(Integer.MAX_VALUE, maxCharacters + 1L);
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
}
