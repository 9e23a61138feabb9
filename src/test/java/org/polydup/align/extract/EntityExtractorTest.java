package org.polydup.align.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Golden keys per language and random-input invariants of {@link EntityExtractor}. */
class EntityExtractorTest {
  private final EntityExtractor extractor = new EntityExtractor();

  /** The key of the anchor whose surface is {@code surface} inside {@code text}. */
  private long keyOf(String text, String language, String surface) {
    EntityProfile profile = extractor.extract(text, language);
    for (Entity entity : profile.entities()) {
      if (entity.surface().equals(surface)) {
        assertTrue(entity.kind().isAnchor(), surface + " should be an anchor, was " + entity);
        return entity.key();
      }
    }
    fail("no entity " + surface + " in " + profile.entities());
    return 0;
  }

  @Test
  void shanghai_meetsAcrossUkrainianEnglishAndChinese() {
    long ukrainian = keyOf("Компанія з міста Шанхай працює.", "uk", "Шанхай");
    long english = keyOf("A company from Shanghai works.", "en", "Shanghai");
    long chinese = keyOf("这家公司来自上海。", "zh", "上海");
    assertEquals(english, ukrainian);
    assertEquals(english, chinese);
  }

  @Test
  void languageTagMemos_stayBounded_andTagsPastTheBoundResolveTheSame() {
    String text = "A company from Shanghai works with Financial Times.";
    long expected = keyOf(text, "en", "Shanghai");
    for (int i = 0; i < LanguageTags.MEMOISED_LANGUAGE_TAGS + 200; i++) {
      String tag = "en-x-tag" + i;
      EntityProfile profile = extractor.extract(text, tag);
      assertEquals("en", profile.language(), tag);
      assertEquals(expected, keyOf(text, tag, "Shanghai"), tag);
    }
    assertTrue(
        LanguageTags.memoisedLanguageTags() <= LanguageTags.MEMOISED_LANGUAGE_TAGS,
        "memoised " + LanguageTags.memoisedLanguageTags());
  }

  @Test
  void katakanaNames_meetTheirLatinSpelling_thoughJapaneseWritesLAsR() {
    String english = "Why was Skyler annoyed with Kelly?";
    String japanese = "スカイラーがケリーに怒っていたのはなぜか？";
    assertEquals(keyOf(english, "en", "Skyler"), keyOf(japanese, "ja", "スカイラー"));
    assertEquals(keyOf(english, "en", "Kelly"), keyOf(japanese, "ja", "ケリー"));
    assertNotEquals(keyOf(english, "en", "Kelly"), keyOf(english, "en", "Skyler"));
  }

  @Test
  void katakanaCountriesAndCities_meetTheCodesOfOtherLanguages() {
    String japanese = "ロシアはウクライナに侵攻し、ロンドンとアメリカが非難した。";
    String english = "Russia invaded Ukraine, and London and the United States condemned it.";
    String ukrainian = "Росія напала на Україну, Лондон засудив це.";
    assertEquals(EntityKind.CODE, kindOf(japanese, "ja", "ウクライナ"));
    assertEquals(keyOf(english, "en", "Ukraine"), keyOf(japanese, "ja", "ウクライナ"));
    assertEquals(keyOf(english, "en", "Russia"), keyOf(japanese, "ja", "ロシア"));
    assertEquals(keyOf(ukrainian, "uk", "Лондон"), keyOf(japanese, "ja", "ロンドン"));
    assertEquals(keyOf(english, "en", "United States"), keyOf(japanese, "ja", "アメリカ"));
  }

  @Test
  void katakanaLoanwords_doNotBecomeCodes_whenTheirRomanisationIsSomeOtherLanguagesName() {
    // ファイル romanises to "fair", センター to "sent", クラス to "kuras": forms of names in other
    // display languages, but no Japanese name.
    String japanese = "ファイルをセンターのクラスに送った。";
    assertEquals(EntityKind.NAME, kindOf(japanese, "ja", "ファイル"));
    assertEquals(EntityKind.NAME, kindOf(japanese, "ja", "センター"));
    assertEquals(EntityKind.NAME, kindOf(japanese, "ja", "クラス"));
  }

