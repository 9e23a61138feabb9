package org.polydup.align;

import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;
import org.polydup.Relation;
import org.polydup.align.pairwise.AlignmentResult;

/**
 * Exclusivity per language: a document has at most one version in each other language (copies of
 * that version in the same language score alike), so a cross-language copy must score at least
 * {@value #EXCLUSIVE_SHARE} of the best score either document reaches in the other's language.
 * Stories on the same event, the same product line or page furniture share some rare keys with many
 * documents of a language, but much fewer than the real version does; they become {@code RELATED}.
 * Swept on the matcher's copies at share 0 / 0.3 / 0.5 / 0.7: xling (>= 400 chars, pooled) false
 * positives 285 / 216 / 130 / 89 for 2 true pairs lost; syndication cross-language false positives
 * 751 / 565 / 304 / 208 while copies of real translations kept fall 3,557 / 3,534 / 3,414 / 3,130.
 * Through the scan at 0.5: xling P 0.905 -> 0.955 (R 0.673 unchanged), syndication P 0.777 ->
 * 0.891. 0.5 keeps what a second copy of a version scores.
 */
final class Exclusivity {
  /** Share of the best score in a language that a cross-language copy must reach. */
  private static final double EXCLUSIVE_SHARE = 0.5;

  private Exclusivity() {}

  /** Demotes the cross-language copies of {@code batch} that are not their language's version. */
  static void keepExclusive(MatchBatch batch) {
    // Keyed by document and language number: one primitive map, linear in the aligned pairs.
    Long2DoubleOpenHashMap bestScores = new Long2DoubleOpenHashMap();
    batch.forEachCrossLanguage(
        (low, lowKey, high, highKey, score) -> {
          bestScores.merge(lowKey, score, Math::max);
          bestScores.merge(highKey, score, Math::max);
        });
    // Each pair's verdict reads only the best scores, complete by now: judged on the pool's
    // threads, and a demotion writes through to the concurrent map.
    batch
        .aligned
        .parallelEntries()
        .forEach(
            entry -> {
              AlignmentResult result = entry.getValue();
              if (!result.crossLanguage() || !result.isCopy()) {
                return;
              }
              int low = (int) (entry.getKey() >>> 32);
              int high = (int) (long) entry.getKey();
              double best =
                  Math.max(
                      bestScores.get(batch.bestKeyInLanguageOf(low, high)),
                      bestScores.get(batch.bestKeyInLanguageOf(high, low)));
              if (!leadsEnough(result, best)) {
                entry.setValue(demoted(result));
              }
            });
  }

  /**
   * Whether a cross-language copy scores at least {@value #EXCLUSIVE_SHARE} of {@code best}, the
   * best score one of its documents reaches in the other's language.
   */
  static boolean leadsEnough(AlignmentResult result, double best) {
    return result.score() >= EXCLUSIVE_SHARE * best;
  }

  /**
   * A copy that is not its language's version: a passage retold there is still a partial copy
   * ({@code DERIVED}), anything else is {@code RELATED}.
   */
  static AlignmentResult demoted(AlignmentResult result) {
    return result.withRelation(result.partialCopy() ? Relation.DERIVED : Relation.RELATED);
  }
}
