package org.polydup.sketch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
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

  /**
   * The same bound on the whole rewrites set ({@code -Dpolydup.rewrites=PATH}, default {@code
   * /work/shared/data/rewrites/docs.jsonl}; skipped if absent) for k = 64, 128 and 256.
   */
  @Test
  @Tag("slow")
  void bothSchemes_estimateJaccardWithinThreeSigma_onFullRewritesSet_forSeveralK() {
    Path file =
        Path.of(System.getProperty("polydup.rewrites", "/work/shared/data/rewrites/docs.jsonl"));
    Assumptions.assumeTrue(Files.isRegularFile(file), "no rewrites set at " + file);
    RealTextFixture fixture = RealTextFixture.load(file);
    for (int k : new int[] {64, 128, 256}) {
      assertWithinBound(fixture, k, "one-pass k=" + k, MinHasher.create(k, 3)::sign);
      assertWithinBound(fixture, k, "classic k=" + k, ClassicMinHasher.create(k, 3)::sign);
    }
  }

  private static void assertWithinBound(String name, Function<long[], MinHashSignature> signer) {
    assertWithinBound(RealTextFixture.load(), K, name, signer);
  }

  private static void assertWithinBound(
      RealTextFixture fixture, int k, String name, Function<long[], MinHashSignature> signer) {
    List<RealTextFixture.Pair> pairs = new ArrayList<>(fixture.sameClusterPairs());
    pairs.addAll(fixture.randomPairs(Math.max(1000, pairs.size() / 2), 5));
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
      double bound = 3 * Math.sqrt(exact * (1 - exact) / k) + 1.0 / k;
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
