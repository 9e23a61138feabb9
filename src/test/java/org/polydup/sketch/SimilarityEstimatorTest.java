package org.polydup.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SimilarityEstimatorTest {
  private final MinHasher hasher = MinHasher.create(128, 7);

  @Test
  void jaccard_identicalSets_isExactlyOne() {
    long[] set = new SplittableRandom(1).longs(500).toArray();
    Estimate estimate = SimilarityEstimator.jaccard(hasher.sign(set), hasher.sign(set.clone()));
    assertEquals(1.0, estimate.estimate());
    assertEquals(1.0, estimate.upper());
    assertTrue(estimate.lower() > 0.9 && estimate.lower() < 1.0, "lower " + estimate.lower());
  }

  @Test
  void jaccard_disjointSets_isZero() {
    long[] a = LongStream.range(0, 1000).toArray();
    long[] b = LongStream.range(1000, 2000).toArray();
    Estimate estimate = SimilarityEstimator.jaccard(hasher.sign(a), hasher.sign(b));
    assertEquals(0.0, estimate.estimate());
    assertEquals(0.0, estimate.lower());
    assertTrue(estimate.upper() > 0.0 && estimate.upper() < 0.1, "upper " + estimate.upper());
  }

  @Test
  void jaccardAndContainment_emptySet_areExactlyZero_evenAgainstItself() {
    MinHashSignature empty = hasher.sign(new long[0]);
    MinHashSignature full = hasher.sign(new long[] {1, 2, 3});
    assertEquals(Estimate.exact(0.0), SimilarityEstimator.jaccard(empty, empty));
    assertEquals(Estimate.exact(0.0), SimilarityEstimator.jaccard(empty, full));
    assertEquals(Estimate.exact(0.0), SimilarityEstimator.containment(empty, full));
    assertEquals(Estimate.exact(0.0), SimilarityEstimator.containment(full, empty));
  }

  @Test
  void containment_smallSetInsideLargeOne_isNearOne_andReverseIsSmall() {
    long[] large = LongStream.range(0, 4000).toArray();
    long[] small = LongStream.range(0, 400).toArray();
    MinHasher precise = MinHasher.create(1024, 1);
    MinHashSignature a = precise.sign(small);
    MinHashSignature b = precise.sign(large);
    Estimate inside = SimilarityEstimator.containment(a, b);
    Estimate reverse = SimilarityEstimator.containment(b, a);
    assertTrue(inside.lower() <= 1.0 && inside.upper() >= 1.0 - 1e-9, inside.toString());
    assertTrue(inside.estimate() > 0.85, inside.toString());
    assertTrue(reverse.lower() <= 0.1 && 0.1 <= reverse.upper(), reverse.toString());
  }

  @Test
  void containment_isClampedToOne_whenSketchSaysEqualButSizesDiffer() {
    int[] values = new int[8];
    MinHashSignature a = new MinHashSignature(values, 10, 1);
    MinHashSignature b = new MinHashSignature(values.clone(), 30, 1);
    assertEquals(1.0, SimilarityEstimator.containment(a, b).estimate());
  }

  @Test
  void estimators_rejectMismatchedSignatures() {
    MinHashSignature k128 = hasher.sign(new long[] {1});
    MinHashSignature k64 = MinHasher.create(64, 7).sign(new long[] {1});
    MinHashSignature otherSeed = MinHasher.create(128, 8).sign(new long[] {1});
    assertThrows(IllegalArgumentException.class, () -> SimilarityEstimator.jaccard(k128, k64));
    IllegalArgumentException seed =
        assertThrows(
            IllegalArgumentException.class, () -> SimilarityEstimator.containment(k128, otherSeed));
    assertEquals("signatures must have the same seed, got 7 and 8", seed.getMessage());
  }

  @Test
  void wilson_containsEstimate_andStaysInUnitInterval() {
    for (int m = 0; m <= 16; m++) {
      Estimate estimate = SimilarityEstimator.wilson(m, 16);
      assertTrue(0 <= estimate.lower() && estimate.upper() <= 1, estimate.toString());
    }
  }

  /** One set under both schemes: its slots disagree, so a comparison would claim J near 0. */
  @Test
  void jaccardContainmentAndEqualSlots_refuseSignaturesOfDifferentSchemes_namingBoth() {
    long[] set = new SplittableRandom(1).longs(500).toArray();
    MinHashSignature onePass = MinHasher.create(128, 42).sign(set);
    MinHashSignature classic = ClassicMinHasher.create(128, 42).sign(set);
    assertFalse(onePass.isCompatibleWith(classic));
    assertFalse(classic.isCompatibleWith(onePass));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SimilarityEstimator.jaccard(onePass, classic));
    assertEquals(
        "signatures must have the same scheme, got ONE_PASS and CLASSIC: their slots come from"
            + " different hash functions",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> SimilarityEstimator.containment(classic, onePass));
    assertThrows(
        IllegalArgumentException.class, () -> SimilarityEstimator.equalSlots(onePass, classic));
    assertEquals(1.0, SimilarityEstimator.jaccard(classic, classic).estimate());
  }
}
