package org.polydup.sketch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Statistical accuracy on real text (see {@link RealTextFixture}): for same-article pairs (mid
 * Jaccard) and random pairs (low Jaccard), the estimate must satisfy {@code |Ĵ − J| < 3 sqrt(J(1 −
 * J) / k) + 1/k} for at least 99% of pairs, for both the one-pass scheme and the classic one.
 */
class MinHashAccuracyTest {
  private static final int K = 128;

  @Test
  void onePass_estimatesJaccardWithinThreeSigma_forAtLeast99PercentOfRealPairs() {
    MinHasher hasher = MinHasher.create(K, 20261122L);
    assertWithinBound("one-pass", hasher::sign);
  }

  @Test
  void classic_estimatesJaccardWithinThreeSigma_forAtLeast99PercentOfRealPairs() {
    ClassicMinHasher hasher = ClassicMinHasher.create(K, 20261122L);
    assertWithinBound("classic", hasher::sign);
  }

  private static void assertWithinBound(String name, Function<long[], MinHashSignature> signer) {
    RealTextFixture fixture = RealTextFixture.load();
    List<RealTextFixture.Pair> pairs = new ArrayList<>(fixture.sameClusterPairs());
    pairs.addAll(fixture.randomPairs(1000, 5));
    List<MinHashSignature> signatures =
        fixture.docs().stream().map(doc -> signer.apply(doc.shingles())).toList();
    int failures = 0;
    double sumError = 0;
    double sumJaccard = 0;
    for (RealTextFixture.Pair pair : pairs) {
      double exact = pair.jaccard();
      double estimate =
          SimilarityEstimator.jaccard(signatures.get(pair.first()), signatures.get(pair.second()))
              .estimate();
      double bound = 3 * Math.sqrt(exact * (1 - exact) / K) + 1.0 / K;
      if (Math.abs(estimate - exact) >= bound) {
        failures++;
      }
      sumError += estimate - exact;
      sumJaccard += exact;
    }
    double failureRate = (double) failures / pairs.size();
    String summary =
        String.format(
            Locale.ROOT,
            "%s: %d pairs, mean J %.3f, mean error %.4f, %d outside bound (%.2f%%)",
            name,
            pairs.size(),
            sumJaccard / pairs.size(),
            sumError / pairs.size(),
            failures,
            100 * failureRate);
    System.out.println(summary);
    assertTrue(pairs.size() >= 200, summary);
    assertTrue(sumJaccard / pairs.size() > 0.05, "pairs must include mid-Jaccard ones: " + summary);
    assertTrue(failureRate <= 0.01, summary);
    assertTrue(Math.abs(sumError / pairs.size()) < 0.01, "bias: " + summary);
  }
}
