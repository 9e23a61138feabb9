package org.polydup.index;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Banding parameters of MinHash LSH: a signature's first {@code bands * rowsPerBand} slots are cut
 * into {@code bands} bands of {@code rowsPerBand} slots; two documents become candidates when any
 * band is equal in both.
 *
 * <h2>Rationale</h2>
 *
 * For Jaccard similarity {@code s}, one band matches with probability {@code s^r} and at least one
 * of {@code b} bands with {@code P(s) = 1 - (1 - s^r)^b}, an S-curve whose steep part sits near
 * {@code (1/b)^(1/r)} (Leskovec, Rajaraman, Ullman, "Mining of Massive Datasets", ch. 3.4). {@link
 * #optimal} picks {@code (b, r)} with {@code b * r <= k} minimising {@code w_fp * ∫_0^t P(s) ds +
 * w_fn * ∫_t^1 (1 - P(s)) ds}: the areas of false positives below the threshold {@code t} and of
 * false negatives above it, as datasketch's {@code _optimal_param} does. The integrals use
 * composite Simpson's rule on 128 intervals, far finer than the differences between neighbouring
 * {@code (b, r)}, and are compared as logarithms: the miss area of a steep curve ({@code 0.2^129 /
 * 129} for 128 x 1 above 0.8) is far below what {@code 1 - P(s)} or even a double can hold, yet
 * still decides between bandings when false positives weigh little or nothing.
 *
 * @param bands number of bands {@code b}, {@code >= 1}
 * @param rowsPerBand number of signature slots per band {@code r}, {@code >= 1}
 */
public record LshParameters(int bands, int rowsPerBand) {
  private static final int MAX_PERMUTATIONS = 4096;
  private static final int INTEGRATION_INTERVALS = 128;
  private static final double LOG_2 = Math.log(2);
  private static final double LOG_4 = Math.log(4);

  /** Below this, {@code P(s)} loses digits to subnormal rounding and is computed from logs. */
  private static final double SMALLEST_PRECISE = 1e-200;

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if {@code bands} or {@code rowsPerBand} is below 1, or their
   *     product exceeds 4096
   */
  public LshParameters {
    if (bands < 1) {
      throw new IllegalArgumentException("bands must be >= 1, got " + bands);
    }
    if (rowsPerBand < 1) {
      throw new IllegalArgumentException("rowsPerBand must be >= 1, got " + rowsPerBand);
    }
    if ((long) bands * rowsPerBand > MAX_PERMUTATIONS) {
      throw new IllegalArgumentException(
          "bands * rowsPerBand must be <= "
              + MAX_PERMUTATIONS
              + ", got "
              + bands
              + " * "
              + rowsPerBand);
    }
  }

  /**
   * Explicit parameters.
   *
   * @param bands number of bands, {@code >= 1}
   * @param rowsPerBand slots per band, {@code >= 1}; {@code bands * rowsPerBand <= 4096}
   * @return the parameters
   * @throws IllegalArgumentException if out of range
   */
  public static LshParameters of(int bands, int rowsPerBand) {
    return new LshParameters(bands, rowsPerBand);
  }

