package org.polydup.eval;

import org.polydup.Scores;

/**
 * Scores as the align stage reports them (no shingle scores), for the evaluation's tests: {@code
 * Scores.ofAlignment} is package-private to the detector.
 */
final class AlignmentScores {
  private AlignmentScores() {}

  static Scores of(double score, double coverageA, double coverageB, double density) {
    return new Scores(
        null,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        score,
        coverageA,
        coverageB,
        density);
  }
}
