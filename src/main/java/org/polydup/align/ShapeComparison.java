package org.polydup.align;

import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.align.structure.ParagraphShape;

/**
 * The checks on a pair's paragraph structures that the structure passes share ({@link
 * CandidateSearch}'s deeper candidates, {@link ShapeAgreements}, {@link StructureRule}): whether
 * two texts' structures are worth comparing at all ({@link #comparable}), and whether the names
 * they share lie where the structure alignment says the text was translated from ({@link
 * #anchorsCorrespond}). The distance bar itself is {@link CrossLanguageMatcher#SHAPE_DISTANCE}.
 */
final class ShapeComparison {
  /**
   * Paragraphs each text needs before its structure says anything: a structure of n paragraphs has
   * n - 1 free shares, and three or four paragraphs are as often a page's layout (masthead, body,
   * footer) as a text's own structure; two pages sharing only a masthead and a footer agree on it.
   * Through the scan at 3 / 5 (even / odd halves, true/false pairs): 1,226/10 / 1,235/20 and
   * 1,223/10 / 1,222/19; 5 keeps such pages apart ({@code AlignmentStageTest}).
   */
  static final int SHAPE_PARAGRAPHS = 5;

  /**
   * Texts of weighted lengths further apart than this factor are not compared: the structure
   * distance normalises each text to its own length, so it would otherwise pair a story with a
   * short piece of the same paragraph proportions. 99.9% of xling gold pairs lie within 1.84
   * (Japanese against Chinese, the widest, 1.31-1.74 for 90% of pairs); at 1.5 instead of 2:
   * 1,209/10 / 1,226/20.
   */
  private static final double SHAPE_LENGTH_RATIO = 2.0;

  /**
   * Paragraphs an anchor may lie off its structure-aligned place; see {@link #anchorsCorrespond}.
   */
  private static final int SHAPE_SLACK = 1;

  /**
   * Share of the aligned anchor weight that must lie in corresponding paragraphs; see {@link
   * #anchorsCorrespond}. Swept at 0 (off) / 0.5 / 0.75 / 0.9 with a structure distance of 1.0:
   * before the length-ratio bar: syndication false positives 107 / 101 / 99 / 98, xling true/false
   * pairs on the even half 1,241/13 / 1,240/12 / 1,236/10 / 1,222/10, odd half 1,255/22 / 1,252/20
   * / 1,245/20 / 1,231/20.
   */
  private static final double SHAPE_ANCHOR_SHARE = 0.75;

  private ShapeComparison() {}

  /**
   * Whether two shapes are worth aligning: both have {@link #SHAPE_PARAGRAPHS} paragraphs, and
   * neither text is more than {@link #SHAPE_LENGTH_RATIO} times as long as the other.
   */
  static boolean comparable(ParagraphShape first, ParagraphShape second) {
    return first.paragraphs() >= SHAPE_PARAGRAPHS
        && second.paragraphs() >= SHAPE_PARAGRAPHS
        && Math.max(first.weightedLength(), second.weightedLength())
            <= SHAPE_LENGTH_RATIO * Math.min(first.weightedLength(), second.weightedLength());
  }

  /**
   * Whether the pair's aligned anchors lie in paragraphs the structure alignment pairs up (within
   * {@value #SHAPE_SLACK} paragraph), for at least {@link #SHAPE_ANCHOR_SHARE} of their weight: a
   * translation carries each name in the paragraph it was translated from, while two texts on one
   * template (two newsletters, two help pages) or on one event share names in unrelated places.
   *
   * @param aligned the pair's result so far, or {@code null}
   * @param key the pair ({@link MatchBatch#pairKey})
   */
  static boolean anchorsCorrespond(MatchBatch batch, AlignmentResult aligned, long key) {
    return anchorsCorrespond(batch, aligned, key, null);
  }

  /**
   * {@link #anchorsCorrespond(MatchBatch, AlignmentResult, long)} with the pair's structure
   * alignment when it is known already ({@code null} otherwise).
   */
  static boolean anchorsCorrespond(
      MatchBatch batch, AlignmentResult aligned, long key, ParagraphShape.Alignment known) {
    ParagraphShape[] shapes = batch.shapes;
    int low = (int) (key >>> 32);
    int high = (int) key;
    // Copies kept their evidence; the others are aligned again for theirs.
    AlignmentResult result = batch.withEvidence(low, high, aligned);
    return anchorsCorrespond(shapes[low], shapes[high], result, known);
  }

  /**
   * The same check on a result with its evidence, {@code first} and {@code second} being the
   * structures of the result's first and second text.
   *
   * @param known the pair's structure alignment when it is known already, else {@code null}
   */
  static boolean anchorsCorrespond(
      ParagraphShape first,
      ParagraphShape second,
      AlignmentResult result,
      ParagraphShape.Alignment known) {
    ParagraphShape.Alignment paragraphs = known != null ? known : first.align(second);
    double total = 0;
    double corresponding = 0;
    // Through the offsets: an evidence pair and its entities are built on access.
    for (int i = 0, size = result.evidence().size(); i < size; i++) {
      double weight = result.evidenceWeight(i);
      total += weight;
      if (paragraphs.corresponds(
          first.paragraphAt(result.evidenceStart(i, true)),
          second.paragraphAt(result.evidenceStart(i, false)),
          SHAPE_SLACK)) {
        corresponding += weight;
      }
    }
    return total > 0 && corresponding >= SHAPE_ANCHOR_SHARE * total;
  }
}
