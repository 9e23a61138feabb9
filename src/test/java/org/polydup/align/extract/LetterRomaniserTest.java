package org.polydup.align.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The letter-wise romaniser must give what the whole-word ICU transform gives, after folding, on
 * real text: every distinct word of the syndication fixture (real WMT news in 11 languages, see
 * {@code testdata/syndication/README.md}) in the transform's script.
 */
class LetterRomaniserTest {
  private static final Path FIXTURE = Path.of("testdata/syndication/docs.jsonl");

  @ParameterizedTest
  @CsvSource({
    "uk, Ukrainian-Latin/BGN, CYRILLIC",
    "ru, Russian-Latin/BGN, CYRILLIC",
    "sah, Cyrillic-Latin, CYRILLIC",
    "zh, Han-Latin, HAN",
    "ja, Han-Latin, HAN",
    "de, Any-Latin, LATIN",
    "is, Any-Latin, LATIN",
    "cs, Any-Latin, LATIN",
    "fr, Any-Latin, LATIN",
    "hr, Any-Latin, LATIN"
  })
  // Words with a letter of another script (kana inside a Japanese Han word) go through ICU whole;
  // most must still take the letter-wise path, or it saves nothing.
  void romanise_matchesWholeWordTransform_onEveryFixtureWord(
      String language, String transform, String scriptName) throws IOException {
    int script = UScript.getCodeFromName(scriptName);
    Transliterator whole = Transliterator.getInstance(transform + "; Latin-ASCII");
    LetterRomaniser letterWise =
        LetterRomaniser.forScript(script, Transliterator.getInstance(transform + "; Latin-ASCII"));
    List<String> words = wordsOf(language, script);
    assertTrue(words.size() > 100, "too few " + scriptName + " words in the fixture: " + words);
    int compared = 0;
    for (String word : words) {
      String fast = letterWise.romanise(word);
      if (fast == null) {
        continue;
      }
      assertEquals(LetterRomaniser.fold(whole.transliterate(word)), fast, word);
      compared++;
    }
    assertTrue(compared > words.size() * 0.8, compared + " of " + words.size() + " compared");
  }

  @Test
  void russianE_dependsOnTheLetterBefore() {
    LetterRomaniser russian =
        LetterRomaniser.forScript(
            UScript.CYRILLIC, Transliterator.getInstance("Russian-Latin/BGN; Latin-ASCII"));
    assertEquals("yel", russian.romanise("ель")); // word start
    assertEquals("les", russian.romanise("лес")); // after a consonant
    assertEquals("poyezd", russian.romanise("поезд")); // after a vowel
    assertEquals("yeltsin", russian.romanise("Ельцин"));
  }

  @Test
  void forScript_declinesKanaAndDevanagari() {
    Transliterator any = Transliterator.getInstance("Any-Latin");
    assertNull(LetterRomaniser.forScript(UScript.KATAKANA, any));
    assertNull(LetterRomaniser.forScript(UScript.DEVANAGARI, any));
  }

  @Test
  void romanise_returnsNull_forALetterOfAnotherScript() {
    LetterRomaniser cyrillic =
        LetterRomaniser.forScript(
            UScript.CYRILLIC, Transliterator.getInstance("Cyrillic-Latin; Latin-ASCII"));
    assertNull(cyrillic.romanise("Москваλ"));
  }

  /**
   * The distinct words of {@code language}'s fixture documents whose first letter is in {@code
   * script}.
   */
  static List<String> wordsOf(String language, int script) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Set<String> words = new LinkedHashSet<>();
    BreakIterator breaks = BreakIterator.getWordInstance(ULocale.ROOT);
    try (BufferedReader reader = Files.newBufferedReader(FIXTURE, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode document = mapper.readTree(line);
        if (!language.equals(document.get("lang").asText())) {
          continue;
        }
        String text = document.get("text").asText();
        breaks.setText(text);
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
          String word = text.substring(start, end);
          if (KeyEncoder.dominantScript(word) == script) {
            words.add(word);
          }
        }
      }
    }
    return new ArrayList<>(words);
  }
}
