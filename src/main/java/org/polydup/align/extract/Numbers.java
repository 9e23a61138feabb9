package org.polydup.align.extract;

import com.ibm.icu.lang.UCharacter;
import java.math.BigDecimal;

/**
 * Reads numbers written in decimal digits of any script with grouping or decimal separators, so
 * that the same number written the way different languages write it gives one value (an entity
 * key). One separator followed by exactly three digits groups thousands ({@code 1,500} and {@code
 * 1.500} are 1500) unless it is the Arabic decimal separator; followed by other counts it is a
 * decimal point ({@code 2,5} and {@code 2.5}). Two or more separators group: their digits are read
 * as one integer.
 */
final class Numbers {
  private Numbers() {}

  /** Whether {@code surface} is one or more decimal digits of any script. */
  static boolean isDigits(String surface) {
    for (int i = 0; i < surface.length(); i++) {
      if (UCharacter.digit(surface.charAt(i), 10) < 0) {
        return false;
      }
    }
    return !surface.isEmpty();
  }

  /** Parses digits of any script with grouping or decimal separators, or returns null. */
  static BigDecimal parseNumber(String surface) {
    StringBuilder digits = new StringBuilder(surface.length());
    int separators = 0;
    int lastSeparator = -1;
    int separator = -1;
    // The separator before the last kind began, when two kinds appear (the comma of 1,234.5).
    int grouping = -1;
    int lastKindCount = 0;
    for (int i = 0; i < surface.length(); ) {
      int codePoint = surface.codePointAt(i);
      int digit = UCharacter.digit(codePoint, 10);
      if (digit >= 0) {
        digits.append((char) ('0' + digit));
      } else if (isSeparator(codePoint)) {
        if (separator >= 0 && codePoint != separator) {
          if (grouping >= 0) {
            // A third kind, or the first kind again after the second (1,234.567,8): no number a
            // language writes.
            return null;
          }
          grouping = separator;
          lastKindCount = 0;
        }
        lastKindCount++;
        separators++;
        lastSeparator = digits.length();
        separator = codePoint;
        digits.append('|');
      } else {
        return null;
      }
      i += Character.charCount(codePoint);
    }
    if (digits.length() == 0 || digits.length() > 40) {
      return null;
    }
    String raw = digits.toString();
    if (separators == 0) {
      return new BigDecimal(raw);
    }
    int decimals = raw.length() - lastSeparator - 1;
    if (grouping >= 0) {
      // Two kinds: the last separator is the decimal point, and it comes once (1,234.5.6 is none).
      if (lastKindCount != 1 || raw.startsWith("|") || raw.contains("||")) {
        return null;
      }
      raw = raw.substring(0, lastSeparator).replace("|", "") + raw.substring(lastSeparator);
    } else if (separators > 1 || decimals == 3 && separator != '\u066b') {
      String joined = raw.replace("|", "");
      return joined.isEmpty() ? null : new BigDecimal(joined);
    }
    String decimal = raw.replace('|', '.');
    if (decimal.startsWith(".") || decimal.endsWith(".")) {
      return null;
    }
    return new BigDecimal(decimal);
  }

  /** The separators {@link #parseNumber} reads between digits. */
  private static boolean isSeparator(int codePoint) {
    return codePoint == ','
        || codePoint == '.'
        || codePoint == '\uff0c' // fullwidth, as Japanese writes ３５，０００
        || codePoint == '\uff0e'
        || codePoint == '\''
        || codePoint == '\u00a0'
        || codePoint == '\u202f'
        || codePoint == '\u066b'
        || codePoint == '\u066c';
  }
}
