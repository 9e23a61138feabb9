package org.polydup.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polydup.index.LshParameters;

/**
 * The LSH engine against the exact set of pairs above a Jaccard threshold, on the real syndication
 * subset (testdata/syndication). Bands are chosen so a pair exactly at the threshold is a candidate
 * with probability >= 0.99; pairs above it more. With n true pairs the expected number missed is
 * below 0.01 n, so the bounds below (at most one miss in 23, three in 115) fail only on a real
 * regression or with probability {@literal <} 0.001 for a new seed.
 */
class LshRecallTest {
  private static final LshEvaluation SET =
      LshEvaluation.load(Path.of("testdata/syndication/docs.jsonl"), 1000, 128, 7L);

  private static LshEvaluation.Outcome score(double threshold) {
    return SET.score(threshold, List.of(LshParameters.forRecall(threshold, 128, 0.99))).get(0);
  }

  @Test
  void lsh_findsPairsAboveHighThreshold() {
    LshEvaluation.Outcome o = score(0.8);
    assertTrue(o.truePairs() >= 20, "enough true pairs to measure: " + o);
    assertTrue(o.found() >= o.truePairs() - 1, "" + o);
  }

  @Test
  void lsh_findsPairsAboveMiddleThreshold() {
    LshEvaluation.Outcome o = score(0.5);
    assertTrue(o.truePairs() >= 100, "enough true pairs to measure: " + o);
    assertTrue(o.found() >= o.truePairs() - 3, "" + o);
  }
}
