package org.polydup.align.pairwise;

/**
 * A run of aligned pairs: its matched weight and its density.
 *
 * <p>The passage of a partial copy: the run of consecutive aligned pairs that holds at least {@code
 * minimumWeight} at density {@code d} or more, or, when there is none, the run that best clears
 * {@code d} (for the record). A run's density is its matched weight over that weight plus the
 * weight it skips between consecutive pairs (at each step the lighter side's skip, so that the
 * measure adds up along the run). A run is at least {@code d} dense exactly when {@code (1 - d) *
 * matched - d * skipped >= 0}, so with prefix sums of that score and of the matched weight one pass
 * finds, for each run end, the best start among those leaving enough weight (the starts that do
 * form a prefix, as matched weight only grows): linear in the evidence, no threshold beyond the two
 * the decision states.
 *
 * <p>Measuring density on the whole local alignment let one repeated name far from a retold passage
 * (the company named again in a later paragraph) stretch the span and hide the passage: a
 * newsletter item retold from a longer article scored 0.08.
 */
record DensestPassage(double matched, double density) {

  /**
   * The densest passage of the aligned {@code pairs} (positions in {@code a}, in {@code b}, two
   * ints per pair, in text order) at density {@code d} holding at least {@code minimumWeight}.
   */
  static DensestPassage find(
      KeySequence a, KeySequence b, int[] pairs, double d, double minimumWeight) {
    int count = pairs.length / 2;
    if (count == 0) {
      return new DensestPassage(0, 0);
    }
    double[] matchedBefore = new double[count + 1];
    double[] scoreBefore = new double[count + 1];
    double[] startCost = new double[count];
    for (int k = 0; k < count; k++) {
      int positionA = pairs[2 * k];
      int positionB = pairs[2 * k + 1];
      double gain = Math.min(a.weight(positionA), b.weight(positionB));
      double skipped = 0;
      if (k > 0) {
        skipped =
            Math.min(
                a.weightBetween(pairs[2 * k - 2] + 1, positionA - 1),
                b.weightBetween(pairs[2 * k - 1] + 1, positionB - 1));
      }
      // A run starting at k does not pay the skip before k.
      startCost[k] = scoreBefore[k] - d * skipped;
      matchedBefore[k + 1] = matchedBefore[k] + gain;
      scoreBefore[k + 1] = scoreBefore[k] + (1 - d) * gain - d * skipped;
    }
    int[] run = bestRun(matchedBefore, scoreBefore, startCost, minimumWeight);
    if (run == null || run[2] < 0) {
      run = bestRun(matchedBefore, scoreBefore, startCost, 0);
    }
    double matched = matchedBefore[run[1] + 1] - matchedBefore[run[0]];
    double score = scoreBefore[run[1] + 1] - startCost[run[0]];
    // score = (1 - d) * matched - d * skipped, so skipped follows.
    double skipped = ((1 - d) * matched - score) / d;
    double span = matched + skipped;
    return new DensestPassage(matched, span > 0 ? Math.min(1, matched / span) : 0);
  }

  /**
   * The run {start, end, sign of score} with the highest score among runs holding at least {@code
   * minimumWeight}, or {@code null} when no run holds that much.
   */
  private static int[] bestRun(
      double[] matchedBefore, double[] scoreBefore, double[] startCost, double minimumWeight) {
    int count = startCost.length;
    int[] best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    int validStarts = 0;
    int cheapestStart = -1;
    for (int end = 0; end < count; end++) {
      while (validStarts <= end
          && matchedBefore[end + 1] - matchedBefore[validStarts] >= minimumWeight - 1e-12) {
        if (cheapestStart < 0 || startCost[validStarts] < startCost[cheapestStart]) {
          cheapestStart = validStarts;
        }
        validStarts++;
      }
      if (cheapestStart < 0) {
        continue;
      }
      double score = scoreBefore[end + 1] - startCost[cheapestStart];
      if (score > bestScore) {
        bestScore = score;
        best = new int[] {cheapestStart, end, score >= 0 ? 0 : -1};
      }
    }
    return best;
  }
}