  @Test
  void katakanaLoanword_meetsTheLowerCaseWordItWasBorrowedFrom() {
    String japanese = "パンデミックのためドラフトが延期された。";
    String english = "Because of the pandemic the draft was postponed.";
    assertTrue(sharesKey(japanese, "ja", "パンデミック", english, "en", "pandemic"));
    assertTrue(sharesKey(japanese, "ja", "ドラフト", english, "en", "draft"));
  }

  /** Whether any key of {@code surface} in one text equals any key of {@code other} in another. */
  private boolean sharesKey(
      String text,
      String language,
      String surface,
      String otherText,
      String otherLanguage,
      String other) {
    java.util.Set<Long> keys = new java.util.HashSet<>();
    for (Entity entity : extractor.extract(text, language).entities()) {
      if (entity.surface().equals(surface) && entity.key() != 0) {
        keys.add(entity.key());
      }
    }
    for (Entity entity : extractor.extract(otherText, otherLanguage).entities()) {
      if (entity.surface().equals(other) && keys.contains(entity.key())) {
        return true;
      }
    }
    return false;
  }

  /** The kind of the first entity whose surface is {@code surface} inside {@code text}. */
  private EntityKind kindOf(String text, String language, String surface) {
    for (Entity entity : extractor.extract(text, language).entities()) {
      if (entity.surface().equals(surface)) {
        return entity.kind();
      }
    }
    fail("no entity " + surface + " in " + extractor.extract(text, language).entities());
    return null;
  }

  @Test
  void malaysia_meetsInUkrainianAndEnglish() {
    assertEquals(
        keyOf("in countries such as Malaysia and Thailand", "en", "Malaysia"),
        keyOf("у таких країнах, як Малайзія і Таїланд", "uk", "Малайзія"));
  }

  @Test
  void financialTimes_meetsItsUkrainianTransliteration() {
    String english = "This was reported by the Financial Times today.";
    String ukrainian = "Про це пише видання Файненшл таймс сьогодні.";
    assertEquals(keyOf(english, "en", "Financial"), keyOf(ukrainian, "uk", "Файненшл"));
    assertEquals(keyOf(english, "en", "Times"), keyOf(ukrainian, "uk", "таймс"));
  }

  @Test
  void maoNing_meetsInUkrainianAndEnglish() {
    String english = "said the spokesman Mao Ning on Thursday";
    String ukrainian = "сказала речниця Мао Нін у четвер";
    assertEquals(keyOf(english, "en", "Mao"), keyOf(ukrainian, "uk", "Мао"));
    assertEquals(keyOf(english, "en", "Ning"), keyOf(ukrainian, "uk", "Нін"));
  }

  @Test
  void inflectedForms_meet() {
    assertEquals(
        keyOf("Міністерство закордонних справ Китаю заявило", "uk", "Китаю"),
        keyOf("закликав уряд Китай до поваги", "uk", "Китай"));
    assertEquals(
        keyOf("Konference se koná v Praze letos.", "cs", "Praze"),
        keyOf("Hlavní město Praha je krásné.", "cs", "Praha"));
    assertEquals(
        keyOf("The capital Prague is old.", "en", "Prague"),
        keyOf("Hlavní město Praha je krásné.", "cs", "Praha"));
  }

  @Test
  void magnitudeWords_multiplyNumbers() {
    long ukrainian = keyOf("Білий дім інвестує 20 мільярдів доларів", "uk", "20 мільярдів");
    long english = keyOf("The White House invests $20 billion now", "en", "20 billion");
    long chinese = keyOf("白宫投资200亿美元", "zh", "200亿");
    assertEquals(english, ukrainian);
    assertEquals(english, chinese);
    assertNotEquals(english, keyOf("The White House invests $20 million now", "en", "20 million"));
  }

  @Test
  void numbersGluedToLetters_keepTheirValue_andAbbreviatedMagnitudesApply() {
    long billions = keyOf("Білий дім інвестує 20 мільярдів доларів", "uk", "20 мільярдів");
    assertEquals(billions, keyOf("The White House invests $20bn now", "en", "20bn"));
    assertEquals(billions, keyOf("Білий дім інвестує 20млрд доларів", "uk", "20млрд"));
    assertEquals(billions, keyOf("白宫投资200亿美元", "zh", "200亿"));
    long millions = keyOf("It cost 300 million pounds.", "en", "300 million");
    assertEquals(millions, keyOf("It cost £300m in all.", "en", "300m"));
    assertEquals(millions, keyOf("Ça coûte 300 M€ en tout.", "fr", "300 M"));
    // A unit leaves the number itself.
    assertEquals(keyOf("Це 5 км від міста.", "uk", "5"), keyOf("It is 5km away.", "en", "5"));
    assertEquals(keyOf("у 1990-х роках", "uk", "1990"), keyOf("in the 1990s", "en", "1990"));
    // One letter is a magnitude only beside a currency sign: 1.5m is metres, 3M a company.
    assertEquals(
        keyOf("It is 1.5 metres long.", "en", "1.5"), keyOf("It is 1.5m long.", "en", "1.5"));
    assertEquals(
        keyOf("There were 3 of them.", "en", "3"), keyOf("The 3M company said.", "en", "3"));
  }

