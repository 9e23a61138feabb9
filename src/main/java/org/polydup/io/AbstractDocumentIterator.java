package org.polydup.io;

import java.util.HashSet;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.polydup.Document;
import org.polydup.internal.Utf16;
import org.polydup.lang.LanguageIdentifier;

/** The checks shared by every input type: empty text, duplicate ids, truncation. */
abstract class AbstractDocumentIterator implements DocumentIterator {
  private static final int MESSAGE_LIMIT = 200;

  final int maxCharacters;
  private final Consumer<? super InputProblem> problems;
  private final Set<String> keptIds = new HashSet<>();
  private Document pending;
  private boolean finished;

  /** Where a document was read: its file or stream, and the line it starts on. */
  private record Origin(String source, long line) {}

  private static final Origin NOWHERE = new Origin(null, 0);

  /**
   * Where the last document {@link #accept} kept, the pending one and the last returned were read.
   */
  private Origin accepted = NOWHERE;

  private Origin pendingOrigin = NOWHERE;
  private Origin returned = NOWHERE;

  AbstractDocumentIterator(int maxCharacters, Consumer<? super InputProblem> problems) {
    this.maxCharacters = maxCharacters;
    this.problems = problems;
  }

  /** The next good document, or {@code null} when the input is exhausted. */
  abstract Document computeNext();

  /**
   * Why this input may give two documents the id {@code id}, to end the duplicate-id message with
   * (starting with "; "), or "" when there is nothing to add.
   */
  String duplicateIdCause(String id) {
    return "";
  }

  /** Releases the open file; called once. */
  abstract void release();

  @Override
  public final boolean hasNext() {
    if (pending == null && !finished) {
      pending = computeNext();
      if (pending == null) {
        close();
      } else {
        pendingOrigin = accepted;
      }
    }
    return pending != null;
  }

  @Override
  public final Document next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Document document = pending;
    pending = null;
    returned = pendingOrigin;
    return document;
  }

  @Override
  public final String source() {
    return returned.source();
  }

  @Override
  public final long line() {
    return returned.line();
  }

  @Override
  public final void close() {
    if (!finished) {
      finished = true;
      release();
    }
  }

  final void report(String source, long line, String id, InputProblem.Kind kind, String message) {
    problems.accept(new InputProblem(source, line, id, kind, message));
  }

  /**
   * Applies the shared checks to a decoded document.
   *
   * @param text at most {@link #maxCharacters} characters (plus any excess, which is cut here)
   * @param totalLength the full length of the text in characters, or -1 if not known
   * @return the document, or {@code null} if it was skipped
   */
  final Document accept(
      String source, long line, String id, CharSequence text, long totalLength, String language) {
    if (isBlank(text)) {
      report(
          source,
          line,
          id,
          InputProblem.Kind.EMPTY,
          (text.length() == 0 ? "empty text" : "blank text") + "; document skipped");
      return null;
    }
    int sample = Math.min(text.length(), Utf8Input.SNIFF_LENGTH);
    int controls = controlCharacters(text, sample);
    if (Utf8Input.mostlyControls(controls, sample)) {
      report(
          source,
          line,
          id,
          InputProblem.Kind.BINARY,
          "binary text ("
              + (100L * controls / sample)
              + "% control characters in its first "
              + sample
              + "); document skipped");
      return null;
    }
    if (keptIds.contains(id)) {
      report(
          source,
          line,
          id,
          InputProblem.Kind.DUPLICATE_ID,
          "duplicate id \""
              + abbreviate(id)
              + "\"; the first document with it is kept"
              + duplicateIdCause(id));
      return null;
    }
    String kept;
    if (text.length() > maxCharacters) {
      int cut = Utf16.safeCut(text, maxCharacters);
      kept = text.subSequence(0, cut).toString();
      report(
          source,
          line,
          id,
          InputProblem.Kind.TRUNCATED,
          (totalLength > 0
                  ? String.format(Locale.ROOT, "text of %,d characters", totalLength)
                  : String.format(Locale.ROOT, "text longer than %,d characters", maxCharacters))
              + String.format(Locale.ROOT, " truncated to %,d", cut)
              + " (maxCharacters); document kept");
    } else {
      kept = text.toString();
    }
    keptIds.add(id);
    accepted = new Origin(source, line);
    return new Document(id, kept, language);
  }

  /** A hint shaped like a language code: two or three letters, maybe with subtags. */
  private static final Pattern CODE_SHAPED = Pattern.compile("[A-Za-z]{2,3}([-_].*)?");

  /**
   * Why a language hint is ignored, or {@code null} when it is usable: a language code, or blank
   * (no hint).
   *
   * @param label how the hint is named in the message, e.g. {@code "lang"} in quotes
   */
  static String languageHintProblem(String label, String language) {
    if (language.isBlank() || LanguageIdentifier.isLanguageCode(language)) {
      return null;
    }
    // Shaped like a code (zz, mul): say why it is not one, rather than show what one looks like.
    boolean codeShaped = CODE_SHAPED.matcher(language.strip()).matches();
    return label
        + " \""
        + abbreviate(language)
        + (codeShaped
            ? "\" is not a language CLDR knows (nor a private-use code, qaa to qtz)"
            : "\" is not a language code such as \"de\" or \"pt-BR\"");
  }

  /** Reports a kept document whose language hint was ignored. */
  final void reportIgnoredLanguage(String source, long line, String id, String problem) {
    report(
        source,
        line,
        id,
        InputProblem.Kind.IGNORED_LANGUAGE,
        problem + "; ignored, the language is detected");
  }

  /** A parser's message on one line, at most 200 characters. */
  static String limit(String message) {
    if (message == null) {
      return "no detail";
    }
    String oneLine = message.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() <= MESSAGE_LIMIT
        ? oneLine
        : oneLine.substring(0, MESSAGE_LIMIT - 3) + "...";
  }

  static String abbreviate(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }

  /**
   * The control characters ({@link Utf8Input#isControl}) among the first {@code sample} characters
   * of {@code text}. A text where they are over 30% ({@link Utf8Input#mostlyControls}) is binary,
   * as a {@code .txt} file's first {@link Utf8Input#SNIFF_LENGTH} bytes are: a JSONL or CSV text of
   * escaped control characters was scanned as a story while the same bytes in a {@code .txt} file
   * were refused (a reviewer, session 31). A single NUL does not refuse a text here, unlike a file:
   * escaped in JSON it is a scraper's artefact in an otherwise readable story.
   */
  static int controlCharacters(CharSequence text, int sample) {
    int controls = 0;
    for (int i = 0; i < sample; i++) {
      if (Utf8Input.isControl(text.charAt(i))) {
        controls++;
      }
    }
    return controls;
  }

  private static boolean isBlank(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i)) && !Character.isSpaceChar(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
