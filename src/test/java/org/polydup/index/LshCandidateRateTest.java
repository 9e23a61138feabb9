package org.polydup.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.polydup.sketch.MinHasher;
import org.polydup.sketch.RealTextFixture;
import org.polydup.sketch.SampleStatistics;

/**
 * On real text pairs (same-article rewrites and random pairs, see {@link RealTextFixture}), the
 * rate at which {@link LshIndex#forEachCandidatePair} reports a pair follows {@link
 * LshParameters#candidateProbability} of the pair's exact Jaccard similarity, for 16 bands of 2
 * rows over 256 seeds.
 *
 * <p>The statistic is the deviation {@code Σ (candidate − P(J))} over the pairs with {@code J > 0}
 * (all of them, and per Jaccard bucket), one value per seed. The pairs of one seed are not
 * independent (pairs that share a document share its signature: the spread between seeds is up to
 * 1.8 times the Bernoulli one), so the seed is the unit: the mean deviation must be within 4
 * standard errors of 0 over all pairs and within 5 in each bucket, the standard error taken from
 * the seeds' spread (or the Bernoulli spread {@code sqrt(Σ p(1 − p))} if larger, so that a bucket
 * where nearly nothing varies cannot divide by 0). With 256 seeds (t distribution, 255 degrees of
 * freedom) a false failure has a probability of about 8e-5 for the overall check and 1e-6 for each
 * of the 8 buckets, about 1e-4 in all.
 *
 * <p>No allowance is made for the dependence between densified slots of the one-pass scheme: over
 * 512 seeds the one-pass rate was within 0.0025 of the curve in every bucket and 0.0008 overall (t
 * at most 2.8), while leaving out one band of 16 lowers it by 0.013 overall (t −10.5 here) and up
 * to 0.019 in a bucket. Pairs with {@code J = 0} share no slot value and may become candidates only
 * through a 32-bit band-key collision: at most one such candidate is allowed in all (expected 1e-3,
 * so two or more have a probability of about 5e-7).
 */
class LshCandidateRateTest {
  private static final double[] BUCKET_EDGES = {0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0001};
  private static final int SEEDS = 256;

  @Test
  void candidateRate_followsSCurve_onRealTextPairs() {
    RealTextFixture fixture = RealTextFixture.load();
    List<RealTextFixture.Pair> pairs = new ArrayList<>(fixture.sameClusterPairs());
    pairs.addAll(fixture.randomPairs(1000, 9));
    LshParameters parameters = LshParameters.of(16, 2);
    int buckets = BUCKET_EDGES.length - 1;
    // Row `buckets` is all informative pairs together.
    double[][] deviation = new double[buckets + 1][SEEDS];
    double[] predicted = new double[buckets + 1];
    double[] bernoulliVariance = new double[buckets + 1];
    int[] pairsIn = new int[buckets + 1];
    for (RealTextFixture.Pair pair : pairs) {
      if (pair.jaccard() > 0) {
        double p = parameters.candidateProbability(pair.jaccard());
        for (int row : new int[] {bucketOf(pair.jaccard()), buckets}) {
          predicted[row] += p;
          bernoulliVariance[row] += p * (1 - p);
          pairsIn[row]++;
        }
      }
    }
    int disjointCandidates = 0;
    for (int s = 0; s < SEEDS; s++) {
      MinHasher hasher = MinHasher.create(128, s + 1);
      LshIndex index = LshIndex.create(parameters);
      for (int i = 0; i < fixture.docs().size(); i++) {
        index.add(i, hasher.sign(fixture.docs().get(i).shingles()));
      }
      LongOpenHashSet candidates = new LongOpenHashSet();
      index.forEachCandidatePair((a, b) -> candidates.add(((long) a << 32) | b));
      for (RealTextFixture.Pair pair : pairs) {
        boolean candidate = candidates.contains(((long) pair.first() << 32) | pair.second());
        if (pair.jaccard() == 0) {
          disjointCandidates += candidate ? 1 : 0;
          continue;
        }
        double excess = (candidate ? 1 : 0) - parameters.candidateProbability(pair.jaccard());
        deviation[bucketOf(pair.jaccard())][s] += excess;
        deviation[buckets][s] += excess;
      }
    }
    StringBuilder report = new StringBuilder();
    List<String> failures = new ArrayList<>();
    for (int row = 0; row <= buckets; row++) {
      if (pairsIn[row] == 0) {
        continue;
      }
      double mean = SampleStatistics.mean(deviation[row]);
      double spread =
          Math.max(
              SampleStatistics.standardDeviation(deviation[row], mean),
              Math.sqrt(bernoulliVariance[row]));
      double t = mean / (spread / Math.sqrt(SEEDS));
      double limit = row == buckets ? 4 : 5;
      String line =
          String.format(
              Locale.ROOT,
              "%s: %d pairs, predicted rate %.4f, observed − predicted %+.5f, t %+.2f (limit %.0f)%n",
              row == buckets
                  ? "all J > 0"
                  : String.format(
                      Locale.ROOT, "J in [%.2f, %.2f)", BUCKET_EDGES[row], BUCKET_EDGES[row + 1]),
              pairsIn[row],
              predicted[row] / pairsIn[row],
              mean / pairsIn[row],
              t,
              limit);
      report.append(line);
      if (Math.abs(t) > limit) {
        failures.add(line);
      }
    }
    report.append("candidates among pairs with J = 0: ").append(disjointCandidates);
    System.out.println(report);
    assertTrue(failures.isEmpty(), report.toString());
    assertTrue(disjointCandidates <= 1, report.toString());
  }

  private static int bucketOf(double jaccard) {
    for (int b = 0; b < BUCKET_EDGES.length - 1; b++) {
      if (jaccard < BUCKET_EDGES[b + 1]) {
        return b;
      }
    }
    return BUCKET_EDGES.length - 2;
  }
}
