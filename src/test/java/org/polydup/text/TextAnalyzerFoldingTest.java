package org.polydup.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spellings that a reader takes for the same word must give the same tokens. */
class TextAnalyzerFoldingTest {
  private final TextAnalyzer analyzer = new TextAnalyzer(TextOptions.defaults());

  private List<String> tokens(String text) {
    AnalyzedText analyzed = analyzer.analyze(text);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < analyzed.tokenCount(); i++) {
      tokens.add(analyzed.token(i));
    }
    return tokens;
  }

  private void assertSameTokens(String expected, String variant) {
    assertEquals(tokens(expected), tokens(variant), variant);
  }

  @Test
  void tokens_sameForPersianRetypedWithArabicYehAndKaf() {
    String persian = "سازمان هواشناسی کشور اعلام کرد که از فردا موج جدیدی از بارش می‌رسد";
    assertSameTokens(persian, persian.replace('\u06CC', '\u064A').replace('\u06A9', '\u0643'));
    // Arabic keyboards write a final yeh without dots as alef maksura.
    assertSameTokens(persian, persian.replace("ی ", "\u0649 ").replace('\u06A9', '\u0643'));
  }

  @Test
  void tokens_sameForDecimalDigitsOfEveryScript() {
    List<String> ascii = tokens("1402 2024 2567");
    assertEquals(List.of("1402", "2024", "2567"), ascii);
    assertSameTokens("1402 2024 2567", "۱۴۰۲ २०२४ ๒๕๖๗"); // Persian, Devanagari, Thai
    assertSameTokens("1402 2024 2567", "١٤٠٢ ২০২৪ ၂၅၆၇"); // Arabic-Indic, Bengali, Myanmar
    assertSameTokens("1402", "\uD83A\uDD51\uD83A\uDD54\uD83A\uDD50\uD83A\uDD52"); // Adlam
    assertSameTokens("3,500.25", "٣,٥٠٠.٢٥");
  }

  @Test
  void tokens_sameForNumbersWithArabicSeparators() {
    assertSameTokens("3.5 1,000 km", "٣٫٥ ١٬٠٠٠ km");
    assertEquals(List.of("3.5"), tokens("٣٫٥"), "one number, not two");
  }

  @Test
  void tokens_sameForTurkishCapitalDottedI() {
    assertEquals(List.of("izmir", "istanbul"), tokens("İzmir İstanbul"));
    assertSameTokens("İzmir İstanbul", "İZMİR İSTANBUL");
    assertSameTokens("İzmir İstanbul", "izmir istanbul");
  }

  @Test
  void tokens_sameForGreekWithAndWithoutAccents() {
    String greek = "Η Εθνική Μετεωρολογική Υπηρεσία στην Αθήνα προειδοποιεί για καταιγίδες";
    assertSameTokens(greek, greek.toUpperCase(java.util.Locale.forLanguageTag("el")));
    assertSameTokens(
        greek, "Η ΕΘΝΙΚΗ ΜΕΤΕΩΡΟΛΟΓΙΚΗ ΥΠΗΡΕΣΙΑ ΣΤΗΝ ΑΘΗΝΑ ΠΡΟΕΙΔΟΠΟΙΕΙ ΓΙΑ ΚΑΤΑΙΓΙΔΕΣ");
    assertSameTokens(greek, Normalizer.normalize(greek, Normalizer.Form.NFD));
    assertSameTokens("Ταΐζω πρωτεΐνη", "ΤΑΪΖΩ ΠΡΩΤΕΪΝΗ");
  }

  @Test
  void tokens_hebrewGereshAndGershayimKeptLikeApostrophes() {
    assertEquals(List.of("ג'ורג", "בוש"), tokens("ג׳ורג׳ בוש"));
    assertSameTokens("ג'ורג' בוש", "ג׳ורג׳ בוש");
    assertEquals(List.of("צה'ל"), tokens("צה״ל"));
  }

  @Test
  void tokens_armenianStressMarksInsideAWordAreIgnored() {
    assertEquals(List.of("ինչու", "է"), tokens("ինչո՞ւ է"));
    assertSameTokens("Երևանում շատ ցուրտ է", "Երևանո՛ւմ շատ ցո՜ւրտ է");
  }
}
