package org.polydup.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.polydup.Document;

/**
 * Reads a CSV or TSV file (RFC 4180 quoting, either delimiter), optionally gzip-compressed, whose
 * header row names the columns {@code id}, {@code text} and optionally {@code lang}.
 *
 * <p>Apache Commons CSV parses each record, but it cannot go on after a malformed one (its lexer is
 * left mid-token) and an unclosed quote makes it read the rest of the file as one field. So this
 * class finds where each record ends itself, with the few states of RFC 4180 quoting ({@link
 * Boundary}), and hands Commons CSV one record at a time: a malformed record costs only itself,
 * where a stray quote bounds it, up to the next quote that closes a field (reported with the lines
 * it took). A quoted field still open at the end of the file is the one case a single pass cannot
 * bound; its first line is reported and reading starts again on the line after it (at most {@value
 * #MAXIMUM_RESUMES} times a file).
 */
final class CsvIterator extends LineFileIterator {
  /**
   * How many times a file is read again from the line after an unclosed quote; each costs a read of
   * the file up to that line, so a file full of them would take quadratic time.
   */
  static final int MAXIMUM_RESUMES = 20;

  private final int maxBufferedCharacters;
  private final CSVFormat format;
  private final char delimiter;
  private final char[] chunk = new char[8192];
  private final StringBuilder record = new StringBuilder();

  /** Whether the line {@link #readLine} read last ended with CR, which it did not append. */
  private boolean lineEndedWithCarriageReturn;

  private long dataRecords;

  /** Times the file was read again after a quote left open to its end. */
  private int resumes;

  /** Set when the rest of the file cannot be read: a bad header, an I/O error. */
  private boolean stopped;

  /** The header's column positions, once read; -1 for a column it lacks. */
  private int idColumn = -1;

  private int textColumn = -1;
  private int languageColumn = -1;
  private int columns;

  CsvIterator(
      Path file,
      boolean gzip,
      char delimiter,
      int maxCharacters,
      Consumer<? super InputProblem> problems)
      throws UnreadableInputException {
    this(
        file,
        gzip,
        delimiter,
        maxCharacters,
        JsonlIterator.DEFAULT_MAX_BUFFERED_CHARACTERS,
        problems);
  }

  CsvIterator(
      Path file,
      boolean gzip,
      char delimiter,
      int maxCharacters,
      int maxBufferedCharacters,
      Consumer<? super InputProblem> problems)
      throws UnreadableInputException {
    super(file, gzip, maxCharacters, problems);
    this.delimiter = delimiter;
    this.maxBufferedCharacters = Math.max(maxBufferedCharacters, maxCharacters);
    this.format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
  }

  @Override
  Document computeNext() {
    try {
      while (!stopped) {
        RawRecord raw = nextRecord();
        if (raw == null) {
          break;
        }
        Document document = parse(raw);
        if (document != null) {
          return document;
        }
      }
      if (!stopped && idColumn < 0) {
        report(source, 0, null, InputProblem.Kind.EMPTY, "empty file; no header and no records");
      } else if (!stopped && dataRecords == 0) {
        report(source, 0, null, InputProblem.Kind.EMPTY, "no records after the header");
      }
    } catch (IOException e) {
      reportUnreadable(input.lineNumber(), e);
    }
    stopped = true;
    return null;
  }

  /**
   * One record's characters as read, lines {@code line} to {@code endLine}.
   *
   * @param unclosed whether the file ended inside a quoted field
   */
  private record RawRecord(
      long line,
      long endLine,
      String text,
      String invalidUtf8,
      boolean oversized,
      boolean unclosed) {
    boolean spansLines() {
      return endLine > line;
    }

    /**
     * "record (lines 3-5, 3 lines)", or "record" for one line: a quote that did not close where the
     * writer meant takes the lines up to the next closing quote with it, and how many it took is
     * the size of the loss.
     */
    String describe() {
      return spansLines()
          ? String.format(
              Locale.ROOT, "record (lines %d-%d, %,d lines)", line, endLine, endLine - line + 1)
          : "record";
    }
  }

  /**
   * The next non-blank record, following quoted fields across lines; null at the end of the file.
   */
  private RawRecord nextRecord() throws IOException {
    while (input.nextLine()) {
      long start = input.lineNumber();
      record.setLength(0);
      Boundary boundary = new Boundary(delimiter);
      String invalidUtf8 = readLine(boundary, null);
      boolean unclosed = false;
      while (boundary.inQuotes()) {
        if (!input.nextLine()) {
          unclosed = true;
          break;
        }
        if (lineEndedWithCarriageReturn) {
          appendBounded('\r'); // a CRLF inside a quoted field is kept as it was
        }
        appendBounded('\n');
        invalidUtf8 = readLine(boundary, invalidUtf8);
      }
      if (!isBlank(record) || invalidUtf8 != null) {
        return new RawRecord(
            start,
            input.lineNumber(),
            record.toString(),
            invalidUtf8,
            record.length() > maxBufferedCharacters,
            unclosed);
      }
    }
    return null;
  }

