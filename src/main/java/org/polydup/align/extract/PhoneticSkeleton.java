package org.polydup.align.extract;

/**
 * The consonant skeleton of a romanised word, in the spirit of Soundex/Metaphone: what {@link
 * KeyEncoder#nameKey} hashes. The rules, and why {@code l} and {@code r} share a class, are in
 * {@link KeyEncoder}'s rationale. Stateless.
 */
final class PhoneticSkeleton {
  private static final int SKELETON_LENGTH = 4;

  private PhoneticSkeleton() {}

  /**
   * The consonant skeleton of a lower-case ASCII word: a leading vowel becomes {@code A}, then
   * consonant classes {@code B K T S R M N} ({@code R} for both liquids), repeats collapsed, cut to
   * {@value #SKELETON_LENGTH}.
   */
  static String skeleton(String roman) {
    StringBuilder out = new StringBuilder(SKELETON_LENGTH);
    int length = roman.length();
    char last = 0;
    for (int i = 0; i < length && out.length() < SKELETON_LENGTH; ) {
      char c = roman.charAt(i);
      char next = i + 1 < length ? roman.charAt(i + 1) : 0;
      char afterNext = i + 2 < length ? roman.charAt(i + 2) : 0;
      char code;
      int advance = 1;
      if (c >= '0' && c <= '9') {
        code = c;
      } else if (isVowel(c)) {
        code = i == 0 ? 'A' : 0;
      } else {
        switch (c) {
          case 'b', 'p', 'f', 'v', 'w' -> {
            code = 'B';
            if (c == 'p' && next == 'h') {
              advance = 2;
            }
          }
          case 'k', 'g', 'q' -> {
            code = 'K';
            if (next == 'h') {
              advance = 2;
            }
          }
          case 'x' -> code = 'K';
          case 'c' -> {
            if (next == 'h') {
              code = 'S';
              advance = 2;
            } else if (next == 'k') {
              code = 'K';
              advance = 2;
            } else if (next == 'e' || next == 'i' || next == 'y') {
              code = 'S';
            } else {
              code = 'K';
            }
          }
          case 'd', 't' -> {
            code = 'T';
            if (c == 'd' && (next == 'z' || next == 'j')) {
              code = 'S';
              advance = next == 'z' && afterNext == 'h' ? 3 : 2;
            } else if (c == 't' && (next == 's' || next == 'z')) {
              code = 'S';
              advance = 2;
            } else if (next == 'h') {
              advance = 2;
            }
          }
          case 's', 'z', 'j' -> {
            code = 'S';
            if (next == 'h') {
              advance =
                  c == 's' && afterNext == 'c' && i + 3 < length && roman.charAt(i + 3) == 'h'
                      ? 4
                      : 2;
            } else if (c == 's' && next == 'c' && afterNext == 'h') {
              advance = 3;
            }
          }
          case 'l', 'r' -> code = 'R';
          case 'm' -> code = 'M';
          case 'n' -> {
            code = 'N';
            if (next == 'g' && afterNext == 0) {
              advance = 2;
            }
          }
          default -> code = 0; // h and anything else
        }
      }
      i += advance;
      if (code != 0 && code != last) {
        out.append(code);
      }
      if (code != 0) {
        last = code;
      }
    }
    return out.toString();
  }

  static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  }
}
