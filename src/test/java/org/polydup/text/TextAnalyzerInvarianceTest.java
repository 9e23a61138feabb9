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
    AnalyzedText expected = analyzer.analyze(PLAIN);
    AnalyzedText actual = analyzer.analyze(variant);
    assertEquals(
        TextAnalyzerGoldenTest.render(expected).stream().map(t -> t.split("@")[0]).toList(),
        TextAnalyzerGoldenTest.render(actual).stream().map(t -> t.split("@")[0]).toList(),
        variant);
    assertArrayEquals(expected.shingles(), actual.shingles(), variant);
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