  /**
   * Appends the current line to {@link #record} (up to the buffer limit) and feeds every character
   * to {@code boundary}. A trailing carriage return is held back: it ends the record if the line
   * does (a CRLF record end), and is put back if a quoted field goes on.
   *
   * @return the first invalid UTF-8 found in the record so far, described, or null
   */
  private String readLine(Boundary boundary, String invalidUtf8) throws IOException {
    Reader reader = input.lineReader();
    boolean carriageReturn = false;
    while (true) {
      int read;
      try {
        read = reader.read(chunk, 0, chunk.length);
      } catch (Utf8Input.InvalidUtf8Exception e) {
        // Decoding resumes after the bad bytes, so the quoting of the rest of the line is known.
        if (invalidUtf8 == null) {
          invalidUtf8 = "invalid UTF-8 at byte " + e.byteOffset;
        }
        continue;
      }
      if (read < 0) {
        lineEndedWithCarriageReturn = carriageReturn;
        return invalidUtf8;
      }
      for (int i = 0; i < read; i++) {
        char c = chunk[i];
        if (carriageReturn) {
          boundary.accept('\r');
          appendBounded('\r');
        }
        carriageReturn = c == '\r';
        if (!carriageReturn) {
          boundary.accept(c);
          appendBounded(c);
        }
      }
    }
  }

  private static boolean isBlank(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private void appendBounded(char c) {
    if (record.length() <= maxBufferedCharacters) {
      record.append(c);
    }
  }

  /**
   * The record's document, or null after reporting why it is skipped. A record whose quote is never
   * closed has swallowed the rest of the file: only its first line is known to be bad, so reading
   * starts again on the next line.
   */
  private Document parse(RawRecord raw) throws IOException {
    long line = raw.line();
    boolean header = idColumn < 0;
    if (!header) {
      dataRecords++;
    }
    if (raw.oversized() && !raw.unclosed()) {
      report(
          source,
          line,
          null,
          InputProblem.Kind.OVERSIZED,
          String.format(
              Locale.ROOT,
              "record longer than %,d characters, too long to buffer; %s skipped",
              maxBufferedCharacters,
              header ? "file" : raw.describe()));
      stopped = header;
      return null;
    }
    List<String> fields;
    try {
      fields = fields(raw);
    } catch (IOException | IllegalStateException e) {
      String message = e.getMessage();
      // Only a quote left open to the end of the file is read again from the next line: its
      // first line is all that is known to be bad. A record whose quotes close was delimited as
      // the quoting says, so its lines are its own text, and reading them as records would make
      // up documents from the lines of a story.
      boolean resume = !header && raw.unclosed() && resumes < MAXIMUM_RESUMES;
      String outcome;
      if (header) {
        outcome = "file skipped";
      } else if (resume) {
        outcome = "line skipped, reading resumes on line " + (line + 1);
      } else if (raw.unclosed()) {
        outcome =
            String.format(
                Locale.ROOT,
                "rest of file (lines %d-%d) skipped (too many unclosed quotes to read again)",
                line,
                raw.endLine());
      } else {
        outcome = raw.describe() + " skipped";
      }
      report(
          source,
          line,
          null,
          InputProblem.Kind.MALFORMED_CSV,
          "malformed CSV (" + limit(message) + "); " + outcome);
      stopped = header;
      if (resume) {
        resumes++;
        reopen(line);
      }
      return null;
    }
    if (header) {
      readHeader(line, fields, raw.invalidUtf8());
      return null;
    }
    String id =
        fields.size() > idColumn && !fields.get(idColumn).isBlank() ? fields.get(idColumn) : null;
    if (raw.invalidUtf8() != null) {
      report(
          source, line, id, InputProblem.Kind.INVALID_UTF8, raw.invalidUtf8() + "; record skipped");
      return null;
    }
    if (fields.size() != columns) {
      report(
          source,
          line,
          id,
          InputProblem.Kind.MALFORMED_CSV,
          fields.size()
              + (fields.size() == 1 ? " field" : " fields")
              + " where the header has "
              + columns
              + "; record skipped");
      return null;
    }
    if (id == null) {
      report(
          source, line, null, InputProblem.Kind.INVALID_FIELD, "\"id\" is blank; record skipped");
      return null;
    }
    String text = fields.get(textColumn);
    String language = languageColumn < 0 ? null : fields.get(languageColumn);
    String languageProblem = null;
    if (language != null) {
      languageProblem = languageHintProblem("column \"lang\"", language);
      if (languageProblem != null || language.isBlank()) {
        language = null;
      }
    }
    Document document = accept(source, line, id, text, text.length(), language);
    if (document != null && languageProblem != null) {
      reportIgnoredLanguage(source, line, id, languageProblem);
    }
    return document;
  }

  private List<String> fields(RawRecord raw) throws IOException {
    if (raw.unclosed()) {
      throw new IOException(
          String.format(
              Locale.ROOT,
              "a quoted field opened in this record is never closed: it runs %,d lines to the end"
                  + " of the file",
              raw.endLine() - raw.line() + 1));
    }
    try (CSVParser parser = CSVParser.parse(raw.text(), format)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        // Commons CSV ends a record at a lone CR too; the lines here were split at LF only.
        throw new IOException(
            "a carriage return outside quotes ends a record; quote the field that holds it");
      }
      return records.get(0).toList();
    } catch (UncheckedIOException e) {
      throw withoutPosition(e.getCause());
    } catch (IOException e) {
      throw withoutPosition(e);
    }
  }

