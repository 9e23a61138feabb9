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
    if (end <= start) {
      return 0;
    }
    char[] chars = chars(text, start, end);
    int dense = 0;
    for (char c : chars) {
      dense += denseBit(c);
    }
    return end - start + 2 * dense;
  }

  /**
   * Whether {@link #weightedLength} of {@code [start, end)} exceeds {@code limit}, reading the
   * characters only when the plain length cannot tell: a weighted length lies between the plain
   * length and three times it. The align stage asks this of every gap between two aligned entities
   * of every reported pair, where copying each gap's characters was a tenth of the scan's
   * allocation on the bulk set.
   */
  public static boolean weightedLengthExceeds(CharSequence text, int start, int end, int limit) {
    long plain = Math.max(0, end - start);
    if (plain > limit) {
      return true;
    }
    if (3 * plain <= limit) {
      return false;
    }
    return weightedLength(text, start, end) > limit;
  }

  /**
   * How many lines {@code [start, end)} of {@code text} touches: one more than the line breaks
   * inside it, a run of breaks (a blank line between paragraphs) counting as one.
   */
  public static int lineCount(CharSequence text, int start, int end) {
    int lines = 1;
    int inBreak = 0;
    for (char c : chars(text, start, end)) {
      int isBreak = equalBit(c, '\n') | equalBit(c, '\r');
      lines += isBreak & (inBreak ^ 1);
      inBreak = isBreak;
    }
    return lines - inBreak;
  }

  /**
   * How many non-blank lines of {@code text} lie before {@code position}, counting at most {@code
   * limit} (the count stops there). A line counts when it holds a character other than whitespace
   * before {@code position}.
   */
  public static int linesBefore(CharSequence text, int position, int limit) {
    int lines = 0;
    boolean inLine = false;
    for (int k = 0; k < position && lines < limit; k++) {
      char c = text.charAt(k);
      if (c == '\n' || c == '\r') {
        inLine = false;
      } else if (!inLine && !Character.isWhitespace(c)) {
        inLine = true;
        lines++;
      }
    }
    return lines;
  }

  // The loops above read a copy of the characters and count with arithmetic, not branches. What
  // the JIT profiled as never happening (a text stored as UTF-16 after only Latin-1 ones, when
  // reading a String char by char; no Han so far; no carriage return) is compiled as a trap, and
  // the first text that springs it throws the whole compiled verification loop, into which these
  // are inlined, back to the interpreter to be compiled again: on bulk, Verifier.verify was
  // compiled five to nine times a run, up to half a second of compiler time each.

  /**
   * The characters {@code [start, end)} of {@code text}, copied; none when {@code end <= start}.
   */
  private static char[] chars(CharSequence text, int start, int end) {
    if (end <= start) {
      return new char[0];
    }
    char[] chars = new char[end - start];
    if (text instanceof String string) {
      string.getChars(start, end, chars, 0);
    } else {
      for (int i = start; i < end; i++) {
        chars[i - start] = text.charAt(i);
      }
    }
    return chars;
  }

  /** 1 when {@code c} is a Han, kana or Hangul character, else 0. */
  private static int denseBit(char c) {
    return inRange(c, 0x2E80, 0x9FFF) // CJK radicals, kana, CJK ideographs
        | inRange(c, 0xAC00, 0xD7AF) // Hangul syllables
        | inRange(c, 0xF900, 0xFAFF) // CJK compatibility ideographs
        | inRange(c, 0xFF66, 0xFF9F); // half-width katakana
  }

  /**
   * 1 when {@code low <= c <= high}, else 0: {@code c - low} is unsigned below the range's size.
   */
  private static int inRange(int c, int low, int high) {
    return (int) ((((c - low) & 0xFFFFFFFFL) - (high - low + 1)) >>> 63);
  }

  /**
   * 1 when {@code c == x}, else 0: {@code c ^ x} is in [0, 0xFFFF], below zero less one only at 0.
   */
  private static int equalBit(char c, char x) {
    return ((c ^ x) - 1) >>> 31;
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