  /**
   * The parameters minimising the weighted false positive and false negative areas of the S-curve
   * around {@code threshold} (see the class Javadoc). Ties go to the fewest bands, then the fewest
   * rows.
   *
   * @param threshold the Jaccard similarity meant to separate candidates from non-candidates, in
   *     {@code (0, 1]}
   * @param numberOfPermutations slots available in each signature, in {@code [1, 4096]}
   * @param falsePositiveWeight weight of the false positive area, finite and {@code >= 0}
   * @param falseNegativeWeight weight of the false negative area, finite and {@code >= 0}; the two
   *     weights must not both be 0
   * @return the best parameters, with {@code bands * rowsPerBand <= numberOfPermutations}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static LshParameters optimal(
      double threshold,
      int numberOfPermutations,
      double falsePositiveWeight,
      double falseNegativeWeight) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
    }
    checkNumberOfPermutations(numberOfPermutations);
    checkWeight("falsePositiveWeight", falsePositiveWeight);
    checkWeight("falseNegativeWeight", falseNegativeWeight);
    if (falsePositiveWeight + falseNegativeWeight == 0) {
      throw new IllegalArgumentException(
          "falsePositiveWeight and falseNegativeWeight must not both be 0, got 0.0 and 0.0");
    }
    LshParameters best = null;
    double bestError = Double.POSITIVE_INFINITY;
    for (int bands = 1; bands <= numberOfPermutations; bands++) {
      int maxRows = numberOfPermutations / bands;
      for (int rows = 1; rows <= maxRows; rows++) {
        double logFalsePositive = logIntegral(bands, rows, 0, threshold, false);
        double logFalseNegative = logIntegral(bands, rows, threshold, 1, true);
        double error =
            logAddExp(
                Math.log(falsePositiveWeight) + logFalsePositive,
                Math.log(falseNegativeWeight) + logFalseNegative);
        if (error < bestError) {
          bestError = error;
          best = new LshParameters(bands, rows);
        }
      }
    }
    return best;
  }

  /**
   * The parameters with the smallest false positive area below {@code threshold} among those that
   * make a pair exactly at the threshold a candidate with probability at least {@code recall}.
   *
   * <p>Why a recall floor rather than weights alone: the weighted false negative area integrates
   * over {@code [threshold, 1]}, where most of the mass sits near 1 and is easy, so a curve can
   * score well while missing a quarter of the pairs just above the threshold (at 0.8 with 128 slots
   * the weighted optimum, 12 x 10, gives 0.74 at 0.8). Verification is exact, so a false candidate
   * costs only time; a missed one is lost.
   *
   * @param threshold in {@code (0, 1]}
   * @param numberOfPermutations slots available, in {@code [1, 4096]}
   * @param recall the candidate probability required at the threshold, in {@code (0, 1)}
   * @return the parameters, with {@code bands * rowsPerBand <= numberOfPermutations}
   * @throws IllegalArgumentException if an argument is out of range, or no banding of the slots
   *     reaches the recall (below {@link #lowestThreshold})
   */
  public static LshParameters forRecall(double threshold, int numberOfPermutations, double recall) {
    if (!(recall > 0 && recall < 1)) {
      throw new IllegalArgumentException("recall must be in (0, 1), got " + recall);
    }
    optimal(threshold, numberOfPermutations, 1, 1); // validates threshold and permutations
    LshParameters best = null;
    double bestLogFalsePositive = Double.POSITIVE_INFINITY;
    for (int bands = 1; bands <= numberOfPermutations; bands++) {
      for (int rows = 1; rows <= numberOfPermutations / bands; rows++) {
        LshParameters candidate = new LshParameters(bands, rows);
        if (candidate.candidateProbability(threshold) < recall) {
          continue;
        }
        double logFalsePositive = logIntegral(bands, rows, 0, threshold, false);
        if (logFalsePositive < bestLogFalsePositive) {
          bestLogFalsePositive = logFalsePositive;
          best = candidate;
        }
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(
          "threshold must be at least "
              + lowestThreshold(numberOfPermutations, recall)
              + " for "
              + numberOfPermutations
              + " slots to reach recall "
              + recall
              + ", got "
              + threshold);
    }
    return best;
  }

  /**
   * The lowest threshold at which {@link #forRecall} finds a banding, rounded up to three
   * significant digits so that it reads well in messages: {@code forRecall} accepts it and every
   * threshold above it.
   *
   * <p>The best any banding does at Jaccard {@code s} is {@code 1 - (1 - s)^k}, from {@code k}
   * bands of one row (since {@code (1 - s)^r <= 1 - s^r}), so the limit is the {@code s} where that
   * reaches the recall: {@code 1 - (1 - recall)^(1/k)}, about 0.0353 for 128 slots and recall 0.99.
   *
   * @param numberOfPermutations slots available, in {@code [1, 4096]}
   * @param recall the candidate probability required at the threshold, in {@code (0, 1)}
   * @return the threshold, in {@code (0, 1]}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static double lowestThreshold(int numberOfPermutations, double recall) {
    if (!(recall > 0 && recall < 1)) {
      throw new IllegalArgumentException("recall must be in (0, 1), got " + recall);
    }
    checkNumberOfPermutations(numberOfPermutations);
    double exact = -Math.expm1(Math.log1p(-recall) / numberOfPermutations);
    // Step to the smallest double that the S-curve as computed really takes to the recall.
    while (sCurve(numberOfPermutations, 1, exact) < recall) {
      exact = Math.nextUp(exact);
    }
    while (exact > Double.MIN_VALUE
        && sCurve(numberOfPermutations, 1, Math.nextDown(exact)) >= recall) {
      exact = Math.nextDown(exact);
    }
    // Ceiling to three digits, so the printed value is itself accepted.
    return new BigDecimal(exact).round(new MathContext(3, RoundingMode.CEILING)).doubleValue();
  }

  /** Number of signature slots the bands use: {@code bands * rowsPerBand}. */
  public int slotsUsed() {
    return bands * rowsPerBand;
  }

  /**
   * The probability that two documents with Jaccard similarity {@code jaccard} share at least one
   * band, assuming independent slots: {@code 1 - (1 - jaccard^rowsPerBand)^bands}.
   *
   * @param jaccard in {@code [0, 1]}
   * @return the probability, in {@code [0, 1]}
   * @throws IllegalArgumentException if {@code jaccard} is outside {@code [0, 1]}
   */
  public double candidateProbability(double jaccard) {
    if (!(jaccard >= 0 && jaccard <= 1)) {
      throw new IllegalArgumentException("jaccard must be in [0, 1], got " + jaccard);
    }
    return sCurve(bands, rowsPerBand, jaccard);
  }

  private static double sCurve(int bands, int rows, double s) {
    // 1 - (1 - s^r)^b via log1p/expm1, which keeps precision when s^r is tiny.
    double bandMatch = Math.pow(s, rows);
    if (bandMatch >= 1) {
      return 1.0;
    }
    return -Math.expm1(bands * Math.log1p(-bandMatch));
  }

  /**
   * The natural logarithm of {@code ∫ P(s) ds} (or of {@code ∫ (1 - P(s)) ds} when {@code miss})
   * over {@code [from, to]} by composite Simpson's rule; {@code -∞} when the integral is 0.
   *
   * <p>Why logarithms: the miss area of a steep curve is tiny ({@code 0.2^129 / 129} for 128 x 1
   * above 0.8) and keeps falling as bands are added. Computed as {@code 1 - P(s)} it rounds to 0
   * once below about {@code 1e-16}, and as a plain double below {@code 1e-308}; many bandings would
   * then tie at 0 and the tie rule, not the error, would pick among them.
   */
  private static double logIntegral(int bands, int rows, double from, double to, boolean miss) {
    if (to <= from) {
      return Double.NEGATIVE_INFINITY;
    }
    int n = INTEGRATION_INTERVALS;
    double step = (to - from) / n;
    // A running log-sum-exp of the Simpson terms: max holds the largest log term so far and sum
    // the sum of exp(term - max).
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double s = from + i * step;
      double logY = miss ? logMissProbability(bands, rows, s) : logHitProbability(bands, rows, s);
      if (logY == Double.NEGATIVE_INFINITY) {
        continue;
      }
      double term = logY + ((i == 0 || i == n) ? 0 : (i % 2 == 1 ? LOG_4 : LOG_2));
      if (term > max) {
        sum = sum * Math.exp(max - term) + 1;
        max = term;
      } else {
        sum += Math.exp(term - max);
      }
    }
    if (sum == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return max + Math.log(sum) + Math.log(step / 3);
  }

  /** {@code log P(s)}, the log of {@code 1 - (1 - s^r)^b}. */
  private static double logHitProbability(int bands, int rows, double s) {
    double hit = sCurve(bands, rows, s);
    if (hit >= SMALLEST_PRECISE) {
      return Math.log(hit);
    }
    if (s <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    // P(s) = b s^r (1 - O(b s^r)): exact to the last digit here, and finite where s^r underflows.
    return Math.log(bands) + rows * Math.log(s);
  }

  /** {@code log(1 - P(s))}, the log of {@code (1 - s^r)^b}, computed without forming 1 - P(s). */
  private static double logMissProbability(int bands, int rows, double s) {
    double bandMatch = Math.pow(s, rows);
    if (bandMatch >= 1) {
      return Double.NEGATIVE_INFINITY;
    }
    return bands * Math.log1p(-bandMatch);
  }

  /** {@code log(exp(a) + exp(b))} without overflow or underflow; {@code -∞} stands for 0. */
  private static double logAddExp(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    return Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
  }

  private static void checkWeight(String name, double weight) {
    if (!(weight >= 0 && Double.isFinite(weight))) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + weight);
    }
  }

  private static void checkNumberOfPermutations(int numberOfPermutations) {
    if (numberOfPermutations < 1 || numberOfPermutations > MAX_PERMUTATIONS) {
      throw new IllegalArgumentException(
          "numberOfPermutations must be in [1, "
              + MAX_PERMUTATIONS
              + "], got "
              + numberOfPermutations);
    }
  }
}
