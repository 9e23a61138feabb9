package org.polydup;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.polydup.verify.ShingleRarity;

/** The cross-language step of a batch scan, behind an interface so the scan can run without it. */
interface CrossLanguageStage {

  /** A match with the input positions of its two documents, {@code x < y}. */
  record IndexedMatch(int x, int y, Match match) {}

  /**
   * The matches found, how many candidate pairs were aligned, and the documents whose entities
   * could not be extracted (input position to why; they took part with none).
   */
  record Result(List<IndexedMatch> matches, long candidatePairs, Map<Integer, String> problems) {}

  /**
   * Finds translated and retold copies among the documents.
   *
   * @param fingerprints per input position; {@code null} for documents that failed analysis
   * @param alreadySettled the pairs the shingle stage settled: flagged, or copies of one text
   * @param rarity the scan's boilerplate shingles
   */
  Result scan(
      List<Document> documents,
      Fingerprint[] fingerprints,
      ShingleRarity rarity,
      LanguageResolver languages,
      SettledPairs alreadySettled,
      ForkJoinPool pool,
      ScanProgress progress);
}
