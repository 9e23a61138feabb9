package org.polydup.internal;

/**
 * Java strings may hold unpaired surrogates (text decoded from {@code \}{@code uD800} escapes),
 * which UTF-8 cannot encode: the checks and the repair the writers share. Not public API.
 */
public final class Utf16 {
  private Utf16() {}

  /** Whether every surrogate in {@code text} is half of a pair. */
  public static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** {@code text} with each unpaired surrogate replaced by U+FFFD; {@code text} itself if none. */
  public static String wellFormed(String text) {
    if (isWellFormed(text)) {
      return text;
    }
    StringBuilder result = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        result.append(c).append(text.charAt(i + 1));
        i++;
      } else if (Character.isSurrogate(c)) {
        result.append('\uFFFD');
      } else {
        result.append(c);
      }
    }
    return result.toString();
  }
}
