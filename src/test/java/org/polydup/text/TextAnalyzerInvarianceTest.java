package org.polydup.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Light edits that a repost typically introduces must not change the shingle sequence. */
class TextAnalyzerInvarianceTest {
  private final TextAnalyzer analyzer = new TextAnalyzer(TextOptions.defaults());

  private static final String PLAIN =
      "He said \"Tom & Jerry's show\" was 'great' - \"really\" great. It's back.";

  private void assertSameShingles(String variant) {
    assertSameWords(analyzer.analyze(PLAIN), variant);
  }

  /** The variant reads as the same tokens (offsets aside) and the same shingles. */
  private void assertSameWords(AnalyzedText expected, String variant) {
    AnalyzedText actual = analyzer.analyze(variant);
    assertEquals(
        TextAnalyzerGoldenTest.render(expected).stream().map(t -> t.split("@")[0]).toList(),
        TextAnalyzerGoldenTest.render(actual).stream().map(t -> t.split("@")[0]).toList(),
        variant);
    assertArrayEquals(expected.shingles(), actual.shingles(), variant);
  }

  @Test
  void hanAndKanaBigrams_inNfd_withSelectorsOrInvisibleCharacters_giveTheSameShingles() {
    // Bigrams, as the detector's Fingerprinter segments Han and kana.
    TextAnalyzer analyzer =
        new TextAnalyzer(
            TextOptions.builder()
                .hanAndKanaSegmentation(TextOptions.HanAndKanaSegmentation.BIGRAMS)
                .build());
    String japanese = "東京都はガイドラインを導入すると発表した。データによると、観光客は大きく増加した。";
    String chinese = "北京时间3月5日，国务院总理发表政府工作报告，提出经济增长的预期目标。";
    for (String text : new String[] {japanese, chinese}) {
      long[] expected = analyzer.analyze(text).shingles();
      for (String variant :
          new String[] {
            java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD),
            text.replace("国", "国\uDB40\uDD00"), // an ideographic variation selector
            text.replaceAll("(.{3})", "$1\u00AD"), // soft hyphens
            text.replaceAll("(.{4})", "$1\u200D"), // zero-width joiners
            text.replace("ガイドライン", "ｶﾞｲﾄﾞﾗｲﾝ") // halfwidth katakana, voicing marks apart
          }) {
        assertArrayEquals(expected, analyzer.analyze(variant).shingles(), variant);
      }
    }
  }

  @Test
  void dictionaryScripts_withInvisibleCharacters_giveTheSameWords() {
    // ICU's dictionary segmentation breaks at a soft hyphen or a joiner; a repost that carries
    // them (hyphenation hints, copied from a page) must read as the same words.
    String[] texts = {
      "รัฐบาลไทยประกาศมาตรการใหม่เพื่อกระตุ้นเศรษฐกิจในปีหน้า", // Thai
      "ລັດຖະບານລາວປະກາດມາດຕະການໃໝ່ເພື່ອຊຸກຍູ້ເສດຖະກິດ", // Lao
      "រដ្ឋាភិបាលកម្ពុជាបានប្រកាសវិធានការថ្មីដើម្បីជំរុញសេដ្ឋកិច្ច", // Khmer
      "မြန်မာနိုင်ငံအစိုးရသည်စီးပွားရေးအတွက်အစီအစဉ်အသစ်ကိုကြေညာခဲ့သည်" // Burmese
    };
    for (String text : texts) {
      AnalyzedText expected = analyzer.analyze(text);
      for (String variant :
          new String[] {
            text.replaceAll("(.{3})", "$1\u00AD"), // soft hyphens
            text.replaceAll("(.{4})", "$1\u200D"), // zero-width joiners
            text.replaceAll("(.{5})", "$1\u200C") // zero-width non-joiners
          }) {
        assertSameWords(expected, variant);
      }
    }
  }

  @Test
  void curlyQuotesAndDashes_giveSameShinglesAsStraightOnes() {
    assertSameShingles("He said “Tom & Jerry’s show” was ‘great’ — „really“ great. It’s back.");
  }

  @Test
  void guillemetsAndPrimes_giveSameShinglesAsStraightOnes() {
    assertSameShingles("He said «Tom & Jerry′s show» was ‹great› – »really« great. Itʼs back.");
  }

  @Test
  void htmlEntities_giveSameShinglesAsDecodedText() {
    assertSameShingles(
        "He said &quot;Tom &amp; Jerry&#8217;s show&quot; was &#x27;great&#39;&nbsp;&mdash;"
            + " &laquo;really&raquo; great. It&rsquo;s back.");
  }

  @Test
  void markupAndWhitespaceVariants_giveSameShinglesAsPlainText() {
    assertSameShingles(
        "<p>He  said\u00A0\"Tom &\n\nJerry's show\"<br/>was\t'great'\u2003-\r\n\"really\"\u3000great."
            + "</p>\n<p class=\"next\">It's back.</p>");
  }

  @Test
  void caseAndFullWidthVariants_giveSameShinglesAsPlainText() {
    assertSameShingles("HE SAID \"TOM & JERRY'S SHOW\" WAS 'GREAT' - \"REALLY\" ＧＲＥＡＴ. IT'S BACK.");
  }
}
