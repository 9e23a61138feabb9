package org.polydup;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.polydup.CrossLanguageStage.IndexedMatch;

/**
 * Side links between two families of versions, which a batch scan drops from the align stage's
 * matches ({@link #without}): a same-language {@code derived} pair that rests on what many
 * documents of the batch share rather than on what makes either document what it is.
 */
final class SideLinks {
  /**
   * A same-language {@code derived} pair scoring below this share of the best match of each of its
   * two documents is a side link between two families of versions; see {@link #without}. Swept
   * through the scan on rewrites at 0.4 / 0.5 / 0.55 / 0.6: false positives 595 / 581 / 565 / 534
   * (597 without the rule), true positives 8,772 / 8,772 / 8,771 / 8,764 (8,772 without); 0.5,
   * "less than half of what each document shares with its closest version", keeps every true pair.
   */
  static final double SIDE_LINK_RATIO = 0.5;

  private SideLinks() {}

  /**
   * The matches without the same-language {@code derived} pairs that are side links between two
   * families of versions: the pair scores less than {@link #SIDE_LINK_RATIO} of each document's
   * closest version. A document's closest version is its best-scored aligned pair, or a whole-text
   * copy the shingle stage found (score 1; see {@code wholeCopies}). Such a pair rests on what many
   * documents of the batch share (a support chat's greeting, closing and canned instructions, a
   * product blurb on several shop pages), not on what makes either document what it is. A retold
   * passage keeps its link: a retelling's closest version is its source.
   *
   * @param wholeCopies input positions of documents with a whole-text copy (a near duplicate) among
   *     the pairs the shingle stage settled; containment does not count, since a short template
   *     text is contained in every page built on it
   */
  static List<IndexedMatch> without(
      List<IndexedMatch> matches, BitSet wholeCopies, int documentCount) {
    double[] best = new double[documentCount];
    wholeCopies.stream().forEach(i -> best[i] = 1);
    for (IndexedMatch m : matches) {
      double score = m.match().scores().alignment();
      best[m.x()] = Math.max(best[m.x()], score);
      best[m.y()] = Math.max(best[m.y()], score);
    }
    List<IndexedMatch> kept = new ArrayList<>(matches.size());
    for (IndexedMatch m : matches) {
      Match match = m.match();
      double score = match.scores().alignment();
      boolean sideLink =
          match.relation() == Relation.DERIVED
              && match.languageA().equals(match.languageB())
              && score < SIDE_LINK_RATIO * best[m.x()]
              && score < SIDE_LINK_RATIO * best[m.y()];
      if (!sideLink) {
        kept.add(m);
      }
    }
    return kept;
  }
}
