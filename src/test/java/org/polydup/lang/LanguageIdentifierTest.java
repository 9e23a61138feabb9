package org.polydup.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
  /** Shared: Lingua detectors are built once for the whole class. */
  private static final LanguageIdentifier IDENTIFIER = LanguageIdentifier.create();

  private static void assertGuess(
      String expectedLanguage, LanguageGuess.Method expectedMethod, LanguageGuess guess) {
    assertEquals(expectedLanguage, guess.language(), guess.toString());
    assertEquals(expectedMethod, guess.method(), guess.toString());
    assertTrue(guess.confidence() >= 0 && guess.confidence() <= 1, guess.toString());
  }

  @Test
  void identify_scriptOwnedByOneLanguage_decidesWithoutLingua() {
    LanguageIdentifier fresh = LanguageIdentifier.create();
    assertGuess("ko", LanguageGuess.Method.SCRIPT, fresh.identify("서울은 한국의 수도이다.", null));
    assertGuess("th", LanguageGuess.Method.SCRIPT, fresh.identify("ประเทศไทยมีประชากรมาก", null));
    assertGuess(
        "hi", LanguageGuess.Method.SCRIPT, fresh.identify("भारत की राजधानी नई दिल्ली है।", null));
    assertGuess(
        "el", LanguageGuess.Method.SCRIPT, fresh.identify("Η Αθήνα είναι η πρωτεύουσα.", null));
    assertGuess("he", LanguageGuess.Method.SCRIPT, fresh.identify("ירושלים היא עיר עתיקה", null));
    assertGuess(
        "ka", LanguageGuess.Method.SCRIPT, fresh.identify("თბილისი საქართველოს დედაქალაქია", null));
    assertEquals(0, fresh.builtDetectorCount());
  }

  @Test
  void identify_hanWithoutKana_isChinese_withKana_isJapanese() {
    assertGuess(
        "zh", LanguageGuess.Method.SCRIPT, IDENTIFIER.identify("北京时间3月5日，国务院总理发表讲话。", null));
    assertGuess(
        "ja", LanguageGuess.Method.SCRIPT, IDENTIFIER.identify("東京オリンピックは2021年に開催されました。", null));
  }

  @Test
  void identify_fullwidthLatin_readsAsTheSameText() {
    String german =
        "Die Bundesregierung hat am Mittwoch beschlossen, die Steuern für kleine Unternehmen zu"
            + " senken, und die Opposition kritisiert den Plan scharf.";
    StringBuilder fullwidth = new StringBuilder();
    german
        .chars()
        .forEach(c -> fullwidth.append(c > ' ' && c < 0x7f ? (char) (c + 0xFEE0) : (char) c));
    assertGuess("de", LanguageGuess.Method.LINGUA, IDENTIFIER.identify(german, null));
    assertGuess("de", LanguageGuess.Method.LINGUA, IDENTIFIER.identify(fullwidth.toString(), null));
  }

  @Test
  void identify_ukrainianVersusRussian_usesLingua() {
    assertGuess(
        "uk",
        LanguageGuess.Method.LINGUA,
        IDENTIFIER.identify(
            "Україна готується до зими, уряд обіцяє стабільне постачання електроенергії.", null));
    assertGuess(
        "ru",
        LanguageGuess.Method.LINGUA,
        IDENTIFIER.identify(
            "Россия готовится к зиме, правительство обещает стабильные поставки электроэнергии.",
            null));
  }

  @Test
  void identify_germanVersusEnglish_usesLingua() {
    assertGuess(
        "de",
        LanguageGuess.Method.LINGUA,
        IDENTIFIER.identify(
            "Die Bundesregierung hat am Mittwoch neue Maßnahmen beschlossen.", null));
    assertGuess(
        "en",
        LanguageGuess.Method.LINGUA,
        IDENTIFIER.identify("The government announced new measures on Wednesday evening.", null));
  }

  @Test
  void identify_czechVersusCroatian_usesLingua() {
    assertGuess(
        "cs",
        LanguageGuess.Method.LINGUA,
        IDENTIFIER.identify("Vláda schválila nový zákon o státním rozpočtu na příští rok.", null));
    assertGuess(
        "hr",
        LanguageGuess.Method.LINGUA,
        IDENTIFIER.identify(
            "Vlada je usvojila novi zakon o državnom proračunu za sljedeću godinu.", null));
  }

  @Test
  void identify_hint_isHonouredWithoutReadingText() {
    LanguageIdentifier fresh = LanguageIdentifier.create();
    assertGuess("de", LanguageGuess.Method.HINT, fresh.identify("This is plainly English.", "de"));
    assertGuess("pt", LanguageGuess.Method.HINT, fresh.identify("anything", "pt-BR"));
    assertGuess("sah", LanguageGuess.Method.HINT, fresh.identify("Аммаҕа", " SAH "));
    assertEquals(1.0, fresh.identify("x", "en").confidence());
    assertEquals(0, fresh.builtDetectorCount());
  }

  @Test
  void identify_malformedOrUndeterminedHint_isIgnored() {
    assertEquals(
        LanguageGuess.Method.SCRIPT, IDENTIFIER.identify("서울은 한국의 수도이다.", "English").method());
    assertEquals(LanguageGuess.Method.SCRIPT, IDENTIFIER.identify("서울은 한국의 수도이다.", "und").method());
    assertEquals(LanguageGuess.Method.SCRIPT, IDENTIFIER.identify("서울은 한국의 수도이다.", "").method());
  }

  @Test
  void identify_yakutCyrillic_fallsBackToScriptInsteadOfCrashingOrGuessingRussian() {
    // bulk corpus document b003139 (sah), first line.
    LanguageGuess guess =
        IDENTIFIER.identify("Аммаҕа COVID-19 инфекцияттан быһыыны ылыы саҕаланна", null);
    assertGuess("und-Cyrl", LanguageGuess.Method.FALLBACK, guess);
    assertTrue(guess.isUndetermined());
  }

  @Test
  void identify_unsupportedScript_fallsBackToScriptCode() {
    assertGuess("und-Cher", LanguageGuess.Method.FALLBACK, IDENTIFIER.identify("ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ", null));
  }

  @Test
  void identify_sharedScriptWithoutConfiguredLanguage_fallsBackToScriptCode() {
    LanguageIdentifier latinOnly = LanguageIdentifier.create(Set.of("en", "de"));
    assertGuess("und-Cyrl", LanguageGuess.Method.FALLBACK, latinOnly.identify("Привет, мир", null));
    assertGuess(
        "und-Arab",
        LanguageGuess.Method.FALLBACK,
        latinOnly.identify("القاهرة هي عاصمة مصر", null));
  }

  @Test
  void identify_scriptOwnedLanguage_isAnsweredEvenWhenNotConfigured() {
    LanguageIdentifier latinOnly = LanguageIdentifier.create(Set.of("en", "de"));
    assertGuess("zh", LanguageGuess.Method.SCRIPT, latinOnly.identify("国务院总理发表讲话", null));
    assertGuess("el", LanguageGuess.Method.SCRIPT, latinOnly.identify("Η Αθήνα", null));
  }

  @Test
  void create_withNullLanguages_usesDefaults() {
    assertEquals(LanguageIdentifier.DEFAULT_LANGUAGES, LanguageIdentifier.create(null).languages());
  }

  @Test
  void identify_onlyOneConfiguredLanguageInScript_decidesWithoutLingua() {
    LanguageIdentifier englishOnly = LanguageIdentifier.builder().languages("en", "ru").build();
    assertGuess(
        "en", LanguageGuess.Method.SCRIPT, englishOnly.identify("Bonjour tout le monde", null));
    assertGuess("ru", LanguageGuess.Method.SCRIPT, englishOnly.identify("Привіт, світе", null));
    assertEquals(0, englishOnly.builtDetectorCount());
  }

  @Test
  void identify_emptyOrLetterless_isUndeterminedWithZeroConfidence() {
    assertGuess("und", LanguageGuess.Method.FALLBACK, IDENTIFIER.identify("", null));
    assertGuess("und", LanguageGuess.Method.FALLBACK, IDENTIFIER.identify(" 12, 34 — !? ", null));
    assertEquals(0.0, IDENTIFIER.identify("", null).confidence());
    assertGuess(
        "und", LanguageGuess.Method.FALLBACK, IDENTIFIER.identify("1 ".repeat(2_000_000), null));
  }

  @Test
  void identify_unpairedSurrogatesAndMarks_doNotThrow() {
    assertGuess(
        "und", LanguageGuess.Method.FALLBACK, IDENTIFIER.identify("\uD800 \u0301 \uDC00", null));
    assertGuess("ko", LanguageGuess.Method.SCRIPT, IDENTIFIER.identify("\uD800한국\uDC00", null));
  }

  @Test
  void identify_fiveEnglishDocs_buildsOnlyTheLatinDetector() {
    LanguageIdentifier fresh = LanguageIdentifier.create();
    String[] docs = {
      "The prime minister said the talks would continue next week.",
      "Shares fell sharply in early trading after the announcement.",
      "Rescue teams are still searching for survivors of the flood.",
      "The club confirmed that its coach had signed a new contract.",
      "Scientists warned that the new variant spreads more quickly.",
    };
    for (String doc : docs) {
      assertEquals("en", fresh.identify(doc, null).language(), doc);
    }
    assertEquals(1, fresh.builtDetectorCount());
    fresh.identify("Россия готовится к зиме.", null);
    assertEquals(2, fresh.builtDetectorCount());
  }

  @Test
  void identify_concurrentCallers_getTheSameAnswers() throws Exception {
    LanguageIdentifier shared = LanguageIdentifier.create();
    String[] texts = {
      "The government announced new measures on Wednesday evening.",
      "Die Bundesregierung hat am Mittwoch neue Maßnahmen beschlossen.",
      "Україна готується до зими, уряд обіцяє стабільне постачання електроенергії.",
      "北京时间3月5日，国务院总理发表讲话。",
    };
    String[] expected = {"en", "de", "uk", "zh"};
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String text = texts[i % texts.length];
        answers.add(pool.submit(() -> shared.identify(text, null).language()));
      }
      for (int i = 0; i < answers.size(); i++) {
        assertEquals(expected[i % expected.length], answers.get(i).get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(2, shared.builtDetectorCount());
  }

  @Test
  void identifyScript_neverBuildsLingua_sharedScriptsFallBack() {
    LanguageIdentifier fresh = LanguageIdentifier.create();
    assertGuess(
        "und-Latn", LanguageGuess.Method.FALLBACK, fresh.identifyScript("The talks go on.", null));
    assertGuess("ko", LanguageGuess.Method.SCRIPT, fresh.identifyScript("서울은 한국의 수도", null));
    assertGuess("en", LanguageGuess.Method.HINT, fresh.identifyScript("Die Gespräche", "en"));
    assertEquals(0, fresh.builtDetectorCount());
  }

  @Test
  void build_rejectsUnsupportedLanguage_namingIt() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> LanguageIdentifier.builder().languages("en", "sah").build());
    assertTrue(thrown.getMessage().startsWith("languages contains unsupported code 'sah'"));
  }

  @Test
  void build_rejectsEmptyLanguagesAndBadSampleSize() {
    assertThrows(
        IllegalArgumentException.class, () -> LanguageIdentifier.builder().languages().build());
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> LanguageIdentifier.builder().maximumSampleLetters(0).build());
    assertEquals("maximumSampleLetters must be in [1, 100000], got 0", thrown.getMessage());
  }

  @Test
  void languages_defaultsIncludeTheTwentyNewsLanguages() {
    assertTrue(
        IDENTIFIER
            .languages()
            .containsAll(
                List.of(
                    "en", "uk", "ru", "de", "cs", "fr", "es", "pl", "zh", "ja", "hi", "is", "hr",
                    "it", "pt", "nl", "ar", "tr", "ko", "sv")));
  }
}