  /**
   * Commons CSV's message without the line and position it gives, which count within the record
   * (the problem names the record's line in the file).
   */
  private static IOException withoutPosition(IOException e) {
    String message = String.valueOf(e.getMessage());
    message = message.replaceAll("^\\(line \\d+\\)\\s*", "");
    message = message.replaceAll("\\s*at line: \\d+, position: \\d+", "");
    return new IOException(message, e);
  }

  private void readHeader(long line, List<String> names, String invalidUtf8) {
    String problem = invalidUtf8;
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < names.size() && problem == null; i++) {
      String name = names.get(i).strip().toLowerCase(Locale.ROOT);
      if (seen.contains(name) && !name.isEmpty()) {
        problem = "the header names column \"" + abbreviate(name) + "\" twice";
      }
      seen.add(name);
    }
    if (problem == null && !seen.contains("id")) {
      problem = "the header has no \"id\" column";
    } else if (problem == null && !seen.contains("text")) {
      problem = "the header has no \"text\" column";
    }
    if (problem != null) {
      report(
          source,
          line,
          null,
          invalidUtf8 != null ? InputProblem.Kind.INVALID_UTF8 : InputProblem.Kind.MISSING_FIELD,
          problem + " (expected a header row naming id, text and optionally lang); file skipped");
      stopped = true;
      return;
    }
    columns = seen.size();
    idColumn = seen.indexOf("id");
    textColumn = seen.indexOf("text");
    languageColumn = seen.indexOf("lang");
  }

  /**
   * Where a record ends: RFC 4180 quoting, as Commons CSV reads it. A quote opens a quoted field
   * only as a field's first character; inside one, two quotes are a quote. A quote closes the field
   * only where Commons CSV would accept it as closing: followed by the delimiter, a line break or
   * the end of the input, with only whitespace between. Any other quote inside a quoted field is
   * taken as part of its text and the field goes on, so a stray quote (an unescaped {@code "no"} in
   * a story, a quote typed before an id) makes the record end at the next real closing quote: the
   * parser then rejects that one record, where closing early would turn the story's later lines
   * into records. A line break inside a quoted field belongs to the field, any other ends the
   * record.
   */
  static final class Boundary {
    private final char delimiter;
    private boolean fieldStart = true;
    private boolean quoted;

    /** Inside a quoted field, just after a quote: a second quote makes it a quote of the text. */
    private boolean quoteInQuoted;

    /** After that quote, only whitespace so far: it may still close the field. */
    private boolean whitespaceAfterQuote;

    Boundary(char delimiter) {
      this.delimiter = delimiter;
    }

    void accept(char c) {
      if (!quoted) {
        if (fieldStart && c == '"') {
          quoted = true;
          fieldStart = false;
        } else {
          fieldStart = c == delimiter;
        }
      } else if (quoteInQuoted || whitespaceAfterQuote) {
        boolean doubled = quoteInQuoted && c == '"';
        quoteInQuoted = false;
        whitespaceAfterQuote = false;
        if (doubled) {
          return; // "" is one quote of the text
        }
        if (c == delimiter || c == '\r') {
          // Closed. Commons CSV ends the record at a lone CR, so a field starts after it too.
          quoted = false;
          fieldStart = true;
        } else if (Character.isWhitespace(c)) {
          whitespaceAfterQuote = true; // Commons CSV skips it before a delimiter or line end
        } else {
          quoteInQuoted = c == '"'; // the quote was text; this one may close the field
        }
      } else if (c == '"') {
        quoteInQuoted = true;
      }
    }

    /**
     * Whether the record goes on past a line break here: not after a quote that the line break
     * closes.
     */
    boolean inQuotes() {
      return quoted && !quoteInQuoted && !whitespaceAfterQuote;
    }
  }
}
