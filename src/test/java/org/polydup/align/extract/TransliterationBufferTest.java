package org.polydup.align.extract;

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
    // A fixed seed per transform: a failure names a word that reproduces it.
    long seed = transform.hashCode();
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 0; n < 2000; n++) {
      String word = RandomWords.next(random, RandomWords.SCRIPTS_HAN_AND_SURROGATES, 0);
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