  @Test
  void fullwidthNumbers_meetTheirAsciiForm() {
    assertEquals(
        keyOf("The crowd of 35,000 people cheered.", "en", "35,000"),
        keyOf("３５，０００人の観衆が歓声を上げた。", "ja", "３５，０００"));
  }

  @Test
  void magnitudeWords_areReadInTheTextsOwnLanguage_soMilesAreNotMillions() {
    // Pooled over every language, "miles" began with a million's abbreviation (mil) and Spanish
    // "millas" with "mil" (a thousand): 1600 miles read as 1.6 billion, 1.600 millas as 1.6
    // million.
    long german = keyOf("Er ist 1600 Meilen gelaufen.", "de", "1600");
    assertEquals(german, keyOf("He walked 1600 miles home.", "en", "1600"));
    assertEquals(german, keyOf("Caminó 1.600 millas hasta casa.", "es", "1.600"));
    assertEquals(german, keyOf("Он прошёл 1600 миль пешком.", "ru", "1600"));
    // Han magnitudes are one character, whatever follows in the run.
    assertEquals(keyOf("There were 30,000 people.", "en", "30,000"), keyOf("有3万人参加。", "zh", "3万人"));
    assertEquals(
        keyOf("Sie hat 3 Millionen Euro.", "de", "3 Millionen"),
        keyOf("Ему дали 3 млн рублей.", "ru", "3 млн"));
  }

  @Test
  void spaceGroupedThousands_areOneNumber() {
    long english = keyOf("We have more than 250,000 comics in stock.", "en", "250,000");
    long russian = keyOf("У нас более 250 000 комиксов в наличии.", "ru", "250 000");
    long french = keyOf("Nous avons plus de 250\u00a0000 bandes dessinées.", "fr", "250\u00a0000");
    assertEquals(english, russian);
    assertEquals(english, french);
    // A year followed by a count is not a grouped number.
    EntityProfile profile = extractor.extract("In 2019 100 people came.", "en");
    assertTrue(profile.entities().stream().anyMatch(e -> e.surface().equals("2019")));
  }

  @Test
  void weekdaysAndMonths_mapToCldrCodes() {
    assertEquals(
        keyOf("It happened on Saturday morning.", "en", "Saturday"),
        keyOf("Es geschah am Samstag früh.", "de", "Samstag"));
    assertEquals(
        keyOf("It happened in August again.", "en", "August"),
        keyOf("Це сталося в серпні знову.", "uk", "серпні"));
  }

  /** Whether some entity of {@code text} is a CLDR code. */
  private boolean hasCode(String text, String language, String surface) {
    return extractor.extract(text, language).entities().stream()
        .anyMatch(e -> e.surface().equals(surface) && e.kind() == EntityKind.CODE);
  }

  @Test
  void hanWords_areNamesOnlyByTheirOwnLanguagesWrittenNames() {
    // Their toneless pinyin met other languages' names: 但 (but) was Denmark, 应该 (should) the
    // United Kingdom, 見 (see) Ghana.
    String chinese = "但我们应该关注病毒。";
    assertFalse(hasCode(chinese, "zh", "但"));
    assertFalse(hasCode(chinese, "zh", "应该"));
    assertFalse(hasCode(chinese, "zh", "病毒"));
    assertFalse(hasCode("見ることが地域の弊社に必要だ。", "ja", "地域"));
    long china = keyOf("Trade with China grew.", "en", "China");
    assertEquals(china, keyOf("与中国的贸易增长了。", "zh", "中国"));
    assertEquals(china, keyOf("中国との貿易が伸びた。", "ja", "中国"));
    assertEquals(
        keyOf("Trade with the United States grew.", "en", "United States"),
        keyOf("與美國的貿易增長了。", "zh", "美國"));
  }

