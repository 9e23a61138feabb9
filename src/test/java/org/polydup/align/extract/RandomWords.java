package org.polydup.align.extract;

import java.util.SplittableRandom;

/**
 * Random short strings that mix the scripts {@link KeyEncoder} transliterates, for tests that hold
 * two ways of transliterating to the same output. Each string keeps mostly to one script, as a word
 * does, with a quarter of its characters from any other.
 */
final class RandomWords {
  /**
   * Hiragana, Katakana (with the prolonged sound mark and half-width forms), Devanagari, Cyrillic,
   * Greek, Latin with diacritics; combining marks, digits and spaces.
   */
  static final int[][] SCRIPTS = {
    {0x3041, 0x309f},
    {0x30a0, 0x30ff},
    {0xff66, 0xff9f},
    {0x0900, 0x097f},
    {0x0400, 0x04ff},
    {0x0370, 0x03ff},
    {0x00c0, 0x017f},
    {0x0300, 0x036f},
    {'a', 'z'},
    {'0', '9'},
    {' ', ' '}
  };

  /** {@link #SCRIPTS} with Han, lone surrogates and supplementary (astral) Han as well. */
  static final int[][] SCRIPTS_HAN_AND_SURROGATES = {
    {0x3041, 0x309f},
    {0x30a0, 0x30ff},
    {0xff66, 0xff9f},
    {0x4e00, 0x4fff},
    {0x0900, 0x097f},
    {0x0400, 0x04ff},
    {0x0370, 0x03ff},
    {0x00c0, 0x017f},
    {0x0300, 0x036f},
    {0xd800, 0xdfff},
    {0x20000, 0x200ff},
    {'a', 'z'},
    {'0', '9'},
    {' ', ' '}
  };

  private RandomWords() {}

  /** A string of {@code minimumLength} to 11 code points drawn from {@code ranges}. */
  static String next(SplittableRandom random, int[][] ranges, int minimumLength) {
    StringBuilder text = new StringBuilder();
    int[] home = ranges[random.nextInt(ranges.length)];
    for (int k = random.nextInt(minimumLength, 12); k > 0; k--) {
      int[] range = random.nextInt(4) == 0 ? ranges[random.nextInt(ranges.length)] : home;
      text.appendCodePoint(random.nextInt(range[0], range[1] + 1));
    }
    return text.toString();
  }
}
