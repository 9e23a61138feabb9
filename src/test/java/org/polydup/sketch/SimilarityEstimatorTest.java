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

  /**
   * How often the 3σ interval misses the exact Jaccard, over many seeds, for two sets of {@code
   * size} elements sharing 80% of them (J = 2/3): the rate the README states for the default
   * one-pass scheme. Binomial slots would miss 0.3% of the time at any size; densified slots copy a
   * few filled ones in small sets, and a session-25 review measured 1.6% at 10 elements, 0.7% at
   * 40, 0.07% at 200 (20,000 seeds each).
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"10, 0.025", "40, 0.012", "200, 0.004"})
  void interval_missesTheExactJaccard_atTheDocumentedRate(int size, double documentedLimit) {
    int seeds = 5_000;
    int shared = size * 8 / 10;
    long[] a = new long[size];
    long[] b = new long[size];
    java.util.SplittableRandom random = new java.util.SplittableRandom(25);
    int misses = 0;
    for (int seed = 0; seed < seeds; seed++) {
      for (int i = 0; i < size; i++) {
        a[i] = random.nextLong();
        b[i] = i < shared ? a[i] : random.nextLong();
      }
      double exact = (double) shared / (2 * size - shared);
      MinHasher seeded = MinHasher.create(128, seed);
      Estimate e = SimilarityEstimator.jaccard(seeded.sign(a), seeded.sign(b));
      if (exact < e.lower() || exact > e.upper()) {
        misses++;
      }
    }
    // The limit is the measured rate with room for the sampling error of 5,000 seeds: with the
    // standard error sqrt(p(1 - p)/5,000) at the measured p, 2.5% is 5.1 standard errors above 1.6%
    // (125 misses against 80 expected), 1.2% is 4.2 above 0.7% (60 against 35) and 0.4% is 8.8
    // above 0.07% (20 against 3.5). A sketch far off binomial misses far more.
    assertTrue(
        misses <= documentedLimit * seeds,
        misses + " of " + seeds + " intervals miss at " + size + " elements");
  }
}
