package org.polydup.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.text.Transliterator;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Transliterating through the builder must give exactly what ICU's own buffer gives. */
class TransliterationBufferTest {
  /**
   * Random strings of each script's letters, with marks, digits, spaces, lone surrogates and
   * supplementary characters mixed in, through every transform {@link KeyEncoder} uses.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Katakana-Latin; Hiragana-Latin; Latin-ASCII",
        "Devanagari-Latin; Latin-ASCII",
        "Any-Latin; Latin-ASCII",
        "Han-Latin; Latin-ASCII",
        "Traditional-Simplified; Han-Latin",
        "Ukrainian-Latin/BGN; Latin-ASCII",
        "Russian-Latin/BGN; Latin-ASCII",
        "Cyrillic-Latin; Latin-ASCII"
      })
  void transliterate_matchesIcusOwnBuffer_onRandomText(String transform) {
    Transliterator transliterator = Transliterator.getInstance(transform);
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    int[][] ranges = {
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
    for (int n = 0; n < 2000; n++) {
      StringBuilder text = new StringBuilder();
      int[] home = ranges[random.nextInt(ranges.length)];
      for (int k = random.nextInt(0, 12); k > 0; k--) {
        int[] range = random.nextInt(4) == 0 ? ranges[random.nextInt(ranges.length)] : home;
        text.appendCodePoint(random.nextInt(range[0], range[1] + 1));
      }
      String word = text.toString();
      assertEquals(
          outcome(() -> transliterator.transliterate(word)),
          outcome(() -> TransliterationBuffer.transliterate(transliterator, word)),
          "seed " + seed + ": " + word);
    }
  }

  /**
   * The result, or the exception thrown: some transforms reject text ICU's own buffer also rejects
   * (lone surrogates under Any-Latin), and the builder must fail the same way.
   */
  private static String outcome(Supplier<String> transliteration) {
    try {
      return "result " + transliteration.get();
    } catch (RuntimeException e) {
      return "threw " + e;
    }
  }
}
