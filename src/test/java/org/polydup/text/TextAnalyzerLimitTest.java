package org.polydup.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The character limit cuts the text the tokeniser reads, but a comment opener or a surrogate pair
 * at the limit is still read as the whole text has it (the tokeniser copies the text and looks two
 * characters past the limit). Expected tokens are those of the analyzer that read the String
 * directly (commit 4b88eed).
 */
class TextAnalyzerLimitTest {
  private static List<String> tokens(String text, int limit) {
    AnalyzedText analyzed = new TextAnalyzer(new TextOptions(3, 0L, limit)).analyze(text);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < analyzed.tokenCount(); i++) {
      tokens.add(analyzed.token(i) + "@" + analyzed.start(i) + "-" + analyzed.end(i));
    }
    return tokens;
  }

  @Test
  void analyze_skipsACommentOnlyWhenItClosesInsideTheLimit() {
    String text = "alpha <!-- note --> gamma";
    assertEquals(List.of("alpha@0-5"), tokens(text, 8)); // the limit cuts the opener
    assertEquals(List.of("alpha@0-5"), tokens(text, 10));
    // The closer runs past the limit: the opener is not markup, so the note is text.
    assertEquals(List.of("alpha@0-5", "note@11-15"), tokens(text, 18));
    assertEquals(List.of("alpha@0-5"), tokens(text, 19)); // closed inside: skipped
  }

  @Test
  void arabicTatweel_isLayout_notALetterOfTheWord() {
    assertEquals(tokens("\u0643\u062a\u0627\u0628 \u062c\u0645\u064a\u0644", 100).size(), 2);
    assertEquals(
        List.of("\u0643\u062a\u0627\u0628"),
        tokens("\u0643\u062a\u0640\u0640\u0627\u0628", 100).stream()
            .map(t -> t.substring(0, t.indexOf('@')))
            .toList());
  }

  @Test
  void streamSafe_keepsThirtyMarksOnALetter_andLeavesOtherTextAlone() {
    char[] storm = ("a" + "\u0301\u0316".repeat(20) + "b").toCharArray();
    int length = StreamSafeText.dropExcessMarks(storm, storm.length);
    assertEquals("a" + "\u0301\u0316".repeat(15) + "b", new String(storm, 0, length));
    char[] plain = "caf\u00e9 na\u0308ive \uD835\uDC07".toCharArray();
    assertEquals(plain.length, StreamSafeText.dropExcessMarks(plain, plain.length));
    // A mark hidden in a decomposition counts: U+0F73 is two marks to the normaliser.
    char[] hidden = ("a" + "\u0F73".repeat(40)).toCharArray();
    assertEquals(1 + 15, StreamSafeText.dropExcessMarks(hidden, hidden.length));
    // A storm is one token, its letter and thirty marks, however long it is.
    assertEquals(
        1,
        new TextAnalyzer(TextOptions.defaults())
            .analyze("a" + "\u0301\u0316".repeat(5_000))
            .tokenCount());
  }

  @Test
  void analyze_readsASurrogatePairCutByTheLimitAsTheStringHasIt() {
    String text = "word \uD83D\uDE00x tail";
    assertEquals(List.of("word@0-4"), tokens(text, 6)); // the limit falls inside the pair
    assertEquals(List.of("word@0-4"), tokens(text, 7));
    assertEquals(List.of("word@0-4", "x@7-8"), tokens(text, 8));
  }
}
