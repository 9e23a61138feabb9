package org.polydup.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.polydup.sketch.MinHasher;
import org.polydup.sketch.RealTextFixture;

/**
 * On real text pairs (same-article rewrites and random pairs, see {@link RealTextFixture}), the
 * rate at which {@link LshIndex#forEachCandidatePair} reports a pair follows {@link
 * LshParameters#candidateProbability} of the pair's exact Jaccard similarity. Pairs are bucketed by
 * exact Jaccard; in each bucket the observed rate over 8 seeds must be within {@code 4σ + 0.02} of
 * the mean predicted probability, where {@code σ = sqrt(Σ p(1 − p)) / n} is the standard deviation
 * of a sum of independent Bernoulli trials (the 0.02 allows for the small dependence between
 * densified slots of the one-pass scheme).
 */
class LshCandidateRateTest {
  private static final double[] BUCKET_EDGES = {0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0001};

  @Test
  void candidateRate_followsSCurve_onRealTextPairs() {
    RealTextFixture fixture = RealTextFixture.load();
    List<RealTextFixture.Pair> pairs = new ArrayList<>(fixture.sameClusterPairs());
    pairs.addAll(fixture.randomPairs(1000, 9));
    LshParameters parameters = LshParameters.of(16, 2);
    int buckets = BUCKET_EDGES.length - 1;
    double[] predictedSum = new double[buckets];
    double[] varianceSum = new double[buckets];
    int[] observed = new int[buckets];
    int[] trials = new int[buckets];
    for (long seed = 1; seed <= 8; seed++) {
      MinHasher hasher = MinHasher.create(128, seed);
      LshIndex index = LshIndex.create(parameters);
      for (int i = 0; i < fixture.docs().size(); i++) {
        index.add(i, hasher.sign(fixture.docs().get(i).shingles()));
      }
      LongOpenHashSet candidates = new LongOpenHashSet();
      index.forEachCandidatePair((a, b) -> candidates.add(((long) a << 32) | b));
      for (RealTextFixture.Pair pair : pairs) {
        int bucket = bucketOf(pair.jaccard());
        double p = parameters.candidateProbability(pair.jaccard());
        predictedSum[bucket] += p;
        varianceSum[bucket] += p * (1 - p);
        trials[bucket]++;
        if (candidates.contains(((long) pair.first() << 32) | pair.second())) {
          observed[bucket]++;
        }
      }
    }
    StringBuilder report = new StringBuilder();
    List<String> failures = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      if (trials[b] < 30) {
        continue;
      }
      double n = trials[b];
      double observedRate = observed[b] / n;
      double predictedRate = predictedSum[b] / n;
      double bound = 4 * Math.sqrt(varianceSum[b]) / n + 0.02;
      String line =
          String.format(
              Locale.ROOT,
              "J in [%.2f, %.2f): n=%d observed %.4f predicted %.4f bound %.4f%n",
              BUCKET_EDGES[b],
              BUCKET_EDGES[b + 1],
              trials[b],
              observedRate,
              predictedRate,
              bound);
      report.append(line);
      if (Math.abs(observedRate - predictedRate) > bound) {
        failures.add(line);
      }
    }
    System.out.print(report);
    assertTrue(failures.isEmpty(), report.toString());
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
