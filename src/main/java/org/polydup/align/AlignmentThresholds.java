package org.polydup.align;

/**
 * Decision thresholds of the {@link Aligner}. Immutable; validated when built.
 *
 * @param translation minimum {@link AlignmentResult#score()} (coverage of the lighter text) for a
 *     cross-language {@code TRANSLATION}; in (0, 1]
 * @param longerCoverage minimum coverage of the heavier text for {@code TRANSLATION} (the
 *     length-ratio check: otherwise a passage is translated, which is {@code DERIVED}); in [0, 1]
 * @param derived minimum score for a same-language {@code DERIVED}; in (0, 1]
 * @param passageDensity minimum {@link AlignmentResult#density()} of the aligned stretch for a
 *     partial copy ({@code DERIVED}) below the coverage thresholds; in (0, 1]
 * @param passageWeight minimum matched IDF weight of such a partial copy; {@code >= 0}
 * @param related minimum score for {@code RELATED}; in (0, 1]
 */
public record AlignmentThresholds(
    double translation,
    double longerCoverage,
    double derived,
    double passageDensity,
    double passageWeight,
    double related) {

  /** Validates the ranges. */
  public AlignmentThresholds {
    requireUnit("translation", translation);
    requireUnit("derived", derived);
    requireUnit("passageDensity", passageDensity);
    requireUnit("related", related);
    if (!(longerCoverage >= 0 && longerCoverage <= 1)) {
      throw new IllegalArgumentException("longerCoverage must be in [0, 1], got " + longerCoverage);
    }
    if (!(passageWeight >= 0)) {
      throw new IllegalArgumentException("passageWeight must be >= 0, got " + passageWeight);
    }
  }

  /** The documented defaults (measured on xling and rewrites, see the README). */
  public static AlignmentThresholds defaults() {
    return new AlignmentThresholds(0.30, 0.10, 0.30, 0.50, 60, 0.10);
  }

  private static void requireUnit(String name, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
    }
  }
}