  @Test
  void lowerCaseWords_areMonthsOrWeekdaysOnlyOfTheirOwnLanguage() {
    // Pooled over every language: German zum was Kazakh Friday, English sale Turkish Tuesday,
    // Ukrainian має English May, Czech kovy Lithuanian March; English may is no month in lower
    // case.
    assertFalse(hasCode("Wir gehen zum Bahnhof.", "de", "zum"));
    assertFalse(hasCode("The sale may start soon.", "en", "sale"));
    assertFalse(hasCode("The sale may start soon.", "en", "may"));
    assertFalse(hasCode("Вона має її книгу.", "uk", "має"));
    assertFalse(hasCode("Вона має її книгу.", "uk", "її"));
    assertFalse(hasCode("Těžké kovy jsou jedovaté.", "cs", "kovy"));
    assertEquals(
        keyOf("It rained in September again.", "en", "September"),
        keyOf("V září opět pršelo.", "cs", "září"));
    assertEquals(
        keyOf("It rained in March again.", "en", "March"),
        keyOf("Il a plu en mars encore.", "fr", "mars"));
  }

  @Test
  void shortMonthNames_areMonthsBesideADayOrAYear() {
    long july = keyOf("It happened in July 2020 again.", "en", "July");
    assertEquals(july, keyOf("Es geschah im Juli 2020 wieder.", "de", "Juli"));
    assertEquals(july, keyOf("Це сталося 5 липня знову.", "uk", "липня"));
    assertEquals(
        keyOf("It happened on 5 May again.", "en", "May"),
        keyOf("Es geschah am 5. Mai wieder.", "de", "Mai"));
    assertEquals(july, keyOf("It happened in July again.", "en", "July"));
    // May is also a verb and a name, Jan a name; the French planet is no month, the French date
    // is.
    assertFalse(hasCode("May I come in? Then Theresa May said no.", "en", "May"));
    assertFalse(hasCode("The COO Jan Marsalek left.", "en", "Jan"));
    assertTrue(hasCode("It was due on Jan 5 at noon.", "en", "Jan"));
    assertFalse(hasCode("La sonde vers Mars est partie.", "fr", "Mars"));
    assertEquals(
        keyOf("It was published on 11 December 2021.", "en", "December"),
        keyOf("Publié le samedi 11 Décembre 2021.", "fr", "Décembre"));
  }

  @Test
  void shortCountryNames_meetByTheirStemInTheirOwnLanguage() {
    long china = keyOf("Trade with China grew.", "en", "China");
    assertEquals(china, keyOf("Obchod s Čínou a v Číně roste.", "cs", "Číně"));
    assertEquals(china, keyOf("Vývoz do Číny roste.", "cs", "Číny"));
    assertEquals(china, keyOf("Trgovina s Kinom i u Kini raste.", "hr", "Kini"));
    assertEquals(
        keyOf("Er flog nach Indien und Tokio.", "de", "Indien"),
        keyOf("He flew to India and Tokyo.", "en", "India"));
    // A short form's stem keeps the letters the form drops: German Mal is not Mali.
    assertFalse(hasCode("Zum ersten Mal war er in Mali.", "de", "Mal"));
    assertTrue(hasCode("Zum ersten Mal war er in Mali.", "de", "Mali"));
  }

  @Test
  void ukrainianNames_meetInTheCasesThatReopenTheirLastVowel() {
    long kyiv = keyOf("He returned to Kyiv today.", "en", "Kyiv");
    assertEquals(kyiv, keyOf("Він повернувся до Києва сьогодні.", "uk", "Києва"));
    assertEquals(kyiv, keyOf("Він живе в Києві давно.", "uk", "Києві"));
    assertEquals(kyiv, keyOf("Він живе в місті Київ давно.", "uk", "Київ"));
  }

