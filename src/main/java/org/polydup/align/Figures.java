package org.polydup.align;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.polydup.align.extract.EntityKind;
import org.polydup.align.extract.EntityProfile;
import org.polydup.internal.SortedSets;

/**
 * A text's figures, its numbers and links ({@link EntityKind#NUMBER} and {@link EntityKind#LINK}),
 * and whether two texts' figures contradict a translation ({@link #agree}): a check of {@link
 * StructureRule}, which takes pairs that may share a structure and nothing else.
 */
final class Figures {
  /**
   * Figures the richer text needs before {@link #agree} may find a contradiction: one or two
   * numbers (a year, an item number) are too few to say two texts differ.
   */
  static final int CONTRADICTING_FIGURES = 3;

  private Figures() {}

  /**
   * Whether two texts' figures do not contradict a translation: when the richer in figures (numbers
   * and links, {@link EntityKind#NUMBER} and {@link EntityKind#LINK}, distinct keys) has at least
   * {@value #CONTRADICTING_FIGURES} and the other at least one, at least a third of the poorer
   * text's figures are in the richer. A translation carries its figures over, so two texts whose
   * dates, amounts and addresses differ are two texts, however alike their paragraphs: two
   * newsletters built on one template in two languages, two stories of as many paragraphs. Texts
   * with few figures (a chat, a review) pass: their absence says nothing.
   *
   * <p>Measured on the pairs a first version of the structure rule took without this check (rivals
   * by the Gale–Church distance at a margin of 1.5; xling and syndication with alignment): of the
   * 488 true pairs none had a third of the poorer text's figures or fewer in the other while the
   * richer had 3 or more; of the 22 false ones, 15 had, and the check took xling's false pairs of
   * that version from 82 to 77 and syndication's from 99 to 89 with no true pair lost.
   */
  static boolean agree(EntityProfile first, EntityProfile second) {
    return agree(of(first), of(second));
  }

  /** {@link #agree(EntityProfile, EntityProfile)} on each text's figures ({@link #of}). */
  static boolean agree(long[] x, long[] y) {
    long[] poorer = x.length <= y.length ? x : y;
    long[] richer = x.length <= y.length ? y : x;
    if (richer.length < CONTRADICTING_FIGURES || poorer.length == 0) {
      return true;
    }
    return 3 * SortedSets.intersectionSize(poorer, richer) >= poorer.length;
  }

  /** The distinct keys of a profile's numbers and links, sorted. */
  static long[] of(EntityProfile profile) {
    LongArrayList keys = new LongArrayList();
    for (int i = 0; i < profile.size(); i++) {
      EntityKind kind = profile.kind(i);
      if (kind == EntityKind.NUMBER || kind == EntityKind.LINK) {
        keys.add(profile.key(i));
      }
    }
    long[] found = keys.toLongArray();
    return SortedSets.sortedDistinct(found, found.length);
  }
}
