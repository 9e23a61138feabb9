package org.polydup.io;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One problem found while reading input: a document that was skipped, or one that was kept with a
 * change (truncated). Reading never stops at a problem; it is reported and the reader moves on.
 *
 * <p>{@link #toString()} gives the compiler-style form {@code docs.jsonl:17: malformed JSON at
 * column 5 (Unexpected character ...); line skipped}, and {@link #toMap()} the object written to
 * {@code problems.jsonl}.
 *
 * @param source the file the problem is in, as a path string; never null
 * @param line 1-based line number in {@code source} (for a {@code .txt} file: the line the problem
 *     starts on, where one is known), or 0 when the problem concerns the whole file
 * @param documentId the document's id when it is known, otherwise {@code null}
 * @param kind what went wrong; never null
 * @param message a human-readable description without the location prefix; never null
 */
public record InputProblem(String source, long line, String documentId, Kind kind, String message) {

  /** How bad a problem is. */
  public enum Severity {
    /** The document was kept, with a change (for example truncated). */
    WARNING,
    /** The document (or the whole file) was skipped. */
    ERROR
  }

  /**
   * What went wrong. Every kind except {@link #TRUNCATED}, {@link #IGNORED_LANGUAGE} and {@link
   * #UNKNOWN_ID} means the document was skipped.
   */
  public enum Kind {
    /**
     * Empty file, a JSONL file without lines, a folder without {@code .txt} files, or a document
     * whose text is empty or blank.
     */
    EMPTY,
    /**
     * The file looks binary (NUL bytes, or mostly control characters, in its first 8000 bytes), or
     * a JSONL or CSV text is mostly control characters (over 30% of its first 8000 characters).
     */
    BINARY,
    /** Bytes that are not valid UTF-8 (including UTF-16 files); the whole document is skipped. */
    INVALID_UTF8,
    /**
     * A JSONL line that is not JSON, not a JSON object, has content after the object, or holds a
     * value beyond the parser's limits (nested over 1,000 levels deep, a number over 1,000 digits).
     */
    MALFORMED_JSON,
    /**
     * A CSV or TSV record that Commons CSV cannot parse (text after a closing quote, a quoted field
     * never closed), or whose number of fields differs from the header's.
     */
    MALFORMED_CSV,
    /**
     * A JSONL object without {@code id} or {@code text}, or a CSV header without an {@code id} or
     * {@code text} column (then the whole file is skipped).
     */
    MISSING_FIELD,
    /**
     * A JSONL {@code id} or {@code text} that is null, not a string, or (for {@code id}) blank; a
     * blank CSV {@code id}.
     */
    INVALID_FIELD,
    /** An id already seen in this input; the first document with that id is kept. */
    DUPLICATE_ID,
    /**
     * A JSONL line with a string, or a CSV record, too long to buffer (over 100,000,000 characters,
     * or over {@code maxCharacters} if that is larger); it is skipped.
     */
    OVERSIZED,
    /** A document longer than the configured maximum; it is kept, cut to the maximum. */
    TRUNCATED,
    /**
     * A JSONL {@code lang} (or CSV {@code lang} column) that is not a string or not a language code
     * ({@link org.polydup.lang.LanguageIdentifier#isLanguageCode}); the document is kept and its
     * language detected, as if no {@code lang} were given.
     */
    IGNORED_LANGUAGE,
    /** A file that could not be read (I/O error, corrupt gzip); documents before the error stay. */
    UNREADABLE,
    /** An id listed for removal from an index that does not hold it; nothing is removed. */
    UNKNOWN_ID;

    /**
     * {@link Severity#WARNING} for {@link #TRUNCATED} and {@link #IGNORED_LANGUAGE} (the document
     * is kept) and {@link #UNKNOWN_ID} (no document is concerned), {@link Severity#ERROR}
     * otherwise.
     */
    public Severity severity() {
      return this == TRUNCATED || this == IGNORED_LANGUAGE || this == UNKNOWN_ID
          ? Severity.WARNING
          : Severity.ERROR;
    }

    /** The lower-case name used in JSON output, e.g. {@code "malformed_json"}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Validates the fields.
   *
   * @throws NullPointerException if {@code source}, {@code kind} or {@code message} is null
   * @throws IllegalArgumentException if {@code line} is negative
   */
  public InputProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, got " + line);
    }
  }

  /** The severity of this problem's kind. */
  public Severity severity() {
    return kind.severity();
  }

  /**
   * The problem as an ordered map for JSON output, with the keys {@code source}, {@code line},
   * {@code id} (only when known), {@code kind}, {@code severity} and {@code message}.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("source", source);
    map.put("line", line);
    if (documentId != null) {
      map.put("id", documentId);
    }
    map.put("kind", kind.label());
    map.put("severity", severity().name().toLowerCase(Locale.ROOT));
    map.put("message", message);
    return map;
  }

  /** {@code source:line: message}, or {@code source: message} when the line is 0. */
  @Override
  public String toString() {
    return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
  }
}