  @Test
  void polishNames_meetInEveryCase_byTheirDictionaryLemma() {
    long india = keyOf("He flew to India and Tokyo.", "en", "India");
    assertEquals(india, keyOf("Handel z Indiami rośnie.", "pl", "Indiami"));
    assertEquals(india, keyOf("Eksport do Indii rośnie.", "pl", "Indii"));
    assertEquals(india, keyOf("Poleciał wczoraj do Indie.", "pl", "Indie"));
    long china = keyOf("Trade with China grew.", "en", "China");
    assertEquals(china, keyOf("Handel z Chinami rośnie.", "pl", "Chinami"));
    assertEquals(china, keyOf("Wczoraj Chiny ogłosiły plan.", "pl", "Chiny"));
    assertEquals(
        keyOf("Konferencja w Warszawie się odbyła.", "pl", "Warszawie"),
        keyOf("Wczoraj Warszawa ogłosiła plan.", "pl", "Warszawa"));
    assertEquals(
        keyOf("He lives in Warsaw now.", "en", "Warsaw"),
        keyOf("Konferencja w Warszawie się odbyła.", "pl", "Warszawie"));
  }

  @Test
  void ukrainianNames_meetInEveryCase_byTheirDictionaryLemma() {
    assertEquals(
        keyOf("He lives in Ukraine now.", "en", "Ukraine"),
        keyOf("Він живе в Україні давно.", "uk", "Україні"));
    assertEquals(
        keyOf("Він живе в Україні давно.", "uk", "Україні"),
        keyOf("Сьогодні Україна оголосила план.", "uk", "Україна"));
    assertEquals(
        keyOf("He lives in Poland now.", "en", "Poland"),
        keyOf("Він живе в Польщі давно.", "uk", "Польщі"));
    assertEquals(
        keyOf("Він живе в Польщі давно.", "uk", "Польщі"),
        keyOf("Сьогодні Польща оголосила план.", "uk", "Польща"));
    assertEquals(
        keyOf("Він живе в Києві давно.", "uk", "Києві"),
        keyOf("Він живе в місті Київ давно.", "uk", "Київ"));
  }

  @Test
  void frenchAndItalianNames_areReadAfterTheirElidedArticle_withTheirOwnOffsets() {
    long ukraine = keyOf("He lives in Ukraine now.", "en", "Ukraine");
    String french = "Il aime l'Allemagne et l’Ukraine, d'Israël et l'OTAN.";
    assertEquals(ukraine, keyOf(french, "fr", "Ukraine"));
    assertEquals(ukraine, keyOf("Він живе в Україні давно.", "uk", "Україні"));
    assertEquals(ukraine, keyOf("L'Italia e l'India, dell'Ucraina.", "it", "Ucraina"));
    assertEquals(
        keyOf("He lives in Germany now.", "en", "Germany"), keyOf(french, "fr", "Allemagne"));
    assertEquals(keyOf("He flew to Israel today.", "en", "Israel"), keyOf(french, "fr", "Israël"));
    assertEquals(
        keyOf("He flew to India and Tokyo.", "en", "India"),
        keyOf("L'Italia e l'India.", "it", "India"));
    assertEquals(EntityKind.ACRONYM, kindOf(french, "fr", "OTAN"));
    Entity germany =
        extractor.extract(french, "fr").entities().stream()
            .filter(e -> e.surface().equals("Allemagne"))
            .findFirst()
            .orElseThrow();
    assertEquals(french.indexOf("Allemagne"), germany.start());
    // Not elisions: aujourd'hui stays one word.
    assertTrue(
        extractor.extract("Il pleut aujourd'hui.", "fr").entities().stream()
            .anyMatch(e -> e.surface().equals("aujourd'hui")));
  }

