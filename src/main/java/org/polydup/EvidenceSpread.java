package org.polydup;

import org.polydup.align.CrossLanguageMatcher;
import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.verify.Excerpts;
import org.polydup.verify.VerificationPolicy;

/**
 * How an aligned pair's entities spread through its two texts, and the relation that spread
 * supports ({@link #decide}): anchors through the whole of both texts for a translation, one close
 * run of them for a partial copy.
 */
final class EvidenceSpread {
  /**
   * A translation carries its anchors through the whole text, so the aligned entities must span at
   * least this share of each document; anchors bunched in one corner of a page (a digest item, a
   * quoted teaser) are at most a partial copy. Measured on xling (>= 400 chars, pooled) and
   * syndication: at 0.4 xling F1 is unchanged (0.760) with precision 0.891 -> 0.933, and
   * cross-language false positives on syndication's digest pages fall from 1,215 to 393.
   */
  private static final double TRANSLATION_SPAN_SHARE = 0.4;

  /**
   * A translation leaves no stretch longer than this share of either text without an aligned
   * entity. Spanning a text is not enough: two pages that share only a masthead and a footer (a
   * newsletter's furniture) span both texts end to end. Swept through the scan with the run rule of
   * {@link #longestRun} in place, at 1.0 (off) / 0.7 / 0.6: xling true/false pairs 1,999/83 /
   * 1,993/82 / 1,983/79, syndication false positives 112 / 95 / 92. Before both rules: xling
   * 2,026/102, syndication 147.
   */
  private static final double TRANSLATION_GAP_SHARE = 0.7;

  /**
   * A partial copy must span at least this many Latin-equivalent characters on both sides, the same
   * bar as a verbatim excerpt ({@link VerificationPolicy#minimumExcerptCharacters()}): a headline
   * and teaser of a link preview is not a copy in any language.
   */
  private final int minimumPartialCharacters;

  EvidenceSpread(VerificationPolicy policy) {
    this.minimumPartialCharacters = policy.minimumExcerptCharacters();
  }

  /**
   * The relation after checking how the aligned entities spread through each text. A translation
   * carries anchors through the whole of both texts: they must span {@link #TRANSLATION_SPAN_SHARE}
   * of each and leave no stretch longer than {@link #TRANSLATION_GAP_SHARE} of either without one,
   * unless the two texts' paragraph structures agree ({@link
   * CrossLanguageMatcher.AlignedPair#shapeAgrees}), which is whole-text evidence of its own.
   * Anything else is at most a partial copy: one run of aligned entities, no two of them further
   * apart than a link preview, spanning at least a link preview on both sides. Related pairs pass
   * unchanged.
   */
  Relation decide(
      CrossLanguageMatcher.AlignedPair pair,
      AlignmentResult alignment,
      String textA,
      String textB) {
    Relation relation = pair.relation();
    int size = alignment.evidence().size();
    if (relation == Relation.RELATED || size == 0) {
      return relation;
    }
    int startA = Integer.MAX_VALUE;
    int endA = 0;
    int startB = Integer.MAX_VALUE;
    int endB = 0;
    for (int i = 0; i < size; i++) {
      startA = Math.min(startA, alignment.evidenceStart(i, true));
      endA = Math.max(endA, alignment.evidenceEnd(i, true));
      startB = Math.min(startB, alignment.evidenceStart(i, false));
      endB = Math.max(endB, alignment.evidenceEnd(i, false));
    }
    double shareA = (double) (endA - startA) / Math.max(1, textA.length());
    double shareB = (double) (endB - startB) / Math.max(1, textB.length());
    if (relation == Relation.TRANSLATION
        && (pair.shapeAgrees()
            || (Math.min(shareA, shareB) >= TRANSLATION_SPAN_SHARE
                && largestGapShare(alignment, textA, true) <= TRANSLATION_GAP_SHARE
                && largestGapShare(alignment, textB, false) <= TRANSLATION_GAP_SHARE))) {
      return relation;
    }
    return longestRun(alignment, textA, textB) >= minimumPartialCharacters
        ? Relation.DERIVED
        : null;
  }

  /**
   * The longest stretch of text, as a share of the text, without an aligned entity: between two
   * consecutive ones, or between a text end and the nearest one. Evidence is in text order on both
   * sides.
   */
  private static double largestGapShare(AlignmentResult alignment, String text, boolean first) {
    int previous = 0;
    int largest = 0;
    for (int i = 0, size = alignment.evidence().size(); i < size; i++) {
      largest = Math.max(largest, alignment.evidenceStart(i, first) - previous);
      previous = Math.max(previous, alignment.evidenceEnd(i, first));
    }
    largest = Math.max(largest, text.length() - previous);
    return (double) largest / Math.max(1, text.length());
  }

  /**
   * The weighted length (the shorter side) of the longest run of aligned entities in which no two
   * consecutive ones are more than {@link #minimumPartialCharacters} weighted characters apart in
   * either text: a retold passage keeps its anchors close together, while a masthead and a footer
   * that two pages share are far apart.
   */
  private int longestRun(AlignmentResult alignment, String textA, String textB) {
    int best = 0;
    int runStart = 0;
    int size = alignment.evidence().size();
    for (int i = 0; i <= size; i++) {
      boolean breaks =
          i == size
              || (i > runStart
                  && (Excerpts.weightedLengthExceeds(
                          textA,
                          alignment.evidenceEnd(i - 1, true),
                          alignment.evidenceStart(i, true),
                          minimumPartialCharacters)
                      || Excerpts.weightedLengthExceeds(
                          textB,
                          alignment.evidenceEnd(i - 1, false),
                          alignment.evidenceStart(i, false),
                          minimumPartialCharacters)));
      if (breaks) {
        int endA = 0;
        int endB = 0;
        int startA = Integer.MAX_VALUE;
        int startB = Integer.MAX_VALUE;
        for (int k = runStart; k < i; k++) {
          startA = Math.min(startA, alignment.evidenceStart(k, true));
          endA = Math.max(endA, alignment.evidenceEnd(k, true));
          startB = Math.min(startB, alignment.evidenceStart(k, false));
          endB = Math.max(endB, alignment.evidenceEnd(k, false));
        }
        if (i > runStart) {
          best =
              Math.max(
                  best,
                  Math.min(
                      Excerpts.weightedLength(textA, startA, endA),
                      Excerpts.weightedLength(textB, startB, endB)));
        }
        runStart = i;
      }
    }
    return best;
  }
}
