package org.polydup.sketch;

/**
 * Estimates Jaccard similarity and containment from two MinHash signatures, with confidence
 * intervals. Stateless; all methods are static and thread-safe.
 *
 * <h2>Rationale</h2>
 *
 * With {@code k} slots, the number of equal slots {@code m} is (for classic MinHash exactly, for
 * one-permutation hashing with optimal densification very nearly) binomial with parameters {@code
 * k} and {@code J}, so {@code m / k} is unbiased for {@code J}. The interval is the Wilson score
 * interval (E. B. Wilson, JASA 1927) at {@code z = 3} (about 99.7% two-sided coverage): unlike the
 * normal interval it stays inside {@code [0, 1]} and does not collapse to a point at {@code m = 0}
 * or {@code m = k}. "Very nearly" holds from about {@code k / 2} elements up: in smaller sets the
 * densified slots copy a few filled ones, the count's tails are heavier, and the interval misses
 * more often (measured over 20,000 seeds at {@code k = 128}, two sets sharing 80%: 1.6% at 10
 * elements, 0.7% at 40, 0.3% at 100, 0.07% at 200; classic MinHash 0.2–0.35% at every size; {@code
 * SimilarityEstimatorTest} holds the one-pass rates to these).
 *
 * <p>Containment {@code |A ∩ B| / |A|} follows from the Jaccard estimate and the exact set sizes:
 * {@code |A ∩ B| = J (|A| + |B|) / (1 + J)}; the map is increasing in {@code J}, so the Jaccard
 * bounds map to containment bounds. Results are clamped to {@code [0, 1]} (the sketch can claim
 * {@code J = 1} for sets of different sizes).
 *
 * <p>Empty sets: a signature with {@link MinHashSignature#setSize()} {@code == 0} is similar to
 * nothing, itself included: Jaccard and containment involving an empty set are exactly 0. This
 * keeps empty or all-stopword documents from being reported as duplicates of each other.
 */
public final class SimilarityEstimator {
  /** The number of standard deviations of the Wilson interval. */
  public static final double Z = 3.0;

  private SimilarityEstimator() {}

  /**
   * Estimates the Jaccard similarity {@code |A ∩ B| / |A ∪ B|}.
   *
   * @param a a signature
   * @param b a signature with the same scheme, seed and number of permutations
   * @return the fraction of equal slots, in {@code [0, 1]}, with its Wilson interval at {@code z =
   *     3}; exactly 0 if either set is empty
   * @throws IllegalArgumentException if the schemes, seeds or numbers of permutations differ
   */
  public static Estimate jaccard(MinHashSignature a, MinHashSignature b) {
    checkCompatible(a, b);
    if (a.isEmpty() || b.isEmpty()) {
      return Estimate.exact(0.0);
    }
    int k = a.numberOfPermutations();
    return wilson(equalSlots(a, b), k);
  }

  /**
   * Estimates the containment {@code |A ∩ B| / |A|} of {@code a}'s set in {@code b}'s set.
   *
   * @param a the signature of the set whose fraction inside the other is measured
   * @param b a signature with the same scheme, seed and number of permutations
   * @return the estimate in {@code [0, 1]} with bounds derived from the Jaccard interval; exactly 0
   *     if either set is empty
   * @throws IllegalArgumentException if the schemes, seeds or numbers of permutations differ
   */
  public static Estimate containment(MinHashSignature a, MinHashSignature b) {
    Estimate jaccard = jaccard(a, b);
    if (a.isEmpty() || b.isEmpty()) {
      return Estimate.exact(0.0);
    }
    double sizeA = a.setSize();
    double sizeB = b.setSize();
    double estimate = containmentFromJaccard(jaccard.estimate(), sizeA, sizeB);
    double lower = Math.min(estimate, containmentFromJaccard(jaccard.lower(), sizeA, sizeB));
    double upper = Math.max(estimate, containmentFromJaccard(jaccard.upper(), sizeA, sizeB));
    return new Estimate(estimate, lower, upper);
  }

  /**
   * Number of slots where the two signatures agree.
   *
   * @throws IllegalArgumentException if the schemes, seeds or numbers of permutations differ
   */
  public static int equalSlots(MinHashSignature a, MinHashSignature b) {
    checkCompatible(a, b);
    int[] x = a.slots();
    int[] y = b.slots();
    int equal = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] == y[i]) {
        equal++;
      }
    }
    return equal;
  }

  private static double containmentFromJaccard(double jaccard, double sizeA, double sizeB) {
    double intersection = jaccard * (sizeA + sizeB) / (1.0 + jaccard);
    return Math.min(1.0, Math.max(0.0, intersection / sizeA));
  }

  /** Wilson score interval for {@code successes} out of {@code trials} at {@link #Z}. */
  static Estimate wilson(int successes, int trials) {
    double n = trials;
    double p = successes / n;
    double z2 = Z * Z;
    double denominator = 1.0 + z2 / n;
    double center = (p + z2 / (2 * n)) / denominator;
    double halfWidth = Z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    double lower = Math.max(0.0, Math.min(p, center - halfWidth));
    double upper = Math.min(1.0, Math.max(p, center + halfWidth));
    return new Estimate(p, lower, upper);
  }

  private static void checkCompatible(MinHashSignature a, MinHashSignature b) {
    if (a.scheme() != b.scheme()) {
      throw new IllegalArgumentException(
          "signatures must have the same scheme, got "
              + a.scheme()
              + " and "
              + b.scheme()
              + ": their slots come from different hash functions");
    }
    if (a.numberOfPermutations() != b.numberOfPermutations()) {
      throw new IllegalArgumentException(
          "signatures must have the same numberOfPermutations, got "
              + a.numberOfPermutations()
              + " and "
              + b.numberOfPermutations());
    }
    if (a.seed() != b.seed()) {
      throw new IllegalArgumentException(
          "signatures must have the same seed, got " + a.seed() + " and " + b.seed());
    }
  }
}
