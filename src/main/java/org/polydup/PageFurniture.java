package org.polydup;

import java.util.ArrayList;
import java.util.List;
import org.polydup.align.AlignedEntityPair;
import org.polydup.verify.ShingleRarity;
import org.polydup.verify.ShingleSequence;

/**
 * Tells the aligned entities that sit in page furniture from those of the story.
 *
 * <p>A site wraps every page in the same furniture: a newsletter's masthead and unsubscribe footer,
 * share and cookie lines, "read more" links. The scan already calls the shingles of such text
 * boilerplate (more documents carry them than {@code boilerplateDocumentFrequency}), and the align
 * stage aligns the words and names inside it like any other: two newsletters in two languages whose
 * English footers match word for word get anchors at their very ends, which is what makes a pair of
 * pages look as if anchors ran through both texts. An entity touched by a boilerplate shingle in
 * either text is furniture here; the story's own names and numbers are rare in the batch.
 * Stateless.
 */
final class PageFurniture {
  private PageFurniture() {}

  /**
   * The evidence without the entities in furniture, in the same order; the list itself when there
   * is no boilerplate.
   *
   * @param first the shingles of the text of each pair's first entity
   * @param second the shingles of the text of each pair's second entity
   * @param rarity the scan's boilerplate shingles
   */
  static List<AlignedEntityPair> without(
      List<AlignedEntityPair> evidence,
      ShingleSequence first,
      ShingleSequence second,
      ShingleRarity rarity) {
    if (rarity == ShingleRarity.NONE) {
      return evidence;
    }
    List<AlignedEntityPair> kept = new ArrayList<>(evidence.size());
    for (AlignedEntityPair e : evidence) {
      if (!touchesBoilerplate(first, rarity, e.first().start(), e.first().end())
          && !touchesBoilerplate(second, rarity, e.second().start(), e.second().end())) {
        kept.add(e);
      }
    }
    return kept;
  }

  /**
   * Whether a shingle overlapping {@code [start, end)} is boilerplate. Shingle starts and ends both
   * grow with the position, so the overlapping ones are found by a binary search and a short walk
   * back.
   */
  static boolean touchesBoilerplate(
      ShingleSequence shingles, ShingleRarity rarity, int start, int end) {
    // The first shingle that starts at or after the end: every overlapping one is before it.
    int low = 0;
    int high = shingles.length();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (shingles.startAt(middle) < end) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    for (int i = low - 1; i >= 0 && shingles.endAt(i) > start; i--) {
      if (rarity.isCommon(shingles.hashAt(i))) {
        return true;
      }
    }
    return false;
  }
}
