package org.polydup.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LshParametersTest {
  @Test
  void optimal_rejectsBadArguments_withNamedMessages() {
    IllegalArgumentException threshold =
        assertThrows(
            IllegalArgumentException.class, () -> LshParameters.optimal(1.5, 128, 0.5, 0.5));
    assertEquals("threshold must be in (0, 1], got 1.5", threshold.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LshParameters.optimal(0, 128, 0.5, 0.5));
    assertThrows(
        IllegalArgumentException.class, () -> LshParameters.optimal(Double.NaN, 128, 0.5, 0.5));
    IllegalArgumentException permutations =
        assertThrows(IllegalArgumentException.class, () -> LshParameters.optimal(0.5, 0, 0.5, 0.5));
    assertEquals("numberOfPermutations must be in [1, 4096], got 0", permutations.getMessage());
    IllegalArgumentException weight =
        assertThrows(
            IllegalArgumentException.class, () -> LshParameters.optimal(0.5, 128, -1, 0.5));
    assertEquals("falsePositiveWeight must be finite and >= 0, got -1.0", weight.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LshParameters.optimal(0.5, 128, 0, 0));
    assertEquals(
        "bands must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> LshParameters.of(0, 4)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> LshParameters.of(4, 0));
    assertThrows(IllegalArgumentException.class, () -> LshParameters.of(4097, 1));
  }

  /**
   * Reference values: datasketch's {@code _optimal_param} algorithm with scipy's {@code quad} (run
   * with scipy 1.17; the (0.75, 256) cases are also the examples in text-dedup's docstring).
   */
  @Test
  void optimal_matchesDatasketch_forCommonSettings() {
    assertEquals(LshParameters.of(5, 25), LshParameters.optimal(0.9, 128, 0.5, 0.5));
    assertEquals(LshParameters.of(9, 13), LshParameters.optimal(0.8, 128, 0.5, 0.5));
    assertEquals(LshParameters.of(25, 5), LshParameters.optimal(0.5, 128, 0.5, 0.5));
    assertEquals(LshParameters.of(21, 3), LshParameters.optimal(0.3, 64, 0.5, 0.5));
    assertEquals(LshParameters.of(21, 12), LshParameters.optimal(0.75, 256, 0.5, 0.5));
    assertEquals(LshParameters.of(28, 9), LshParameters.optimal(0.75, 256, 0.1, 0.9));
  }

  /**
   * With false positives free (or nearly), the best banding is the one that misses least: every
   * slot its own band, whose missed area {@code (1 - t)^(b + 1) / (b + 1)} falls with every band
   * added. The areas are far below 1e-16 (and at 4096 slots below the smallest double), where a
   * miss probability formed as {@code 1 - P(s)} rounds to 0 and the bandings tie.
   */
  @Test
  void optimal_withFalsePositivesFree_picksOneRowPerBand_evenWhenMissedAreaIsTiny() {
    assertEquals(LshParameters.of(128, 1), LshParameters.optimal(0.8, 128, 0, 1));
    assertEquals(LshParameters.of(128, 1), LshParameters.optimal(0.8, 128, 1e-300, 1));
    assertEquals(LshParameters.of(128, 1), LshParameters.optimal(0.5, 128, 0, 1));
    assertEquals(LshParameters.of(4096, 1), LshParameters.optimal(0.5, 4096, 0, 1));
  }

  /**
   * {@code lowestThreshold} is accepted by {@code forRecall} and is at most 1% above the true limit
   * (it is rounded up to three digits), so 2% lower is refused, with a message naming the limit.
   */
  @Test
  void lowestThreshold_isWhereForRecallStartsToFindABanding() {
    for (int k : new int[] {1, 16, 128, 512}) {
      for (double recall : new double[] {0.5, 0.9, 0.99, 0.999999}) {
        double lowest = LshParameters.lowestThreshold(k, recall);
        String where = "k " + k + ", recall " + recall + ", lowest " + lowest;
        assertTrue(lowest > 0 && lowest <= 1, where);
        LshParameters parameters = LshParameters.forRecall(lowest, k, recall);
        assertTrue(parameters.candidateProbability(lowest) >= recall, where);
        IllegalArgumentException below =
            assertThrows(
                IllegalArgumentException.class,
                () -> LshParameters.forRecall(0.98 * lowest, k, recall),
                where);
        assertTrue(
            below.getMessage().startsWith("threshold must be at least " + lowest + " for " + k),
            below.getMessage());
      }
    }
    assertEquals(0.0354, LshParameters.lowestThreshold(128, 0.99));
    assertThrows(IllegalArgumentException.class, () -> LshParameters.lowestThreshold(128, 1));
    assertThrows(IllegalArgumentException.class, () -> LshParameters.lowestThreshold(0, 0.5));
  }

  @Test
  void optimal_usesAtMostNumberOfPermutations_andPutsSteepPartNearThreshold() {
    for (double threshold : new double[] {0.3, 0.5, 0.7, 0.9}) {
      for (int k : new int[] {16, 64, 128, 256}) {
        LshParameters parameters = LshParameters.optimal(threshold, k, 0.5, 0.5);
        assertTrue(parameters.slotsUsed() <= k, parameters.toString());
        assertTrue(parameters.candidateProbability(Math.min(1, threshold + 0.2)) > 0.5);
      }
    }
  }

  @Test
  void optimal_withHeavierFalseNegativeWeight_movesCurveLeft() {
    LshParameters balanced = LshParameters.optimal(0.6, 128, 0.5, 0.5);
    LshParameters recall = LshParameters.optimal(0.6, 128, 0.1, 0.9);
    assertTrue(recall.candidateProbability(0.5) > balanced.candidateProbability(0.5));
  }

  @Test
  void candidateProbability_followsSCurve_andValidates() {
    LshParameters parameters = LshParameters.of(20, 5);
    assertEquals(0.0, parameters.candidateProbability(0.0));
    assertEquals(1.0, parameters.candidateProbability(1.0));
    assertEquals(
        1 - Math.pow(1 - Math.pow(0.5, 5), 20), parameters.candidateProbability(0.5), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> parameters.candidateProbability(1.01));
  }
}