  @Test
  void currencyNamesAndSigns_afterAnAmount_mapToTheirIsoCode_inEveryLanguage() {
    long euro = keyOf("It costs 20 euros now.", "en", "euros");
    assertEquals(euro, keyOf("Це коштує 20 євро зараз.", "uk", "євро"));
    assertEquals(euro, keyOf("Это стоит 20 евро сейчас.", "ru", "евро"));
    assertEquals(euro, keyOf("Es kostet 20 Euro jetzt.", "de", "Euro"));
    assertEquals(euro, keyOf("花费20欧元。", "zh", "欧元"));
    assertEquals(euro, keyOf("Ça coûte 20 € en tout.", "fr", "€"));
    long dollar = keyOf("It costs 20 billion dollars now.", "en", "dollars");
    assertEquals(dollar, keyOf("Білий дім інвестує 20 мільярдів доларів", "uk", "доларів"));
    assertEquals(dollar, keyOf("Это стоит 20 миллиардов долларов.", "ru", "долларов"));
    assertEquals(dollar, keyOf("白宫投资200亿美元", "zh", "美元"));
    assertEquals(dollar, keyOf("The White House invests $20 billion now", "en", "$"));
    assertEquals(dollar, keyOf("Kosztuje 20 dolarów teraz.", "pl", "dolarów"));
    long yen = keyOf("It costs 500 yen now.", "en", "yen");
    assertEquals(yen, keyOf("Це коштує 500 єн зараз.", "uk", "єн"));
    assertEquals(yen, keyOf("それは500円です。", "ja", "円"));
    long rouble = keyOf("It costs 500 rubles now.", "en", "rubles");
    assertEquals(rouble, keyOf("Это стоит 500 рублей сейчас.", "ru", "рублей"));
    assertEquals(rouble, keyOf("Це коштує 1 рубль зараз.", "uk", "рубль"));
    assertEquals(rouble, keyOf("Це коштує 500 рублів зараз.", "uk", "рублів"));
    assertNotEquals(euro, dollar);
    assertNotEquals(yen, rouble);
    // A country's adjective in a currency's name is no currency, and units are words elsewhere.
    assertNotEquals(yen, keyOf("They met 20 Japanese students.", "en", "Japanese"));
    assertFalse(hasCode("Zaprosił 20 rosyjski gości.", "pl", "rosyjski"));
    assertFalse(hasCode("He won the race and the real prize.", "en", "won"));
    assertFalse(hasCode("He won the race and the real prize.", "en", "real"));
    assertFalse(hasCode("Вона сказала, що це правда.", "uk", "Вона"));
  }

  /**
   * One sentence per language of issue #3: a country, a person and an amount of 20 million, each to
   * meet the English sentence's key.
   */
  private static final String[][] PER_LANGUAGE = {
    {
      "en",
      "On Monday Barack Obama said that Germany will spend 20 million.",
      "Germany",
      "Obama",
      "20 million"
    },
    {
      "uk",
      "У понеділок Барак Обама заявив, що Німеччина витратить 20 мільйонів.",
      "Німеччина",
      "Обама",
      "20 мільйонів"
    },
    {
      "ru",
      "В понедельник Барак Обама заявил, что Германия потратит 20 миллионов.",
      "Германия",
      "Обама",
      "20 миллионов"
    },
    {
      "de",
      "Am Montag sagte Barack Obama, dass Deutschland 20 Millionen ausgeben wird.",
      "Deutschland",
      "Obama",
      "20 Millionen"
    },
    {
      "cs",
      "V pondělí Barack Obama řekl, že Německo utratí 20 milionů.",
      "Německo",
      "Obama",
      "20 milionů"
    },
    {
      "fr",
      "Lundi, Barack Obama a dit que l'Allemagne dépensera 20 millions.",
      "Allemagne",
      "Obama",
      "20 millions"
    },
    {
      "es",
      "El lunes Barack Obama dijo que Alemania gastará 20 millones.",
      "Alemania",
      "Obama",
      "20 millones"
    },
    {
      "pl",
      "W poniedziałek Barack Obama powiedział, że Niemcy wydadzą 20 milionów.",
      "Niemcy",
      "Obama",
      "20 milionów"
    },
    {"zh", "周一奥巴马说德国将花费2000万。", "德国", null, "2000万"},
    {"ja", "月曜日にオバマ氏はドイツが2000万を使うと述べた。", "ドイツ", "オバマ", "2000万"},
    {"hi", "सोमवार को बराक ओबामा ने कहा कि जर्मनी 2 करोड़ खर्च करेगा।", "जर्मनी", null, null},
    {
      "is",
      "Á mánudag sagði Barack Obama að Þýskaland myndi eyða 20 milljónum.",
      "Þýskaland",
      "Obama",
      "20 milljónum"
    },
    {
      "hr",
      "U ponedjeljak Barack Obama rekao je da će Njemačka potrošiti 20 milijuna.",
      "Njemačka",
      "Obama",
      "20 milijuna"
    },
  };

  @Test
  void everyLanguageOfTheIssue_meetsEnglish_onACountryAPersonAndAnAmount() {
    String[] english = PER_LANGUAGE[0];
    StringBuilder failures = new StringBuilder();
    for (String[] row : PER_LANGUAGE) {
      for (int column = 2; column < 5; column++) {
        if (row[column] == null) {
          continue;
        }
        long expected = keyOf(english[1], "en", english[column]);
        String surface = row[column];
        boolean met =
            extractor.extract(row[1], row[0]).entities().stream()
                .anyMatch(e -> e.surface().equals(surface) && e.key() == expected);
        if (!met) {
          failures.append(row[0]).append(' ').append(row[column]).append("; ");
        }
      }
    }
    assertEquals("", failures.toString());
  }

