package org.polydup.align;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polydup.Relation;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.pairwise.Aligner;
import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.align.pairwise.AlignmentThresholds;

/**
 * A translation of one version of a story is a translation of its other versions ({@link
 * Versions}): for each translation pair, the other side is aligned with each copy of this side's
 * version (at most {@value TriangleClosing#MAXIMUM_CLOSING_DEGREE} copies) and that pair taken on
 * the bar of triangle closing ({@link TriangleClosing}): half the translation coverage and weight,
 * and the aligner's length-ratio check. The versions compete for one margin; the winner carries the
 * others.
 */
final class VersionSharing {
  private VersionSharing() {}

  /**
   * Shares each translation of {@code batch} with the copies of its version.
   *
   * @param versions each document's version ({@link Versions#of})
   */
  static void share(MatchBatch batch, int[] versions) {
    EntityProfile[] profiles = batch.profiles;
    PairMap<AlignmentResult> aligned = batch.aligned;
    Map<Integer, List<Integer>> copies = new HashMap<>();
    for (int i = 0; i < versions.length; i++) {
      if (versions[i] != i) {
        int version = versions[i];
        copies.computeIfAbsent(version, k -> new ArrayList<>(List.of(version))).add(i);
      }
    }
    if (copies.isEmpty()) {
      return;
    }
    LongOpenHashSet sharing = new LongOpenHashSet();
    for (Map.Entry<Long, AlignmentResult> entry : aligned.entrySet()) {
      AlignmentResult result = entry.getValue();
      if (!result.crossLanguage() || result.relation() != Relation.TRANSLATION) {
        continue;
      }
      int low = (int) (entry.getKey() >>> 32);
      int high = (int) (long) entry.getKey();
      for (int[] side : new int[][] {{low, high}, {high, low}}) {
        List<Integer> group = copies.get(versions[side[1]]);
        if (group == null || group.size() > TriangleClosing.MAXIMUM_CLOSING_DEGREE) {
          continue;
        }
        for (int copy : group) {
          if (copy != side[1]
              && !batch.settled.settled(Math.min(side[0], copy), Math.max(side[0], copy))) {
            sharing.add(MatchBatch.pairKey(Math.min(side[0], copy), Math.max(side[0], copy)));
          }
        }
      }
    }
    long[] pairs = sharing.toLongArray();
    // Sorted: which pairs are aligned must not depend on the map's iteration order.
    Arrays.sort(pairs);
    AlignmentThresholds full = batch.thresholds;
    Arrays.stream(pairs)
        .parallel()
        .forEach(
            key -> {
              int low = (int) (key >>> 32);
              int high = (int) key;
              AlignmentResult result = aligned.computeIfAbsent(key, k -> batch.align(low, high));
              if (TriangleClosing.meetsClosingBar(full, result)
                  && Aligner.lengthRatio(profiles[low], profiles[high])
                      <= full.maximumLengthRatio()) {
                aligned.put(key, batch.asTranslation(low, high, result));
              }
            });
  }
}
