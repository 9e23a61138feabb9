package org.polydup.align.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A thread's own copy of a transform must transliterate exactly as the shared transform does. */
class OwnTransliteratorTest {
  private static final String KANA = "Katakana-Latin; Hiragana-Latin; Latin-ASCII";

  @Test
  void copy_matchesSharedTransform_onEveryJapaneseKanaWordOfTheFixture() throws IOException {
    Transliterator shared = Transliterator.getInstance(KANA);
    Transliterator copy = OwnTransliterator.copyOf(shared);
    List<String> words = new ArrayList<>(LetterRomaniserTest.wordsOf("ja", UScript.KATAKANA));
    words.addAll(LetterRomaniserTest.wordsOf("ja", UScript.HIRAGANA));
    assertTrue(words.size() > 100, "too few kana words in the fixture: " + words.size());
    for (String word : words) {
      assertEquals(shared.transliterate(word), copy.transliterate(word), word);
    }
  }

  /** Random strings of each script's letters, with marks, digits, spaces and Latin mixed in. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        KANA,
        "Devanagari-Latin; Latin-ASCII",
        "Any-Latin; Latin-ASCII",
        "Ukrainian-Latin/BGN; Latin-ASCII",
        "Russian-Latin/BGN; Latin-ASCII"
      })
  void copy_matchesSharedTransform_onRandomText(String transform) {
    Transliterator shared = Transliterator.getInstance(transform);
    Transliterator copy = OwnTransliterator.copyOf(shared);
    assertNotSame(shared, copy);
    long seed = transform.hashCode(); // fixed per transform, so a failure reproduces
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 0; n < 3000; n++) {
      String word = RandomWords.next(random, RandomWords.SCRIPTS, 1);
      assertEquals(
          shared.transliterate(word), copy.transliterate(word), "seed " + seed + ": " + word);
    }
  }

  @Test
  void copyOf_returnsTheSharedInstance_whenNoPartIsRuleBased() {
    Transliterator normaliser = Transliterator.getInstance("NFD");
    assertSame(normaliser, OwnTransliterator.copyOf(normaliser));
  }
}
