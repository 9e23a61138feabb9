package org.polydup.text;

import java.util.Locale;
import java.util.Set;

/**
 * Markup remnants in a news text, which {@link TextAnalyzer} skips as separators: tags of known
 * HTML elements ({@code <br>}, {@code <p class=x>}, {@code </div>}) and comments ({@code <!--
 * -->}). Any other {@code <} ({@code <3}, {@code x <y}) is text.
 */
final class Markup {
  private static final int MAXIMUM_TAG_LENGTH = 512;
  private static final int MAXIMUM_COMMENT_LENGTH = 4096;

  /** HTML elements whose tags are skipped; any other {@code <...>} is kept as text. */
  private static final Set<String> TAG_NAMES =
      Set.of(
          ("a abbr article aside audio b big blockquote body br button caption center cite "
                  + "code dd div dl dt em embed figcaption figure font footer form h1 h2 h3 h4 h5 h6 "
                  + "head header hr html i iframe img input label li link main mark meta nav noscript "
                  + "ol p picture pre q s script section small source span strike strong style sub "
                  + "sup table tbody td tfoot th thead time title tr u ul video wbr")
              .split(" "));

  private Markup() {}

  /**
   * Returns the position after a markup tag starting at {@code position}, or -1. The tag ends by
   * {@code limit}; {@code text[0..textLength)} holds the characters that may be read, at least to
   * {@code limit}, so that a comment opener at the limit is seen as the whole text would show it.
   */
  static int tagEnd(char[] text, int position, int limit, int textLength) {
    int i = position + 1;
    if (i >= limit) {
      return -1;
    }
    char first = text[i];
    if (first == '!') {
      int searchLimit = Math.min(limit, position + MAXIMUM_COMMENT_LENGTH);
      if (startsComment(text, i, textLength)) {
        // Searched only as far as a comment may reach: to the end of the text, a page of "<!--"
        // without closes was quadratic (400,000 characters took 14 s).
        int close = commentClose(text, i + 3, searchLimit);
        return close >= 0 ? close + 3 : -1;
      }
      return closingBracket(text, i, Math.min(limit, position + MAXIMUM_TAG_LENGTH));
    }
    if (first == '/') {
      i++;
    }
    int nameStart = i;
    while (i < limit && i - nameStart <= 10 && isAsciiLetterOrDigit(text[i])) {
      i++;
    }
    if (i == nameStart || i >= limit) {
      return -1;
    }
    char after = text[i];
    if (after != '>' && after != '/' && !Character.isWhitespace(after)) {
      return -1;
    }
    if (!TAG_NAMES.contains(new String(text, nameStart, i - nameStart).toLowerCase(Locale.ROOT))) {
      return -1;
    }
    return closingBracket(text, i, Math.min(limit, position + MAXIMUM_TAG_LENGTH));
  }

  /** {@code "!--".equals(text[i..i+3))}, false past {@code length}, as String.startsWith. */
  private static boolean startsComment(char[] text, int i, int length) {
    return i + 3 <= length && text[i] == '!' && text[i + 1] == '-' && text[i + 2] == '-';
  }

  /**
   * The first {@code "-->"} at or after {@code from} in {@code text[0..length)}, or -1. Where
   * String.indexOf would find one past the copy, its end is past the limit, where a comment does
   * not count either.
   */
  private static int commentClose(char[] text, int from, int length) {
    for (int i = from; i + 3 <= length; i++) {
      if (text[i] == '-' && text[i + 1] == '-' && text[i + 2] == '>') {
        return i;
      }
    }
    return -1;
  }

  private static int closingBracket(char[] text, int from, int searchLimit) {
    for (int i = from; i < searchLimit; i++) {
      char c = text[i];
      if (c == '>') {
        return i + 1;
      }
      if (c == '<') {
        return -1;
      }
    }
    return -1;
  }

  /** An ASCII letter or digit: what the names of tags and entities are made of. */
  static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
