package org.polydup.index;

/** Receives candidate pairs from {@link PassageIndex#forEachCandidatePair}. */
@FunctionalInterface
public interface PassagePairConsumer {
  /**
   * Called once per unordered candidate pair.
   *
   * @param first the smaller document id
   * @param second the larger document id, {@code > first}
   * @param sharedFingerprints number of distinct fingerprints, each in at most {@code
   *     documentFrequencyCap} documents, that the two documents share; {@code >= 1}
   */
  void accept(int first, int second, int sharedFingerprints);
}
