package org.polydup.verify;

/**
 * The thresholds that turn measured overlap into a relation. Immutable; every field has a
 * documented default in {@link #defaults()}.
 *
 * <p>Coverage is the share of a document's shingle positions that lie inside shared passages of at
 * least {@code minimumPassageShingles} consecutive shingles. Counting passages rather than loose
 * shared shingles is what keeps common phrases ("according to the") from adding up to a match.
 *
 * @param minimumPassageShingles a run of shared shingles shorter than this (counting only
 *     informative ones) is coincidence, not a passage; default 5 (7 words with 3-word shingles)
 * @param containedCoverage the smaller text counts as inside the larger when at least this share of
 *     it is covered; default 0.5
 * @param duplicateCoverage and when the larger text is covered at least this much too, the pair is
 *     a {@code duplicate} rather than {@code contained}; default 0.75
 * @param minimumExcerptCharacters a single shared passage of whole sentences at least this long, in
 *     Latin-equivalent characters (see {@link Excerpts}), that is the lead of one of the two texts
 *     (at most two of its lines, a headline and a byline, before it) is a copied excerpt (a story's
 *     lead in a digest) even when it covers little of either text; default 300, above the 150–200
 *     characters of a typical link preview. One further into both texts is a rewording ({@code
 *     DERIVED}) when half of {@code containedCoverage} (a quarter by default) of each text is
 *     shared, else no copy: two digests quoting one item share it so.
 * @param minimumLeadParagraphs a shared passage that opens one of the two texts and runs through at
 *     least this many of its lines (paragraphs or segments), ending where a line or sentence ends
 *     in both, is a copied lead however short it is; default 3, a headline and two whole
 *     paragraphs. A link preview shows a headline and one snippet, so it stops at two lines; a
 *     digest or an excerpting site that reproduces a story's opening goes on to its second
 *     paragraph.
 */
public record VerificationPolicy(
    int minimumPassageShingles,
    double containedCoverage,
    double duplicateCoverage,
    int minimumExcerptCharacters,
    int minimumLeadParagraphs) {

  /** Validates the ranges. */
  public VerificationPolicy {
    if (minimumPassageShingles < 1) {
      throw new IllegalArgumentException(
          "minimumPassageShingles must be >= 1, got " + minimumPassageShingles);
    }
    requireFraction("containedCoverage", containedCoverage);
    requireFraction("duplicateCoverage", duplicateCoverage);
    if (minimumExcerptCharacters < 1) {
      throw new IllegalArgumentException(
          "minimumExcerptCharacters must be >= 1, got " + minimumExcerptCharacters);
    }
    if (minimumLeadParagraphs < 2) {
      throw new IllegalArgumentException(
          "minimumLeadParagraphs must be >= 2 (a headline and a paragraph is a preview), got "
              + minimumLeadParagraphs);
    }
  }

  /** The defaults described on each component. */
  public static VerificationPolicy defaults() {
    return new VerificationPolicy(5, 0.5, 0.75, 300, 3);
  }

  private static void requireFraction(String name, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
    }
  }
}
