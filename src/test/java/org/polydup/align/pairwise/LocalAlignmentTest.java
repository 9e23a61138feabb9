package org.polydup.align.pairwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.polydup.align.pairwise.LocalAlignment.Programme;

/**
 * {@link LocalAlignment}'s sparse programme against the textbook one on random sequences: both must
 * reach the same optimal local score, with valid alignments (increasing on both sides, equal keys
 * only), whatever the key repetition.
 */
class LocalAlignmentTest {
  private static final double TOLERANCE = 1e-9;

  @Test
  void sparse_reachesTheDenseOptimum_onRandomSequences() {
    LocalAlignment alignment = new LocalAlignment();
    for (long seed = 1; seed <= 400; seed++) {
      Random random = new Random(seed);
      // Few keys: long runs of repeats (one name said many times); many keys: mostly unique.
      int keyCount = 1 + random.nextInt(random.nextBoolean() ? 4 : 60);
      double[] keyWeightA = weights(random, keyCount);
      double[] keyWeightB = weights(random, keyCount);
      int n = random.nextInt(80);
      int m = random.nextInt(80);
      int[] keysA = keys(random, n, keyCount);
      int[] keysB = keys(random, m, keyCount);
      // As in Aligner: a key weighs the same at each of its positions on one side.
      double[] weightsA = weightsOf(keysA, keyWeightA);
      double[] weightsB = weightsOf(keysB, keyWeightB);

      String where = "seed " + seed;
      // The textbook programme's optimum, which the sparse one and the per-pair choice must reach.
      double optimum =
          alignedScore(
              alignment, keysA, weightsA, keysB, weightsB, keyCount, Programme.DENSE, where);
      for (Programme programme : List.of(Programme.SPARSE, Programme.CHEAPER)) {
        assertEquals(
            optimum,
            alignedScore(alignment, keysA, weightsA, keysB, weightsB, keyCount, programme, where),
            TOLERANCE,
            where + " " + programme);
      }
    }
  }

  @Test
  void align_findsTheSharedRun_betweenUnsharedStretches() {
    // Keys 0-3 in order on both sides, with unshared (costly) elements around them in B.
    int[] keysA = {0, 1, 2, 3};
    double[] weightsA = {1, 1, 1, 1};
    int[] keysB = {4, 4, 0, 1, 2, 3, 4};
    double[] weightsB = {5, 5, 1, 1, 1, 1, 5};
    LocalAlignment alignment = new LocalAlignment();
    IntArrayList pairs = new IntArrayList();
    double matched =
        alignment.align(keysA, weightsA, 4, keysB, weightsB, 7, 5, pairs, Programme.SPARSE);
    assertEquals(4, matched, TOLERANCE);
    assertEquals(IntArrayList.of(0, 2, 1, 3, 2, 4, 3, 5), pairs);
  }

  @Test
  void align_skipsAPairWhoseGapCostsMoreThanItGains() {
    // Matching key 1 at the far end would cost B's heavy middle element (0.5 * 10 > 1).
    int[] keysA = {0, 1};
    double[] weightsA = {2, 1};
    int[] keysB = {0, 2, 1};
    double[] weightsB = {2, 10, 1};
    LocalAlignment alignment = new LocalAlignment();
    IntArrayList sparse = new IntArrayList();
    IntArrayList dense = new IntArrayList();
    assertEquals(
        2,
        alignment.align(keysA, weightsA, 2, keysB, weightsB, 3, 3, sparse, Programme.SPARSE),
        TOLERANCE);
    assertEquals(
        2,
        alignment.align(keysA, weightsA, 2, keysB, weightsB, 3, 3, dense, Programme.DENSE),
        TOLERANCE);
    assertEquals(IntArrayList.of(0, 0), sparse);
    assertEquals(IntArrayList.of(0, 0), dense);
  }

  @Test
  void align_isEmpty_whenNothingIsShared() {
    LocalAlignment alignment = new LocalAlignment();
    IntArrayList pairs = new IntArrayList();
    assertEquals(
        0,
        alignment.align(
            new int[] {0, 0},
            new double[] {1, 1},
            2,
            new int[] {1},
            new double[] {1},
            1,
            2,
            pairs,
            Programme.CHEAPER),
        TOLERANCE);
    assertTrue(pairs.isEmpty());
    assertEquals(
        0,
        alignment.align(
            new int[0],
            new double[0],
            0,
            new int[0],
            new double[0],
            0,
            0,
            pairs,
            Programme.CHEAPER));
  }

  /** The local score of what {@code programme} aligns, after checking it is an alignment. */
  private static double alignedScore(
      LocalAlignment alignment,
      int[] keysA,
      double[] weightsA,
      int[] keysB,
      double[] weightsB,
      int keyCount,
      Programme programme,
      String where) {
    IntArrayList pairs = new IntArrayList();
    double matched =
        alignment.align(
            keysA,
            weightsA,
            keysA.length,
            keysB,
            weightsB,
            keysB.length,
            keyCount,
            pairs,
            programme);
    return score(pairs, keysA, weightsA, keysB, weightsB, matched, where);
  }

  /**
   * The local score of an alignment (matched weight less half the weight of every element skipped
   * between its first and last pair), after checking that it is one: increasing on both sides,
   * equal keys, and {@code matched} its matched weight.
   */
  private static double score(
      IntArrayList pairs,
      int[] keysA,
      double[] weightsA,
      int[] keysB,
      double[] weightsB,
      double matched,
      String where) {
    assertEquals(0, pairs.size() % 2, where);
    double sum = 0;
    double gaps = 0;
    for (int k = 0; k < pairs.size(); k += 2) {
      int i = pairs.getInt(k);
      int j = pairs.getInt(k + 1);
      assertEquals(keysA[i], keysB[j], where);
      sum += Math.min(weightsA[i], weightsB[j]);
      if (k > 0) {
        int previousI = pairs.getInt(k - 2);
        int previousJ = pairs.getInt(k - 1);
        assertTrue(i > previousI && j > previousJ, where + ": not increasing");
        for (int t = previousI + 1; t < i; t++) {
          gaps += LocalAlignment.GAP_PENALTY * weightsA[t];
        }
        for (int t = previousJ + 1; t < j; t++) {
          gaps += LocalAlignment.GAP_PENALTY * weightsB[t];
        }
      }
    }
    assertEquals(sum, matched, TOLERANCE, where);
    return sum - gaps;
  }

  private static double[] weights(Random random, int count) {
    double[] weights = new double[count];
    for (int k = 0; k < count; k++) {
      weights[k] = 0.1 + 5 * random.nextDouble();
    }
    return weights;
  }

  private static int[] keys(Random random, int length, int keyCount) {
    int[] keys = new int[length];
    for (int i = 0; i < length; i++) {
      keys[i] = random.nextInt(keyCount);
    }
    return keys;
  }

  private static double[] weightsOf(int[] keys, double[] keyWeights) {
    double[] weights = new double[keys.length];
    for (int i = 0; i < keys.length; i++) {
      weights[i] = keyWeights[keys[i]];
    }
    return weights;
  }
}
