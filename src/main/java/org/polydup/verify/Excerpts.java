package org.polydup.verify;

/**
 * Tells a quoted excerpt from a preview snippet.
 *
 * <p>Sites quote each other in two ways that share text verbatim: a digest or a repost reproduces a
 * story's headline and whole opening sentences, while a link preview ("read also", a teaser under a
 * headline) shows a headline and a snippet of about 150–200 characters, cut wherever the limit
 * falls. Only the first is a copy. Two properties separate them without knowing the site: the
 * excerpt ends where a sentence or line of the source ends, and it is longer than a preview. Length
 * is counted in Latin-equivalent characters (a Han, kana or Hangul character counts as three),
 * because those scripts say in one character what Latin script says in two to four, and previews
 * there are about 70 characters long. A short excerpt is still told from a preview by its shape: it
 * opens the quoted story and runs on past the headline and first snippet, into the next paragraph
 * ({@link #lineCount}).
 */
public final class Excerpts {
  private Excerpts() {}

  /**
   * Whether {@code end} is the end of a sentence or line in {@code text}. An ellipsis there is not:
   * it is how previews mark the cut.
   */
  static boolean endsSentence(CharSequence text, int end) {
    int i = end;
    boolean stop = false;
    int dots = 0;
    while (i < text.length() && isClosing(text.charAt(i))) {
      char c = text.charAt(i);
      if (c == '…' || (c == '.' && ++dots >= 2)) {
        return false;
      }
      stop |= isSentenceFinal(c);
      i++;
    }
    if (i >= text.length()) {
      return true;
    }
    char next = text.charAt(i);
    if (next == '\n' || next == '\r') {
      return true;
    }
    boolean stoppedBefore = end > 0 && isSentenceFinal(text.charAt(end - 1));
    return (stop || stoppedBefore || i > end && isSentenceFinal(text.charAt(i - 1)))
        && Character.isWhitespace(next);
  }

  /**
   * Length of {@code [start, end)} in Latin-equivalent characters: a Han, kana or Hangul character
   * counts three, any other one.
   */
  public static int weightedLength(CharSequence text, int start, int end) {
    int n = 0;
    for (int i = start; i < end; i++) {
      n += isDense(text.charAt(i)) ? 3 : 1;
    }
    return n;
  }

  /**
   * How many lines {@code [start, end)} of {@code text} touches: one more than the line breaks
   * inside it, a run of breaks (a blank line between paragraphs) counting as one.
   */
  public static int lineCount(CharSequence text, int start, int end) {
    int lines = 1;
    boolean inBreak = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      boolean isBreak = c == '\n' || c == '\r';
      if (isBreak && !inBreak) {
        lines++;
      }
      inBreak = isBreak;
    }
    return inBreak ? lines - 1 : lines;
  }

  private static boolean isDense(char c) {
    return (c >= 0x2E80 && c <= 0x9FFF) // CJK radicals, kana, CJK ideographs
        || (c >= 0xAC00 && c <= 0xD7AF) // Hangul syllables
        || (c >= 0xF900 && c <= 0xFAFF) // CJK compatibility ideographs
        || (c >= 0xFF66 && c <= 0xFF9F); // half-width katakana
  }

  private static boolean isSentenceFinal(char c) {
    return c == '.' || c == '!' || c == '?' || c == '。' || c == '！' || c == '？';
  }

  private static boolean isClosing(char c) {
    return isSentenceFinal(c)
        || c == '…'
        || c == '"'
        || c == '\''
        || c == '»'
        || c == '”'
        || c == '’'
        || c == '“'
        || c == ')'
        || c == ']'
        || c == '」'
        || c == '』';
  }
}
