package org.polydup.index;

/** Receives candidate pairs of document ids from {@link LshIndex#forEachCandidatePair}. */
@FunctionalInterface
public interface PairConsumer {
  /**
   * Called once per unordered candidate pair.
   *
   * @param first the smaller document id
   * @param second the larger document id, {@code > first}
   */
  void accept(int first, int second);
}
