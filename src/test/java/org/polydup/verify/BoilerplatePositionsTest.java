package org.polydup.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polydup.text.TextAnalyzer;
import org.polydup.text.TextOptions;

class BoilerplatePositionsTest {
  private static final TextAnalyzer ANALYZER = new TextAnalyzer(TextOptions.defaults());

  private static final String FURNITURE =
      "We use cookies to improve your experience on our site and to show you relevant"
          + " advertising. By continuing you agree to our cookie policy and terms of service.";

  @Test
  void of_marksExactlyTheCommonShingles_andCountsTheirShare() {
    ShingleSequence furniture = ShingleSequence.of(ANALYZER.analyze(FURNITURE));
    Set<Long> common = new HashSet<>();
    for (long h : furniture.distinct()) {
      common.add(h);
    }
    // Long enough to span several 64-bit words of the mask.
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append("Paragraph ").append(i).append(" reports a different local event today. ");
    }
    text.append(FURNITURE);
    ShingleSequence page = ShingleSequence.of(ANALYZER.analyze(text.toString()));
    BoilerplatePositions positions = BoilerplatePositions.of(page, common::contains);
    int expected = 0;
    for (int i = 0; i < page.length(); i++) {
      boolean isCommon = common.contains(page.hashAt(i));
      assertEquals(isCommon, positions.isCommon(i), "position " + i);
      expected += isCommon ? 1 : 0;
    }
    assertEquals((double) expected / page.length(), positions.share(), 1e-12);
    assertFalse(positions.isCommon(page.length() + 1000));
  }

  @Test
  void of_returnsNone_whenNothingIsCommon() {
    ShingleSequence page = ShingleSequence.of(ANALYZER.analyze(FURNITURE));
    assertSame(BoilerplatePositions.NONE, BoilerplatePositions.of(page, ShingleRarity.NONE));
    assertSame(BoilerplatePositions.NONE, BoilerplatePositions.of(page, hash -> false));
    assertEquals(0, BoilerplatePositions.NONE.share());
  }

  @Test
  void countCommon_equalsCountingEachPosition_forEveryRange() {
    ShingleSequence furniture = ShingleSequence.of(ANALYZER.analyze(FURNITURE));
    Set<Long> common = new HashSet<>();
    for (long h : furniture.distinct()) {
      common.add(h);
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      text.append("Paragraph ").append(i).append(" reports a local event. ");
      if (i % 7 == 3) {
        text.append(FURNITURE);
      }
    }
    ShingleSequence page = ShingleSequence.of(ANALYZER.analyze(text.toString()));
    BoilerplatePositions positions = BoilerplatePositions.of(page, common::contains);
    int beyond = page.length() + 70;
    for (int from = 0; from <= beyond; from++) {
      int expected = 0;
      for (int to = from; to <= beyond; to++) {
        assertEquals(expected, positions.countCommon(from, to), "[" + from + ", " + to + ")");
        expected += positions.isCommon(to) ? 1 : 0;
      }
    }
    assertEquals(0, BoilerplatePositions.NONE.countCommon(3, 500));
  }
}
