package org.polydup.align;

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
    char separator = 0;
    for (int i = 0; i < surface.length(); ) {
      int codePoint = surface.codePointAt(i);
      int digit = UCharacter.digit(codePoint, 10);
      if (digit >= 0) {
        digits.append((char) ('0' + digit));
      } else if (codePoint == ','
          || codePoint == '.'
          || codePoint == '\uff0c' // fullwidth, as Japanese writes ３５，０００
          || codePoint == '\uff0e'
          || codePoint == '\''
          || codePoint == '\u00a0'
          || codePoint == '\u202f'
          || codePoint == '\u066b'
          || codePoint == '\u066c') {
        separators++;
        lastSeparator = digits.length();
        separator = (char) codePoint;
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
    boolean grouping = separators > 1 || decimals == 3 && separator != '\u066b';
    if (grouping) {
      String joined = raw.replace("|", "");
      return joined.isEmpty() ? null : new BigDecimal(joined);
    }
    String decimal = raw.replace('|', '.');
    if (decimal.startsWith(".") || decimal.endsWith(".")) {
      return null;
    }
    return new BigDecimal(decimal);
  }
}
