package org.polydup.align;

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
 * @param maximumWeightRatio the length-ratio check: a pair whose total weights differ by more than
 *     this factor is at most {@code DERIVED} (a passage was translated); {@code >= 1}
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
    double maximumWeightRatio,
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
    if (!(maximumWeightRatio >= 1)) {
      throw new IllegalArgumentException(
          "maximumWeightRatio must be >= 1, got " + maximumWeightRatio);
    }
  }

  /**
   * The documented defaults, chosen as round values on the plateau of the xling and rewrites sweeps
   * (see the README), not at a single best point.
   */
  public static AlignmentThresholds defaults() {
    return new AlignmentThresholds(0.08, 2.5, 5.0, 0.40, 10.0, 0.30, 12.0, 0.02);
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
