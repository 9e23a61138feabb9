package org.polydup.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden tokens and raw-text offsets, one case per script family. */
class TextAnalyzerGoldenTest {
  private final TextAnalyzer analyzer = new TextAnalyzer(TextOptions.defaults());

  /** Renders tokens as {@code token@start-end} so a failure shows the whole sequence. */
  static List<String> render(AnalyzedText analyzed) {
    List<String> rendered = new ArrayList<>();
    for (int i = 0; i < analyzed.tokenCount(); i++) {
      rendered.add(analyzed.token(i) + "@" + analyzed.start(i) + "-" + analyzed.end(i));
    }
    return rendered;
  }

  private void assertTokens(String text, String... expected) {
    assertEquals(List.of(expected), render(analyzer.analyze(text)), text);
  }

  @Test
  void analyze_english_keepsInnerApostrophesAndNumbers_splitsDashesAndAbbreviationDots() {
    assertTokens(
        "Don't pay 1,000.5 for O’Brien's e-mail — U.S. 1990's",
        "don't@0-5",
        "pay@6-9",
        "1,000.5@10-17",
        "for@18-21",
        "o'brien's@22-31",
        "e@32-33",
        "mail@34-38",
        "u@41-42",
        "s@43-44",
        "1990@46-50",
        "s@51-52");
  }

  @Test
  void analyze_german_dropsLowAndHighQuotes_foldsSharpS() {
    assertTokens(
        "Die „Zwangsdigitalisierung“ – sagt Müller. STRASSE Straße",
        "die@0-3",
        "zwangsdigitalisierung@5-26",
        "sagt@30-34",
        "müller@35-41",
        "strasse@43-50",
        "strasse@51-57");
  }

  @Test
  void analyze_ukrainianAndRussian_unifiesApostropheVariantsInsideWords() {
    assertTokens(
        "Київ — м’ясо, м'ясо, мʼясо. Москва: «Привет»!",
        "київ@0-4",
        "м'ясо@7-12",
        "м'ясо@14-19",
        "м'ясо@21-26",
        "москва@28-34",
        "привет@37-43");
  }

  @Test
  void analyze_chinese_segmentsWithDictionary() {
    assertTokens(
        "北京时间3月5日，国务院总理发表讲话。",
        "北京@0-2",
        "时间@2-4",
        "3@4-5",
        "月@5-6",
        "5@6-7",
        "日@7-8",
        "国务院@9-12",
        "总理@12-14",
        "发表@14-16",
        "讲话@16-18");
  }

  @Test
  void analyze_japanese_segmentsKanaAndKanji_foldsFullWidthLatinAndDigits() {
    assertTokens(
        "東京オリンピックは2021年に開催。ｉＰｈｏｎｅ１２",
        "東京@0-2",
        "オリンピック@2-8",
        "は@8-9",
        "2021@9-13",
        "年@13-14",
        "に@14-15",
        "開催@15-17",
        "iphone12@18-26");
  }

  @Test
  void analyze_fullwidthNumberSeparators_keepANumberWhole() {
    assertTokens(
        "人口は３５，０００人、２．５％増", "人口@0-2", "は@2-3", "35,000@3-9", "人@9-10", "2.5@11-14", "増@15-16");
  }

  @Test
  void analyze_bigramMode_givesOverlappingHanAndKanaBigrams_butKeepsDictionaryForThai() {
    TextAnalyzer bigrams =
        new TextAnalyzer(
            TextOptions.builder()
                .hanAndKanaSegmentation(TextOptions.HanAndKanaSegmentation.BIGRAMS)
                .build());
    assertEquals(
        List.of(
            "北京@0-2", "京时@1-3", "时间@2-4", "3@4-5", "月@5-6", "东京@7-9", "ประเทศไทย@9-18", "มี@18-20"),
        render(bigrams.analyze("北京时间3月，东京ประเทศไทยมี")));
  }

  @Test
  void analyze_thai_segmentsWithDictionary() {
    assertTokens("ประเทศไทยมีประชากรมาก", "ประเทศไทย@0-9", "มี@9-11", "ประชากร@11-18", "มาก@18-21");
  }

  @Test
  void analyze_hindi_keepsVowelSignsAndViramaInsideWords() {
    assertTokens(
        "भारत की राजधानी नई दिल्ली है।",
        "भारत@0-4",
        "की@5-7",
        "राजधानी@8-15",
        "नई@16-18",
        "दिल्ली@19-25",
        "है@26-28");
  }

  @Test
  void analyze_arabic_splitsOnSpacesAndPunctuation() {
    assertTokens("القاهرة هي عاصمة مصر.", "القاهرة@0-7", "هي@8-10", "عاصمة@11-16", "مصر@17-20");
  }

  @Test
  void analyze_html_decodesEntitiesAndSkipsTags_offsetsPointIntoRawText() {
    assertTokens(
        "Tom &amp; Jerry&#8217;s &quot;show&quot;<br>&laquo;x&raquo;&mdash;y&nbsp;z <p class=\"a\">new</p>",
        "tom@0-3",
        "jerry's@10-23",
        "show@30-34",
        "x@51-52",
        "y@66-67",
        "z@73-74",
        "new@88-91");
  }

  @Test
  void analyze_unknownOrMalformedEntities_stayText_windows1252QuotesDecode() {
    assertTokens(
        "AT&T &bogus; don&#146;t &#xZZ; &#99999999;",
        "at@0-2",
        "t@3-4",
        "bogus@6-11",
        "don't@13-23",
        "xzz@26-29",
        "99999999@33-41");
  }

  @Test
  void analyze_lessThanThatIsNotATag_isASeparator() {
    assertTokens("a<b x<y> 1<2", "a@0-1", "b@2-3", "x@4-5", "y@6-7", "1@9-10", "2@11-12");
  }

  @Test
  void analyze_combiningSequencesLigaturesAndFullWidth_areNormalisedNfkcCaseFolded() {
    assertTokens("e\u0301te\u0301 ﬁne ＡＢＣ ①", "été@0-5", "fine@6-9", "abc@10-13", "1@14-15");
  }

  @Test
  void analyze_softHyphenAndZeroWidthJoiner_areIgnoredInsideWords() {
    assertTokens("Nach\u00ADricht", "nachricht@0-10");
  }

  @Test
  void analyze_emptyAndPunctuationOnly_giveNoTokensAndNoShingles() {
    assertEquals(0, analyzer.analyze("").shingleCount());
    assertEquals(0, analyzer.analyze(" — «» … ").tokenCount());
  }
}
