package org.polydup;

import org.polydup.sketch.Estimate;

/**
 * The numbers behind a match. Shingle measures are {@code NaN} for every pair the align stage
 * reported: cross-language pairs, which share no shingles, and same-language ones it found by their
 * entities (rewordings whose shingles the shingle stage did not flag). The alignment score is
 * {@code NaN} when no alignment was run.
 *
 * @param estimatedJaccard MinHash estimate of the shingle-set Jaccard with its interval, or {@code
 *     null} when not computed
 * @param jaccard exact Jaccard of the two shingle sets, in [0, 1]
 * @param containmentAInB share of a's distinct shingles found in b, in [0, 1]
 * @param containmentBInA share of b's distinct shingles found in a, in [0, 1]
 * @param coverageA share of a's text inside passages shared with b, in [0, 1]
 * @param coverageB share of b's text inside passages shared with a, in [0, 1]
 * @param alignment alignment score (aligned entity weight over the lighter text's), in [0, 1]
 * @param alignmentCoverageA share of a's entity weight that is aligned, in [0, 1]
 * @param alignmentCoverageB share of b's entity weight that is aligned, in [0, 1]
 * @param alignmentDensity aligned weight over all entity weight inside the aligned stretch of the
 *     lighter text, in [0, 1]: high for a copied passage, low for names scattered through a page
 */
public record Scores(
    Estimate estimatedJaccard,
    double jaccard,
    double containmentAInB,
    double containmentBInA,
    double coverageA,
    double coverageB,
    double alignment,
    double alignmentCoverageA,
    double alignmentCoverageB,
    double alignmentDensity) {

  /**
   * Scores of a same-language shingle match, with no alignment (those measures are {@code NaN});
   * the parameters are the record's components of the same names.
   *
   * @return the scores
   */
  public static Scores ofShingles(
      Estimate estimatedJaccard,
      double jaccard,
      double containmentAInB,
      double containmentBInA,
      double coverageA,
      double coverageB) {
    return new Scores(
        estimatedJaccard,
        jaccard,
        containmentAInB,
        containmentBInA,
        coverageA,
        coverageB,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }

  /**
   * Scores of a pair the align stage reported, with no shingle measures (those are {@code NaN}).
   *
   * @param alignment aligned weight over the lighter text's weight
   * @param coverageA aligned weight over text a's weight
   * @param coverageB aligned weight over text b's weight
   * @param density density of the densest run of aligned entities
   * @return the scores
   */
  public static Scores ofAlignment(
      double alignment, double coverageA, double coverageB, double density) {
    return new Scores(
        null,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        alignment,
        coverageA,
        coverageB,
        density);
  }
}
