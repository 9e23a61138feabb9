package org.polydup;

import it.unimi.dsi.fastutil.longs.LongIterator;
import it.unimi.dsi.fastutil.longs.LongSet;

/**
 * The pairs the shingle stage of a batch settled, which the align stage leaves alone: those it
 * flagged, and every two copies of one text, which it reports against the first copy only ({@link
 * org.polydup.index.ExactCopies}).
 */
final class SettledPairs {
  private final LongSet flagged;
  private final int[] firstCopies;

  /**
   * @param flagged pair keys ({@link CandidatePairs#pairKey}) the shingle stage flagged
   * @param firstCopies by input position, the position of the first document with the same text
   */
  SettledPairs(LongSet flagged, int[] firstCopies) {
    this.flagged = flagged;
    this.firstCopies = firstCopies;
  }

  /** Whether the pair of input positions x and y is settled. */
  boolean contains(int x, int y) {
    return firstCopies[x] == firstCopies[y] || flagged.contains(CandidatePairs.pairKey(x, y));
  }

  /** The flagged pairs' keys. */
  LongIterator flaggedKeys() {
    return flagged.iterator();
  }
}
