package org.polydup.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextAnalyzerShingleTest {
  private final TextAnalyzer analyzer = new TextAnalyzer(TextOptions.defaults());

  @Test
  void analyze_fiveTokens_givesThreeShinglesOfThreeTokens() {
    AnalyzedText analyzed = analyzer.analyze("one two three four five");
    assertEquals(3, analyzed.shingleCount());
    for (int j = 0; j < 3; j++) {
      assertEquals(j, analyzed.shingleFirstToken(j));
      assertEquals(3, analyzed.shingleTokenCount(j));
    }
    assertEquals(4, analyzed.shingleStart(1));
    assertEquals(18, analyzed.shingleEnd(1));
  }

  @Test
  void analyze_fewerTokensThanShingleSize_givesOneShingleOfAllTokens() {
    AnalyzedText analyzed = analyzer.analyze("two words");
    assertEquals(1, analyzed.shingleCount());
    assertEquals(2, analyzed.shingleTokenCount(0));
    assertEquals(0, analyzed.shingleStart(0));
    assertEquals(9, analyzed.shingleEnd(0));
  }

  @Test
  void analyze_repeatedKGram_givesEqualHashes_andWordOrderMatters() {
    long[] shingles = analyzer.analyze("a b c a b c b a c").shingles();
    assertEquals(shingles[0], shingles[3]);
    assertNotEquals(shingles[0], shingles[6]); // "b a c" vs "a b c"
    assertEquals(7, Arrays.stream(shingles).count());
  }

  @Test
  void analyze_sameSeed_isDeterministicAcrossWorkers_otherSeedChangesHashes() {
    String text = "The quick brown fox jumps over the lazy dog";
    long[] first = analyzer.analyze(text).shingles();
    long[] second = new TextAnalyzer(TextOptions.defaults()).analyze(text).shingles();
    long[] seeded =
        new TextAnalyzer(TextOptions.builder().seed(42).build()).analyze(text).shingles();
    assertArrayEquals(first, second);
    assertNotEquals(first[0], seeded[0]);
  }

  @Test
  void analyze_shingleSizeOne_hashesEachToken() {
    TextAnalyzer unigram = new TextAnalyzer(TextOptions.builder().shingleSize(1).build());
    AnalyzedText analyzed = unigram.analyze("x y x");
    assertEquals(3, analyzed.shingleCount());
    assertEquals(analyzed.shingles()[0], analyzed.shingles()[2]);
  }

  @Test
  void analyze_maximumCharacters_analysesOnlyThePrefix() {
    TextAnalyzer bounded = new TextAnalyzer(TextOptions.builder().maximumCharacters(7).build());
    AnalyzedText analyzed = bounded.analyze("alpha beta gamma");
    assertEquals(2, analyzed.tokenCount());
    assertEquals("b", analyzed.token(1));
    assertEquals("alpha beta gamma", analyzed.text());
  }

  /**
   * Pins the exact shingle hashes: signatures and indexes are persisted with the seed, so a change
   * in normalisation or hashing must be deliberate (and bump the sketch format version).
   */
  @Test
  void analyze_shingleHashes_arePinned() {
    String text = "Ceasefire talks resume in Geneva on Monday";
    assertArrayEquals(
        new long[] {
          0x6D5A87106DCB8EABL,
          0x806DF8524D948B8BL,
          0x50B792152353BB6BL,
          0x93DB43D789F98C24L,
          0x736158357075215DL
        },
        analyzer.analyze(text).shingles());
    assertArrayEquals(
        new long[] {
          0x091136229C8F0D7AL,
          0x0D2527378FCF7F5FL,
          0x238A90F84F315715L,
          0x0D9ABDD094BE92E6L,
          0x03E630FF86282085L
        },
        new TextAnalyzer(TextOptions.builder().seed(42).build()).analyze(text).shingles());
  }
}
