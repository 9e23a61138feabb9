package org.polydup.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A worker's scratch arrays do not stay at the size of the largest text it has seen: a service's
 * request threads keep their workers for months, and one 5,000,000-character story left about 50 MB
 * with each thread that analysed it.
 */
class TextAnalyzerScratchTest {
  private static final String SMALL =
      "Ein kurzer Text über die Stadt und den Fluss, wie jeden Tag.";

  private static String words(int characters) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < characters; i++) {
      text.append("word").append(i % 9973).append(i % 7 == 0 ? ".\n" : " ");
    }
    return text.toString();
  }

  private static String thai(int characters) {
    StringBuilder text = new StringBuilder();
    while (text.length() < characters) {
      text.append("ประกาศเตือนภัยจำนวนมาก"); // one run: no spaces between Thai words
    }
    return text.toString();
  }

  @Test
  void scratch_returnsToItsRetainedSize_afterAHugeText() {
    TextAnalyzer analyzer = new TextAnalyzer(new TextOptions(3, 0L, 2_000_000));
    analyzer.shingle(SMALL);
    int small = analyzer.retainedCapacity();

    analyzer.shingle(words(1_000_000));
    analyzer.analyze(thai(300_000));
    analyzer.shingle(SMALL);

    int retainedBound = 8 * TextAnalyzer.RETAINED_CHARACTERS;
    assertTrue(
        analyzer.retainedCapacity() <= Math.max(small, retainedBound),
        "kept " + analyzer.retainedCapacity() + " elements, small text alone " + small);
  }

  @Test
  void release_changesNoResult() {
    TextAnalyzer fresh = new TextAnalyzer(new TextOptions(3, 0L, 2_000_000));
    TextAnalyzer reused = new TextAnalyzer(new TextOptions(3, 0L, 2_000_000));
    String huge = words(500_000);
    String hugeThai = thai(200_000);
    reused.shingle(huge);
    reused.analyze(hugeThai);
    assertArrayEquals(fresh.shingle(SMALL).hashes(), reused.shingle(SMALL).hashes());
    assertArrayEquals(fresh.shingle(huge).hashes(), reused.shingle(huge).hashes());
    assertArrayEquals(fresh.shingle(hugeThai).starts(), reused.shingle(hugeThai).starts());
    assertArrayEquals(fresh.analyze(hugeThai).shingles(), reused.analyze(hugeThai).shingles());
  }
}
