package org.polydup.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
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
  void identify_hintsInAnotherCodeForm_answerTheCanonicalCode() {
    assertEquals("de", IDENTIFIER.identify("Text", "deu").language());
    assertEquals("de", IDENTIFIER.identify("Text", "GER").language());
    assertEquals("he", IDENTIFIER.identify("Text", "iw").language());
    assertEquals("id", IDENTIFIER.identify("Text", "in").language());
    assertEquals("cs", IDENTIFIER.identify("Text", "cze").language());
    assertEquals("pt", IDENTIFIER.identify("Text", "pt-BR").language());
    assertEquals("liv", IDENTIFIER.identify("Text", "liv").language(), "no alias: kept");
    assertEquals("sah", IDENTIFIER.identify("Text", "sah").language());
    assertEquals("tl", IDENTIFIER.identify("Text", "fil").language(), "detection says tl");
  }

  @Test
  void identify_everySupportedCodeAsAHint_answersThatCode() {
    for (String code : LanguageIdentifier.supportedLanguages()) {
      assertEquals(code, IDENTIFIER.identify("Text", code).language(), code);
    }
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

  /**
   * A code CLDR does not know as a language is no hint: "zz" on an English story made its copy a
   * "duplicate (en-zz)", a same-language relation across two languages. Codes CLDR knows only from
   * likely-subtags data (liv), from ISO 639-3 (sah), in another form (deu) and private-use ones
   * (qaa-qtz) stay hints.
   */
  @Test
  void identify_codeCldrDoesNotKnow_isIgnored_butRareAndPrivateUseCodesAreHonoured() {
    String english = "The government approved the new budget for next year on Tuesday.";
    for (String unknown : List.of("zz", "xx", "qzz", "mul", "zxx", "mis")) {
      assertGuess("en", LanguageGuess.Method.LINGUA, IDENTIFIER.identify(english, unknown));
      assertFalse(LanguageIdentifier.isLanguageCode(unknown), unknown);
    }
    for (String known : List.of("liv", "sah", "qaa", "qtz", "tlh")) {
      assertGuess(known, LanguageGuess.Method.HINT, IDENTIFIER.identify(english, known));
    }
    assertGuess("de", LanguageGuess.Method.HINT, IDENTIFIER.identify(english, "deu"));
  }

  /**
   * A tag is read by its primary subtag only when the whole tag is well formed: "uk-", "uk--UA" or
   * "en_US!!" were read as uk and en without a warning (a reviewer, session 31), where the README
   * says a malformed lang is ignored with one.
   */
  @Test
  void isLanguageCode_acceptsWellFormedTags_andRefusesMalformedOnes() {
    for (String good : List.of("uk", "UK", "pt-BR", "pt_BR", "zh-Hant-TW", " de-CH ", "sr-Latn")) {
      assertTrue(LanguageIdentifier.isLanguageCode(good), good);
    }
    for (String bad :
        List.of("uk-", "uk_", "uk--UA", "uk-_UA", "en_US!!", "-uk", "en US", "en-toolongsubtag")) {
      assertFalse(LanguageIdentifier.isLanguageCode(bad), bad);
    }
    String english = "The government approved the new budget for next year on Tuesday.";
    assertGuess("en", LanguageGuess.Method.LINGUA, IDENTIFIER.identify(english, "uk-"));
    assertGuess("uk", LanguageGuess.Method.HINT, IDENTIFIER.identify(english, "uk_UA"));
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
    assertGuess(
        "ru", LanguageGuess.Method.SCRIPT, englishOnly.identify("Привет, мир, как дела", null));
    // Ukrainian's і is no Russian letter (CLDR): with only ru configured, Ukrainian is unknown.
    assertGuess(
        "und-Cyrl", LanguageGuess.Method.FALLBACK, englishOnly.identify("Привіт, світе", null));
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

  // Texts below marked "reviewer" are the news paragraphs of the review's inputs
  // (/tmp/rtext-work/gen/texts.py, session 23); the others were written for these tests.

  private static final String VIETNAMESE =
      "Hà Nội — Trung tâm Dự báo Khí tượng Thủy văn Quốc gia cho biết một cơn bão mạnh đang di"
          + " chuyển nhanh về phía bờ biển miền Trung và dự kiến sẽ đổ bộ vào các tỉnh từ Quảng Bình"
          + " đến Quảng Nam vào chiều tối thứ Năm. Gió mạnh cấp mười, giật cấp mười hai, kèm theo mưa"
          + " rất to có thể gây lũ quét và sạt lở đất ở vùng núi."; // reviewer

  private static final String PERSIAN =
      "تهران — سازمان هواشناسی کشور اعلام کرد که از فردا موج جدیدی از بارش\u200cهای سنگین باران"
          + " و برف در استان\u200cهای شمالی و غربی آغاز می\u200cشود. به گفته کارشناسان این سازمان،"
          + " احتمال وقوع سیلاب در مناطق کوهستانی و جاری شدن رودخانه\u200cها وجود دارد و مردم باید"
          + " از سفرهای غیرضروری خودداری کنند."; // reviewer

  private static final String SERBIAN_CYRILLIC =
      "Влада Србије саопштила је у уторак да ће цене горива порасти од следећег месеца."
          + " Министарка енергетике рекла је да је повећање неопходно како би буџет остао стабилан."
          + " Неколико синдиката одбацило је ту одлуку и најавило протест у Београду ове недеље.";

  private static final String KOREAN_TECH =
      "삼성전자가 17일 미국 샌프란시스코에서 열린 Galaxy Unpacked 2024 행사에서 Galaxy S24 Ultra와"
          + " Galaxy Z Fold6를 공개했다. 새 제품에는 Qualcomm Snapdragon 8 Gen 3 for Galaxy 칩과"
          + " Google Gemini Nano 기반의 Galaxy AI 기능이 탑재됐다. Apple iPhone 15 Pro Max와 경쟁할"
          + " 예정이다. 가격은 Galaxy S24 Ultra 기준 169만 8400원부터 시작하며 Samsung.com과 Coupang,"
          + " 11st 등 온라인 채널에서 사전 판매된다. 업계는 Galaxy AI의 실시간 통역 Live Translate"
          + " 기능과 Circle to Search 기능이 시장 반응을 좌우할 것으로 보고 있다."; // reviewer

  private static final String JAPANESE_TECH =
      "サムスン電子は17日、米サンフランシスコで開いたGalaxy Unpacked 2024で、Galaxy S24 Ultraと"
          + "Galaxy Z Fold6を発表した。Qualcomm Snapdragon 8 Gen 3 for GalaxyとGoogle Gemini Nanoを"
          + "搭載し、Galaxy AIのLive TranslateやCircle to Searchに対応する。Apple iPhone 15 Pro Max"
          + "と競合する見通しだ。"; // reviewer

  private static final String HEBREW =
      "ירושלים — משרד הבריאות הודיע היום כי החל מהשבוע הבא יופעל מבצע חיסונים נרחב נגד שפעת"
          + " בכל בתי הספר היסודיים בארץ."; // reviewer

  @Test
  void identify_vietnamese_isUndLatnInEitherNormalisation() {
    assertGuess("und-Latn", LanguageGuess.Method.FALLBACK, IDENTIFIER.identify(VIETNAMESE, null));
    assertGuess(
        "und-Latn",
        LanguageGuess.Method.FALLBACK,
        IDENTIFIER.identify(Normalizer.normalize(VIETNAMESE, Normalizer.Form.NFD), null));
  }

  @Test
  void identify_decomposedText_answersAsComposed() {
    String[] texts = {
      VIETNAMESE,
      PERSIAN,
      "Die Bürgermeisterin äußerte sich am Dienstag über die Öffnungszeiten der Bäder.",
      "Ve středu vláda schválila návrh zákona o státním rozpočtu na příští rok.",
      "Þingið samþykkti í gær frumvarp um breytingar á lögum um fæðingarorlof."
    };
    for (String text : texts) {
      String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
      assertEquals(
          IDENTIFIER.identify(text, null).language(),
          IDENTIFIER.identify(decomposed, null).language(),
          text);
    }
  }

  @Test
  void identify_persianAndUrdu_areUndArab() {
    assertGuess("und-Arab", LanguageGuess.Method.FALLBACK, IDENTIFIER.identify(PERSIAN, null));
    String urdu =
        "حکومت نے منگل کو اعلان کیا کہ اگلے مہینے سے پیٹرول کی قیمتوں میں اضافہ کیا جائے گا۔"
            + " وزیر توانائی نے کہا کہ یہ اضافہ قومی بجٹ کو متوازن رکھنے کے لیے ضروری ہے۔";
    assertGuess("und-Arab", LanguageGuess.Method.FALLBACK, IDENTIFIER.identify(urdu, null));
    assertGuess(
        "ar",
        LanguageGuess.Method.SCRIPT,
        IDENTIFIER.identify(
            "القاهرة — أعلنت وزارة الصحة المصرية يوم الثلاثاء عن إطلاق حملة وطنية واسعة للتطعيم.",
            null));
  }

  @Test
  void identify_serbianCyrillic_isUndCyrl() {
    assertGuess(
        "und-Cyrl", LanguageGuess.Method.FALLBACK, IDENTIFIER.identify(SERBIAN_CYRILLIC, null));
  }

  @Test
  void identify_hungarianAndRomanian_areUndLatn() {
    String hungarian =
        "A kormány kedden bejelentette, hogy jövő hónaptól emelkedik az üzemanyag ára. Az"
            + " energiaügyi miniszter szerint az emelésre azért van szükség, hogy a költségvetés"
            + " egyensúlyban maradjon. Több szakszervezet elutasította a döntést, és a héten"
            + " tüntetést terveznek Budapesten.";
    String romanian =
        "Guvernul a anunțat marți că prețul carburanților va crește începând de luna viitoare."
            + " Ministrul Energiei a declarat că majorarea este necesară pentru a menține echilibrul"
            + " bugetului de stat. Mai multe sindicate au respins decizia și plănuiesc un protest la"
            + " București în această săptămână.";
    assertGuess("und-Latn", LanguageGuess.Method.FALLBACK, IDENTIFIER.identify(hungarian, null));
    assertGuess("und-Latn", LanguageGuess.Method.FALLBACK, IDENTIFIER.identify(romanian, null));
  }

  @Test
  void identify_cyrillicForeignLetters_followTheConfiguration() {
    LanguageIdentifier withSerbian = LanguageIdentifier.create(Set.of("ru", "uk", "sr"));
    assertEquals("sr", withSerbian.identify(SERBIAN_CYRILLIC, null).language());
    String kazakh =
        "Қазақстан Үкіметі сейсенбі күні жанармай бағасы келесі айдан бастап өсетінін хабарлады."
            + " Энергетика министрі бұл шешім мемлекеттік бюджетті теңгерімде ұстау үшін қажет"
            + " екенін айтты.";
    assertEquals(
        "kk", LanguageIdentifier.create(Set.of("ru", "kk")).identify(kazakh, null).language());
    assertEquals("und-Cyrl", IDENTIFIER.identify(kazakh, null).language());
  }

  @Test
  void identify_koreanAndJapaneseWithEnglishNames_keepTheirLanguage() {
    assertGuess("ko", LanguageGuess.Method.SCRIPT, IDENTIFIER.identify(KOREAN_TECH, null));
    assertGuess("ja", LanguageGuess.Method.SCRIPT, IDENTIFIER.identify(JAPANESE_TECH, null));
  }

  @Test
  void identify_greekAndThaiWithEnglishNames_keepTheirLanguage() {
    String greek =
        "Η Microsoft ανακοίνωσε ότι τα Windows 11 θα λάβουν το Microsoft Copilot, ενώ τα Windows"
            + " Server 2025 και το Microsoft Azure Stack HCI αλλάζουν.";
    String thai =
        "Microsoft เปิดตัว Windows 11 Copilot และ Surface Laptop Studio ในงาน Microsoft Build"
            + " Conference ที่ Seattle Washington โดยผู้ใช้ดาวน์โหลดได้ฟรีผ่าน Microsoft Store"
            + " ตั้งแต่วันนี้เป็นต้นไปทั่วประเทศ";
    assertGuess("el", LanguageGuess.Method.SCRIPT, IDENTIFIER.identify(greek, null));
    assertGuess("th", LanguageGuess.Method.SCRIPT, IDENTIFIER.identify(thai, null));
  }

  @Test
  void identify_englishWithAFewForeignWords_staysEnglish() {
    String english =
        "The Tokyo correspondent said the word 東京 appears on every sign, and the Greek"
            + " minister quoted Αθήνα once, while the Korean delegation visited 서울 last week.";
    assertEquals("en", IDENTIFIER.identify(english, null).language());
  }

  @Test
  void identify_markupWrappedHebrew_isHebrew() {
    String wrapped =
        "<p class=\"article-body lead-paragraph\" style=\"font-family: Arial, sans-serif;"
            + " margin-bottom: 12px; text-align: right; direction: rtl\">"
            + HEBREW
            + "</p>";
    assertGuess("he", LanguageGuess.Method.SCRIPT, IDENTIFIER.identify(wrapped, null));
  }

  @Test
  void identify_entitiesInShortKorean_areDecoded() {
    String korean = "&quot;Samsung Galaxy&quot; &quot;서울 날씨&quot; &amp; &quot;Apple&quot;";
    assertEquals("ko", IDENTIFIER.identify(korean, null).language());
  }

  @Test
  void identify_entityEncodedThai_isThai() {
    StringBuilder encoded = new StringBuilder();
    "กรุงเทพฯ กรมอุตุนิยมวิทยาประกาศเตือนประชาชน"
        .codePoints()
        .forEach(c -> encoded.append("&#").append(c).append(';'));
    assertGuess("th", LanguageGuess.Method.SCRIPT, IDENTIFIER.identify(encoded, null));
  }

  /**
   * Real documents of each configured language in the shared data keep their gold label: the
   * exemplar thresholds must not turn them into {@code und}. The fixture names each document's
   * source; it includes the documents closest to the thresholds (English with Latvian names,
   * Icelandic with many c/z/w).
   */
  @Test
  void identify_realDocumentsOfConfiguredLanguages_keepTheirLabel() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    int checked = 0;
    try (InputStream in =
        LanguageIdentifierTest.class.getResourceAsStream("/lang/real-documents.jsonl")) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : all.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode document = mapper.readTree(line);
        assertEquals(
            document.get("lang").asText(),
            IDENTIFIER.identify(document.get("text").asText(), null).language(),
            document.get("source").asText());
        checked++;
      }
    }
    assertTrue(checked >= 30, "fixture read: " + checked);
  }
}
