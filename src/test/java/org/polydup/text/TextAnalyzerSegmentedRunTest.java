package org.polydup.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.Test;

/**
 * Scripts written without spaces are segmented by a dictionary; a copy that writes the same text
 * with HTML entities, or in another normalisation form, must be segmented into the same words.
 */
class TextAnalyzerSegmentedRunTest {
  private final TextAnalyzer analyzer = new TextAnalyzer(TextOptions.defaults());

  /** News sentences, one per script the dictionary segmenter handles. */
  private static final String[] TEXTS = {
    "กรมอุตุนิยมวิทยาประกาศเตือนประชาชนในภาคเหนือให้เตรียมรับมือกับฝนตกหนัก", // Thai
    "ກົມອຸຕຸນິຍົມ ແລະ ອຸທົກກະສາດ ໄດ້ແຈ້ງເຕືອນວ່າ ຈະມີຝົນຕົກໜັກໃນແຂວງພາກເໜືອ", // Lao
    "ក្រសួងធនធានទឹក និងឧតុនិយម បានព្រមានថា ភ្លៀងធ្លាក់ខ្លាំង នឹងកើតមាន", // Khmer
    "မိုးလေဝသနှင့် ဇလဗေဒညွှန်ကြားမှုဦးစီးဌာနက လာမည့် သုံးရက်အတွင်း", // Burmese
    "北京——中国气象局周二发布暴雨橙色预警，预计未来三天华北和东北地区将出现强降雨天气。", // Chinese
    "東京都はガイドラインを導入すると発表した。データによると、観光客は大きく増加した。" // Japanese
  };

  /** Each code point that is a letter or mark, from the {@code every}th on, as {@code &#N;}. */
  private static String encodeEvery(String text, int every) {
    StringBuilder encoded = new StringBuilder();
    int count = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      int type = Character.getType(codePoint);
      if (type >= Character.UPPERCASE_LETTER && type <= Character.COMBINING_SPACING_MARK) {
        count++;
        if (count % every == 0) {
          encoded.append("&#").append(codePoint).append(';');
          continue;
        }
      }
      encoded.appendCodePoint(codePoint);
    }
    return encoded.toString();
  }

  /** Each token, with the raw text it came from read as a browser shows it. */
  private static List<String> tokensWithSources(AnalyzedText analyzed) {
    List<String> rendered = new ArrayList<>();
    for (int i = 0; i < analyzed.tokenCount(); i++) {
      String source =
          StringEscapeUtils.unescapeHtml4(
              analyzed.text().substring(analyzed.start(i), analyzed.end(i)));
      rendered.add(analyzed.token(i) + " from " + source);
    }
    return rendered;
  }

  private void assertSameWords(String plain, String variant) {
    assertEquals(
        tokensWithSources(analyzer.analyze(plain)),
        tokensWithSources(analyzer.analyze(variant)),
        variant);
  }

  private void assertSameTokens(String plain, String variant) {
    assertEquals(tokens(analyzer.analyze(plain)), tokens(analyzer.analyze(variant)), variant);
  }

  private static List<String> tokens(AnalyzedText analyzed) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < analyzed.tokenCount(); i++) {
      tokens.add(analyzed.token(i));
    }
    return tokens;
  }

  @Test
  void tokens_sameForEntityEncodedSegmentedScripts() {
    for (String text : TEXTS) {
      assertSameWords(text, encodeEvery(text, 1));
      assertSameWords(text, encodeEvery(text, 9));
    }
  }

  @Test
  void tokens_sameForEntityAtTheStartOfAThaiWord() {
    assertSameWords("ประกาศเตือนประชาชน", "ประกาศเ&#3605;ือนประชาชน");
    assertSameWords("北京中国气象局", "北京&#20013;国气象局");
    assertSameWords("北京中国气象局", "北京&#x4E2D;国气象局");
  }

  @Test
  void tokens_sameForBigramsOfEntityEncodedHanAndKana() {
    TextAnalyzer bigrams =
        new TextAnalyzer(
            TextOptions.builder()
                .hanAndKanaSegmentation(TextOptions.HanAndKanaSegmentation.BIGRAMS)
                .build());
    for (String text : new String[] {TEXTS[4], TEXTS[5]}) {
      assertEquals(
          tokensWithSources(bigrams.analyze(text)),
          tokensWithSources(bigrams.analyze(encodeEvery(text, 1))));
      assertEquals(
          tokensWithSources(bigrams.analyze(text)),
          tokensWithSources(bigrams.analyze(encodeEvery(text, 9))));
    }
  }

  @Test
  void tokens_sameForDecomposedSegmentedScripts() {
    for (String text : TEXTS) {
      assertSameTokens(text, Normalizer.normalize(text, Normalizer.Form.NFD));
    }
    assertSameTokens("ဦးစီးဌာနက", Normalizer.normalize("ဦးစီးဌာနက", Normalizer.Form.NFD));
  }

  @Test
  void tokens_sameForThaiSaraAmAsNikhahitAndSaraAa() {
    String thai = "นายกรัฐมนตรีกล่าวว่าจำนวนผู้ประสบภัยกำลังเพิ่มขึ้นและน้ำท่วมทำลายบ้านเรือน";
    assertSameTokens(thai, thai.replace("\u0E33", "\u0E4D\u0E32"));
  }

  @Test
  void tokens_sameForLaoHoNoAndHoMoLigaturesAsTwoLetters() {
    String lao = "ຈະມີຝົນຕົກໜັກໃນແຂວງພາກເໜືອ ແລະ ໜ່ວຍງານໃໝ່ໄດ້ແຈ້ງເຕືອນ";
    assertSameTokens(lao, lao.replace("\u0EDC", "\u0EAB\u0E99").replace("\u0EDD", "\u0EAB\u0EA1"));
  }
}
