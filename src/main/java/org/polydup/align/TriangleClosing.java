package org.polydup.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polydup.Relation;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.align.pairwise.AlignmentThresholds;

/**
 * Cluster evidence: a story translated into several languages gives A~B and A~C; B~C is then
 * aligned (if it was not a candidate) and accepted as a translation on half the usual thresholds
 * ({@link #meetsClosingBar}).
 */
final class TriangleClosing {
  /**
   * Most translations a document may have for its pairs to be closed (and most copies a version may
   * have for {@link VersionSharing}): the pairs to close grow with its square.
   */
  static final int MAXIMUM_CLOSING_DEGREE = 16;

  private TriangleClosing() {}

  /** Closes the triangles of {@code batch}'s translation pairs. */
  static void close(MatchBatch batch) {
    EntityProfile[] profiles = batch.profiles;
    PairMap<AlignmentResult> aligned = batch.aligned;
    Map<Integer, List<Integer>> neighbours = new HashMap<>();
    for (Map.Entry<Long, AlignmentResult> entry : aligned.entrySet()) {
      if (entry.getValue().relation() == Relation.TRANSLATION) {
        int low = (int) (entry.getKey() >>> 32);
        int high = (int) (long) entry.getKey();
        neighbours.computeIfAbsent(low, k -> new ArrayList<>()).add(high);
        neighbours.computeIfAbsent(high, k -> new ArrayList<>()).add(low);
      }
    }
    List<long[]> closing = new ArrayList<>();
    for (List<Integer> linked : neighbours.values()) {
      if (linked.size() > MAXIMUM_CLOSING_DEGREE) {
        continue;
      }
      for (int x = 0; x < linked.size(); x++) {
        for (int y = x + 1; y < linked.size(); y++) {
          int low = Math.min(linked.get(x), linked.get(y));
          int high = Math.max(linked.get(x), linked.get(y));
          if (!profiles[low].language().equals(profiles[high].language())
              && !batch.settled.settled(low, high)) {
            closing.add(new long[] {low, high});
          }
        }
      }
    }
    closing.parallelStream()
        .forEach(
            pair -> {
              int low = (int) pair[0];
              int high = (int) pair[1];
              AlignmentResult result =
                  aligned.computeIfAbsent(
                      MatchBatch.pairKey(low, high), k -> batch.align(low, high));
              if (meetsClosingBar(batch.thresholds, result)) {
                aligned.put(MatchBatch.pairKey(low, high), batch.asTranslation(low, high, result));
              }
            });
  }

  /**
   * The bar of a pair that other evidence vouches for (a closed triangle, a copy of a translated
   * version): not yet a copy, with half the translation coverage and half its weight.
   */
  static boolean meetsClosingBar(AlignmentThresholds full, AlignmentResult result) {
    return !result.isCopy()
        && result.score() >= full.translationCoverage() / 2
        && result.matchedWeight() >= full.translationWeight() / 2;
  }
}