  @Test
  void koreanWords_areNamesByTheKoreanCldrNames() {
    assertEquals(keyOf("He lives in Seoul now.", "en", "Seoul"), keyOf("그는 서울 산다.", "ko", "서울"));
    long japan = keyOf("He went to Japan.", "en", "Japan");
    assertEquals(japan, keyOf("그는 일본 갔다.", "ko", "일본"));
    assertEquals(japan, keyOf("彼は日本に行った。", "ja", "日本"));
  }

  @Test
  void koreanWords_areNativeWords_andNamesKeepTheirKeysBeforeAParticle() {
    // Korean was taken for a Han-writing language: every Hangul word a name in a foreign script.

    assertEquals(EntityKind.WORD, kindOf("그는 미국은 크다고 말했다.", "ko", "그는"));
    assertEquals(
        keyOf("The United States is big.", "en", "United States"),
        keyOf("그는 미국은 크다고 말했다.", "ko", "미국은"));
    assertEquals(keyOf("He went to Japan.", "en", "Japan"), keyOf("일본에서 왔다.", "ko", "일본에서"));
    // 인도 (India) ends like the particle 도 but keeps it: what would remain is too short.
    assertEquals(keyOf("He went to India.", "en", "India"), keyOf("그는 인도 갔다.", "ko", "인도"));
    assertFalse(LanguageTags.writesHan("ko"));
  }

  @Test
  void sentenceInitialWord_isNotAName_unlessCapitalisedInside() {
    EntityProfile profile = extractor.extract("Details follow. Details matter to Details.", "en");
    assertTrue(profile.entities().stream().anyMatch(e -> e.kind() == EntityKind.NAME));
    EntityProfile plain = extractor.extract("Although it rained, we went out.", "en");
    assertFalse(plain.entities().stream().anyMatch(e -> e.kind() == EntityKind.NAME));
  }

  @Test
  void latinNameInsideCyrillic_isAnAnchor_andLinksAreKept() {
    EntityProfile profile =
        extractor.extract("компанії Shanghai Anxun, пише tomshw.it і @polydup", "uk");
    assertTrue(
        profile.entities().stream()
            .anyMatch(e -> e.surface().equals("Anxun") && e.kind() == EntityKind.NAME));
    assertTrue(
        profile.entities().stream()
            .anyMatch(e -> e.surface().equals("tomshw.it") && e.kind() == EntityKind.LINK));
    assertTrue(
        profile.entities().stream()
            .anyMatch(e -> e.surface().equals("@polydup") && e.kind() == EntityKind.LINK));
  }

  @Test
  void decimalsAfterSpaceGroupedThousands_stayInTheirNumber() {
    long english = keyOf("It weighs 1,234.5 kg in all.", "en", "1,234.5");
    assertEquals(english, keyOf("Il pèse 1 234,5 kg en tout.", "fr", "1 234,5"));
    assertEquals(english, keyOf("Es wiegt 1.234,5 kg insgesamt.", "de", "1.234,5"));
    assertEquals(english, keyOf("It weighs 1234.5 kg in all.", "en", "1234.5"));
    assertNotEquals(english, keyOf("It weighs 12,345 kg in all.", "en", "12,345"));
    // Three decimals after a space group are decimals, not another group.
    assertEquals(
        keyOf("It weighs 1,234.567 kg in all.", "en", "1,234.567"),
        keyOf("Il pèse 1 234,567 kg en tout.", "fr", "1 234,567"));
  }

