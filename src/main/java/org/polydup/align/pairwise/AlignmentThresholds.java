package org.polydup.align.pairwise;

import org.polydup.align.extract.EntityProfile;

/**
 * Decision thresholds of the {@link Aligner}. Immutable; validated when built.
 *
 * <p>Weights are sums of normalised IDF weights (each in [0, 1], 1 for a key seen in one document
 * of the corpus), so a weight threshold reads as "this many rare keys in common". They hold for
 * every batch size: smaller batches are weighed as part of a 1,000-document corpus.
 *
 * @param translationCoverage minimum {@link AlignmentResult#score()} (aligned weight over the
 *     lighter text's weight, anchors and cognate words) for {@code TRANSLATION}; in (0, 1]
 * @param translationWeight minimum aligned weight for {@code TRANSLATION}; {@code >= 0}
 * @param maximumLengthRatio the length-ratio check: a pair of texts in two languages whose lengths,
 *     weighted by script ({@link EntityProfile#weightedLength()}), differ by more than this factor
 *     is at most {@code DERIVED} (a passage was translated); {@code >= 1}
 * @param derivedCoverage minimum score for a same-language {@code DERIVED}; in (0, 1]
 * @param derivedWeight minimum aligned weight for a same-language {@code DERIVED}; {@code >= 0}
 * @param passageDensity minimum {@link AlignmentResult#density()} of a run of aligned pairs for a
 *     partial copy ({@code DERIVED}) below the coverage thresholds; in (0, 1]
 * @param passageWeight minimum aligned weight inside that run; {@code >= 0}
 * @param related minimum score for {@code RELATED}; in (0, 1]
 */
public record AlignmentThresholds(
    double translationCoverage,
    double translationWeight,
    double maximumLengthRatio,
    double derivedCoverage,
    double derivedWeight,
    double passageDensity,
    double passageWeight,
    double related) {

  /** Validates the ranges. */
  public AlignmentThresholds {
    requireUnit("translationCoverage", translationCoverage);
    requireUnit("derivedCoverage", derivedCoverage);
    requireUnit("passageDensity", passageDensity);
    requireUnit("related", related);
    requireNonNegative("translationWeight", translationWeight);
    requireNonNegative("derivedWeight", derivedWeight);
    requireNonNegative("passageWeight", passageWeight);
    if (!(maximumLengthRatio >= 1)) {
      throw new IllegalArgumentException(
          "maximumLengthRatio must be >= 1, got " + maximumLengthRatio);
    }
  }

  /**
   * The documented defaults, chosen as round values on the plateau of the xling and rewrites sweeps
   * (see docs/MEASUREMENTS.md), not at a single best point.
   *
   * <p>The length ratio, 2.5, replaced an anchor-weight ratio of 5 (which compared weights that
   * differ about 4× between Japanese or Chinese and alphabetic texts). Through the scan, xling
   * true/false pairs on the even / odd halves by cluster-id parity, and syndication false positives
   * (align stage) with the cross-language pairs found inside translation groups: weight ratio 5:
   * 1,245/10 / 1,236/19, 96 (81), 3,544; length ratio 5: 1,262/10 / 1,240/19 (the same with the
   * length ratio for pairs of a Han-script and an alphabetic text only, and the weight ratio for
   * the others: syndication then 102 (87), 3,605); 3: 1,262/10 / 1,240/19, 95 (80), 3,600; 2.5:
   * 1,262/9 / 1,240/14, 86 (71), 3,587; 2: 1,262/7 / 1,240/12, 78 (63), 3,529; 1.5: 1,224/6 on the
   * even half. 99.9% of xling gold pairs lie within 1.84; 2.5 leaves room for a translation one of
   * whose copies carries page furniture, which 2 drops (58 of syndication's translations).
   */
  public static AlignmentThresholds defaults() {
    return new AlignmentThresholds(0.08, 2.5, 2.5, 0.40, 10.0, 0.30, 12.0, 0.02);
  }

  private static void requireUnit(String name, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
    }
  }

  private static void requireNonNegative(String name, double value) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
  }
}
