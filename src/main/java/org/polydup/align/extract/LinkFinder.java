package org.polydup.align.extract;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the links of a text (web addresses, e-mail addresses, {@code @handles} and bare domains)
 * and gives each the form its key is made from. Links cannot be translated, so a translation keeps
 * them; the word segmentation would cut them into pieces, so {@link EntityExtractor} takes them out
 * first.
 */
final class LinkFinder {
  /**
   * Web addresses, e-mail addresses, {@code @handles}, and bare domains under common endings. Every
   * part has a length bound no real link exceeds (an address's 2,048 characters, an e-mail's
   * 64-character local part and 253-character domain, 63 characters a label and 9 labels before the
   * ending): unbounded, the e-mail alternative ran from each start position to the end of a long
   * run of letters, quadratic in it (an 80,000-character run took 28 s), and the labels' repetition
   * recursed once per label inside {@code java.util.regex}, so a run like {@code a.a.a.} of 4,000
   * characters overflowed the stack.
   */
  static final Pattern LINK =
      Pattern.compile(
          "(?:https?://|www\\.)[^\\s<>\"'()]{1,2048}"
              + "|[\\p{L}0-9._%+-]{1,64}@[\\p{L}0-9.-]{1,253}\\.[a-z]{2,63}"
              + "|(?<![\\p{L}0-9])@[A-Za-z0-9_]{2,64}"
              + "|(?<![\\p{L}0-9@.])[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){0,8}\\.(?:com|org|net|gov|"
              + "edu|info|io|it|ua|ru|de|uk|fr|cz|pl|hr|is|jp|cn|es|eu)(?![\\p{L}0-9])",
          Pattern.CASE_INSENSITIVE);

  private LinkFinder() {}

  /**
   * The {@link #LINK} matches of {@code text} as start, end pairs: the same as {@code find()} over
   * the whole text, but run only on the stretches without regex whitespace ({@code \s}) that hold
   * what every alternative needs: an {@code @}, a {@code :} ({@code https://}), or a {@code .}
   * followed by an ASCII letter (a domain ending, matched without Unicode case folding) or followed
   * by anything and preceded by a {@code w} ({@code www.}). No alternative matches whitespace, and
   * transparent bounds let the look-arounds see past the stretch. Scanning every position of the
   * text (the e-mail and domain alternatives run through each word from each of its letters) took
   * as long as the word segmentation; scanning every stretch with a {@code .} still took 7% of the
   * extraction, as every sentence ends with one.
   */
  static int[] linkSpans(String text) {
    int[] spans = new int[8];
    int count = 0;
    Matcher links = null;
    int length = text.length();
    int from = 0;
    while (from < length) {
      while (from < length && isRegexWhitespace(text.charAt(from))) {
        from++;
      }
      int to = from;
      boolean marked = false;
      for (; to < length; to++) {
        char c = text.charAt(to);
        if (isRegexWhitespace(c)) {
          break;
        }
        marked |=
            c == '@'
                || c == ':'
                || (to > from
                    && text.charAt(to - 1) == '.'
                    && (isAsciiLetter(c) || (to - 2 >= from && isW(text.charAt(to - 2)))));
      }
      if (marked) {
        if (links == null) {
          links = LINK.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        }
        links.region(from, to);
        while (links.find()) {
          if (count + 2 > spans.length) {
            spans = Arrays.copyOf(spans, spans.length * 2);
          }
          spans[count++] = links.start();
          spans[count++] = links.end();
        }
      }
      from = to;
    }
    return Arrays.copyOf(spans, count);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isW(char c) {
    return c == 'w' || c == 'W';
  }

  /** Java regex {@code \s} without {@link Pattern#UNICODE_CHARACTER_CLASS}. */
  private static boolean isRegexWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
  }

  /**
   * The form of a link its key is made from: lower case, without its scheme, {@code www.} or
   * trailing punctuation, so that the same address written either way meets.
   */
  static String linkForm(String surface) {
    String lower = surface.toLowerCase(Locale.ROOT);
    lower = lower.replaceFirst("^(?:https?://)?(?:www\\.)?", "");
    int end = lower.length();
    while (end > 0 && ".,;:!?/".indexOf(lower.charAt(end - 1)) >= 0) {
      end--;
    }
    return lower.substring(0, end);
  }
}