  @Test
  void aListOfThreeDigitNumbers_isNotOneNumberTooLongToRead() {
    // Space-grouped thousands joined past what a number can hold used to throw (a null value).
    String text = "Winning numbers: 101 202 303 404 505 606 707 808 909 111 222 333 444 555.";
    EntityProfile profile = extractor.extract(text, "en");
    // A list, not one number: each of its 14 groups is a number of its own.
    assertEquals(
        14,
        profile.entities().stream().filter(e -> e.kind() == EntityKind.NUMBER).count(),
        profile.entities()::toString);
    EntityProfile trillion = extractor.extract("Debt reached 1 000 000 000 000 dollars.", "en");
    assertTrue(
        trillion.entities().stream().anyMatch(e -> e.surface().equals("1 000 000 000 000")),
        trillion.entities()::toString);
    // Still one number where the groups make one: 250 000 is 250000.
    EntityProfile grouped = extractor.extract("Зарплата 250 000 гривень.", "uk");
    assertTrue(
        grouped.entities().stream().anyMatch(e -> e.surface().equals("250 000")),
        grouped.entities()::toString);
  }

  @Test
  void pathologicalRuns_doNotOverflowTheStack() {
    // The link pattern's domain labels recursed once per label inside java.util.regex.
    extractor.extract("a.".repeat(5_000), "en");
    extractor.extract("x".repeat(20_000) + ":", "en");
    extractor.extract("\uD835\uDC07\uD835\uDC1E\uD835\uDC25 ".repeat(2_000), "en");
  }

  @Test
  void randomUnicode_neverThrows_andKeepsOffsets() {
    long seed = Long.getLong("polydup.test.seed", 20261122L);
    Random random = new Random(seed);
    // Every language of issue #3, a few it does not list, unknown ones.
    String[] languages = {
      "en",
      "uk",
      "ru",
      "de",
      "cs",
      "fr",
      "es",
      "pl",
      "zh",
      "ja",
      "hi",
      "is",
      "hr",
      "it",
      "ko",
      "th",
      "ar",
      "ka",
      "und-Latn",
      "xx"
    };
    for (int round = 0; round < 600; round++) {
      String text = randomText(random, random.nextInt(200));
      String language = languages[random.nextInt(languages.length)];
      try {
        EntityProfile profile = extractor.extract(text, language);
        int previousStart = -1;
        for (Entity entity : profile.entities()) {
          assertTrue(entity.start() >= previousStart, "order");
          assertTrue(entity.end() <= text.length(), "end within text");
          assertEquals(text.substring(entity.start(), entity.end()), entity.surface());
          previousStart = entity.start();
        }
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("failed with seed " + seed + " on round " + round, e);
      }
    }
  }

  private static String randomText(Random random, int length) {
    int[][] ranges = {
      {0x20, 0x7e}, {0x400, 0x4ff}, {0x4e00, 0x4fff}, {0x30a0, 0x30ff}, {0x3040, 0x309f},
      {0x0300, 0x036f}, {0x0590, 0x06ff}, {0x0900, 0x097f}, {0xff10, 0xff5a}, {0x1f300, 0x1f64f},
      {0xd800, 0xdfff}, {0x2000, 0x206f}, {0xac00, 0xd7a3}, {0x0e00, 0x0e7f}, {0x10a0, 0x10ff},
      {0x20a0, 0x20bf}, {0x2018, 0x2019}, {0x0100, 0x017f}
    };
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int[] range = ranges[random.nextInt(ranges.length)];
      int codePoint = range[0] + random.nextInt(range[1] - range[0] + 1);
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
        out.append((char) codePoint); // lone surrogate
      } else {
        out.appendCodePoint(codePoint);
      }
      if (random.nextInt(6) == 0) {
        out.append(random.nextBoolean() ? ' ' : '\n');
      }
    }
    return out.toString();
  }

  @Test
  void hanWords_meetBetweenJapaneseAndChinese_byTheirWrittenForm_only() {
    EntityProfile japanese = extractor.extract("日本の経済が成長した。", "ja");
    EntityProfile chinese = extractor.extract("中国的经济增长了。", "zh");
    long japaneseForm = 0;
    for (Entity entity : japanese.entities()) {
      if (entity.surface().equals("経済") && entity.kind() == EntityKind.HAN_FORM) {
        japaneseForm = entity.key();
      }
    }
    long chineseForm = 0;
    for (Entity entity : chinese.entities()) {
      if (entity.surface().equals("经济") && entity.kind() == EntityKind.HAN_FORM) {
        chineseForm = entity.key();
      }
    }
    assertNotEquals(0, japaneseForm);
    assertEquals(japaneseForm, chineseForm);
    assertTrue(LanguageTags.writesHan("ja") && LanguageTags.writesHan("zh"));
    assertFalse(LanguageTags.writesHan("en") || LanguageTags.writesHan("uk"));
  }
}
