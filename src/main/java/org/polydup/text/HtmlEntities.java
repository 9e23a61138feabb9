package org.polydup.text;

import org.apache.commons.text.StringEscapeUtils;

/**
 * HTML entities in a news text ({@code &amp;}, {@code &#8217;}, {@code &#x2019;}, and the named
 * entities of commons-text's HTML 4 table), which {@link TextAnalyzer} decodes in place so that a
 * token keeps the offsets of the raw characters it came from. Anything else that starts with {@code
 * &} is text.
 */
final class HtmlEntities {
  private static final int MAXIMUM_ENTITY_LENGTH = 12;

  private HtmlEntities() {}

  /**
   * The position of the {@code ';'} closing an entity that starts with the {@code '&'} at {@code
   * position}: a name of ASCII letters, digits and {@code '#'}, at least one character long, the
   * whole within {@value #MAXIMUM_ENTITY_LENGTH} characters and {@code limit}; -1 if there is none.
   */
  static int closingSemicolon(char[] text, int position, int limit) {
    int searchLimit = Math.min(limit, position + MAXIMUM_ENTITY_LENGTH);
    int semicolon = -1;
    for (int i = position + 1; i < searchLimit; i++) {
      char c = text[i];
      if (c == ';') {
        semicolon = i;
        break;
      }
      if (!Markup.isAsciiLetterOrDigit(c) && c != '#') {
        return -1;
      }
    }
    if (semicolon < position + 2) {
      return -1;
    }
    return semicolon;
  }

  /**
   * The code point of the entity {@code text[position..semicolon]}, from {@code '&'} to {@code ';'}
   * ({@link #closingSemicolon}), or -1 if it is not a known entity or a valid numeric one.
   */
  static int codePoint(char[] text, int position, int semicolon) {
    if (text[position + 1] == '#') {
      return parseNumericEntity(text, position + 2, semicolon);
    }
    return namedEntity(new String(text, position, semicolon + 1 - position));
  }

  private static int parseNumericEntity(char[] text, int from, int to) {
    int radix = 10;
    if (from < to && (text[from] == 'x' || text[from] == 'X')) {
      radix = 16;
      from++;
    }
    if (from >= to || to - from > 7) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = Character.digit(text[i], radix);
      if (digit < 0) {
        return -1;
      }
      value = value * radix + digit;
    }
    if (value <= 0 || value > Character.MAX_CODE_POINT) {
      return -1;
    }
    return windows1252(value);
  }

  /** Browsers read {@code &#145;..&#151;} as Windows-1252 quotes and dashes; so do we. */
  private static int windows1252(int codePoint) {
    switch (codePoint) {
      case 133:
        return 0x2026;
      case 145:
        return 0x2018;
      case 146:
        return 0x2019;
      case 147:
        return 0x201C;
      case 148:
        return 0x201D;
      case 150:
        return 0x2013;
      case 151:
        return 0x2014;
      default:
        return codePoint;
    }
  }

  private static int namedEntity(String entity) {
    switch (entity) {
      case "&amp;":
        return '&';
      case "&quot;":
        return '"';
      case "&nbsp;":
        return 0xA0;
      case "&lt;":
        return '<';
      case "&gt;":
        return '>';
      case "&apos;":
        return '\'';
      default:
        String decoded = StringEscapeUtils.unescapeHtml4(entity);
        if (decoded.equals(entity) || decoded.codePointCount(0, decoded.length()) != 1) {
          return -1;
        }
        return decoded.codePointAt(0);
    }
  }
}
