package org.polydup.internal;

/**
 * Java strings may hold unpaired surrogates (text decoded from {@code \}{@code uD800} escapes),
 * which UTF-8 cannot encode: the checks and the repair the writers share. Not public API.
 */
public final class Utf16 {
  private Utf16() {}

  /** Whether every surrogate in {@code text} is half of a pair. */
  public static boolean isWellFormed(String text) {
    return nextUnpaired(text, 0) < 0;
  }

  /** The index of the first unpaired surrogate at or after {@code from}, or -1. */
  public static int nextUnpaired(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code at}, moved back one when it would fall between the two halves of a surrogate pair: where
   * to cut {@code text} so that neither side holds half a character.
   */
  public static int safeCut(CharSequence text, int at) {
    return at > 0
            && at < text.length()
            && Character.isHighSurrogate(text.charAt(at - 1))
            && Character.isLowSurrogate(text.charAt(at))
        ? at - 1
        : at;
  }

  /** {@code text} with each unpaired surrogate replaced by U+FFFD; {@code text} itself if none. */
  public static String wellFormed(String text) {
    int unpaired = nextUnpaired(text, 0);
    if (unpaired < 0) {
      return text;
    }
    StringBuilder result = new StringBuilder(text.length());
    int from = 0;
    while (unpaired >= 0) {
      result.append(text, from, unpaired).append('\uFFFD');
      from = unpaired + 1;
      unpaired = nextUnpaired(text, from);
    }
    return result.append(text, from, text.length()).toString();
  }
}
