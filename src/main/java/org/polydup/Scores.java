package org.polydup;

import org.polydup.sketch.Estimate;

/**
 * The numbers behind a match. Shingle measures are {@code NaN} for cross-language pairs, which
 * share no shingles; the alignment score is {@code NaN} when no alignment was run.
 *
 * @param estimatedJaccard MinHash estimate of the shingle-set Jaccard with its interval, or {@code
 *     null} when not computed
 * @param jaccard exact Jaccard of the two shingle sets, in [0, 1]
 * @param containmentAInB share of a's distinct shingles found in b, in [0, 1]
 * @param containmentBInA share of b's distinct shingles found in a, in [0, 1]
 * @param coverageA share of a's text inside passages shared with b, in [0, 1]
 * @param coverageB share of b's text inside passages shared with a, in [0, 1]
 * @param alignment cross-language alignment score, in [0, 1]
 */
public record Scores(
    Estimate estimatedJaccard,
    double jaccard,
    double containmentAInB,
    double containmentBInA,
    double coverageA,
    double coverageB,
    double alignment) {}
