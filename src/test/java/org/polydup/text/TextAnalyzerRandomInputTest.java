package org.polydup.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random Unicode input (unpaired surrogates, RTL text, combining marks, markup fragments, empty,
 * huge) must never throw and must keep the output invariants. The seed is printed on failure.
 */
class TextAnalyzerRandomInputTest {
  private static final long BASE_SEED = 0x5EED_2026L;

  /** Pieces that stress the tokenizer: each is a code point or a short string. */
  private static final String[] PIECES = {
    " ",
    "\n",
    "\u00A0",
    "'",
    "’",
    "-",
    ".",
    ",",
    "&",
    "<",
    ">",
    ";",
    "#",
    "&amp;",
    "&#8217;",
    "&#xD800;",
    "&#0;",
    "&bogus;",
    "<br>",
    "<p class=x>",
    "<!--",
    "-->",
    "a",
    "Z",
    "é",
    "e\u0301",
    "\u0301",
    "\u0300\u0301",
    "\u00AD",
    "\u200D",
    "\u200B",
    "\uFEFF",
    "\uD800",
    "\uDC00",
    "\uD83D\uDE00",
    "\uD840\uDC00",
    "ß",
    "ﬁ",
    "İ",
    "ı",
    "Σ",
    "ς",
    "я",
    "ї",
    "ʼ",
    "ש",
    "\u05B0",
    "ع",
    "\u064B",
    "\u202E",
    "\u200F",
    "中",
    "国",
    "の",
    "カ",
    "ー",
    "ก",
    "\u0E31",
    "ລ",
    "ក",
    "မ",
    "ह",
    "\u094D",
    "\u093F",
    "한",
    "１",
    "٣",
    "7",
    "①",
    "½",
    "\u3000",
  };

  @Test
  void analyze_randomUnicode_neverThrowsAndKeepsInvariants() {
    TextAnalyzer analyzer = new TextAnalyzer(TextOptions.defaults());
    for (int round = 0; round < 3000; round++) {
      long seed = BASE_SEED + round;
      String text = randomText(new SplittableRandom(seed));
      try {
        checkInvariants(analyzer.analyze(text), text, false);
      } catch (AssertionError | RuntimeException e) {
        fail("seed " + seed + " text " + escape(text) + ": " + e, e);
      }
    }
  }

  @Test
  void shingle_randomUnicode_givesAnalyzesHashesAndSpans() {
    for (TextOptions.HanAndKanaSegmentation segmentation :
        TextOptions.HanAndKanaSegmentation.values()) {
      // One worker for both calls, interleaved, so state left by one call would show in the other.
      TextAnalyzer analyzer =
          new TextAnalyzer(TextOptions.builder().hanAndKanaSegmentation(segmentation).build());
      for (int round = 0; round < 2000; round++) {
        long seed = BASE_SEED + 2_000_000 + round;
        String text = randomText(new SplittableRandom(seed));
        try {
          ShingleSpans spans = analyzer.shingle(text);
          AnalyzedText analyzed = analyzer.analyze(text);
          assertEquals(analyzed.shingleCount(), spans.count());
          for (int j = 0; j < spans.count(); j++) {
            assertEquals(analyzed.shingles()[j], spans.hashes()[j], "hash " + j);
            assertEquals(analyzed.shingleStart(j), spans.starts()[j], "start " + j);
            assertEquals(analyzed.shingleEnd(j), spans.ends()[j], "end " + j);
          }
          assertEquals(text, spans.text());
        } catch (AssertionError | RuntimeException e) {
          fail("seed " + seed + " " + segmentation + " text " + escape(text) + ": " + e, e);
        }
      }
    }
  }

  @Test
  void analyze_randomUnicodeWithBigrams_neverThrowsAndKeepsInvariants() {
    TextAnalyzer analyzer =
        new TextAnalyzer(
            TextOptions.builder()
                .hanAndKanaSegmentation(TextOptions.HanAndKanaSegmentation.BIGRAMS)
                .build());
    for (int round = 0; round < 3000; round++) {
      long seed = BASE_SEED + 1_000_000 + round;
      String text = randomText(new SplittableRandom(seed));
      try {
        checkInvariants(analyzer.analyze(text), text, true);
      } catch (AssertionError | RuntimeException e) {
        fail("seed " + seed + " text " + escape(text) + ": " + e, e);
      }
    }
  }

  @Test
  void analyze_hugeInput_isBoundedByMaximumCharacters() {
    TextAnalyzer analyzer =
        new TextAnalyzer(TextOptions.builder().maximumCharacters(100_000).build());
    StringBuilder huge = new StringBuilder();
    SplittableRandom random = new SplittableRandom(BASE_SEED);
    while (huge.length() < 400_000) {
      huge.append(PIECES[random.nextInt(PIECES.length)]);
    }
    String text = huge.toString();
    AnalyzedText analyzed = analyzer.analyze(text);
    checkInvariants(analyzed, text, false);
    assertTrue(analyzed.end(analyzed.tokenCount() - 1) <= 100_000);
  }

  @Test
  void analyze_oneHugeWord_isOneToken() {
    String text = "x".repeat(1_000_000);
    AnalyzedText analyzed = new TextAnalyzer(TextOptions.defaults()).analyze(text);
    assertEquals(1, analyzed.tokenCount());
    assertEquals(1, analyzed.shingleCount());
  }

  private static String randomText(SplittableRandom random) {
    int length = random.nextInt(0, 60);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (random.nextInt(4) == 0) {
        text.append((char) random.nextInt(0x10000)); // any UTF-16 unit, surrogates included
      } else {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
    }
    return text.toString();
  }

  /** Bigram tokens may overlap their predecessor but must still start after it. */
  private static void checkInvariants(AnalyzedText analyzed, String text, boolean mayOverlap) {
    int previousEnd = 0;
    int previousStart = -1;
    for (int i = 0; i < analyzed.tokenCount(); i++) {
      assertFalse(analyzed.token(i).isEmpty(), "empty token " + i);
      assertTrue(analyzed.start(i) > previousStart, "token " + i + " starts before the previous");
      assertTrue(
          mayOverlap || analyzed.start(i) >= previousEnd,
          "token " + i + " overlaps the previous one");
      previousStart = analyzed.start(i);
      assertTrue(analyzed.start(i) < analyzed.end(i), "token " + i + " has no characters");
      assertTrue(analyzed.end(i) <= text.length(), "token " + i + " ends past the text");
      previousEnd = analyzed.end(i);
    }
    int expectedShingles =
        analyzed.tokenCount() == 0 ? 0 : Math.max(1, analyzed.tokenCount() - 3 + 1);
    assertEquals(expectedShingles, analyzed.shingleCount());
    for (int j = 0; j < analyzed.shingleCount(); j++) {
      int last = analyzed.shingleFirstToken(j) + analyzed.shingleTokenCount(j) - 1;
      assertTrue(last < analyzed.tokenCount());
      assertTrue(analyzed.shingleStart(j) < analyzed.shingleEnd(j));
    }
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7F) {
        escaped.append(c);
      } else {
        escaped.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      }
    }
    return escaped.toString();
  }
}
