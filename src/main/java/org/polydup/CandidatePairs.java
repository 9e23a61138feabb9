package org.polydup;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.polydup.index.ExactCopies;
import org.polydup.index.LshIndex;
import org.polydup.index.PassageCandidates;
import org.polydup.internal.SortedSets;

/**
 * The batch's pairs to verify, as sorted distinct {@link #pairKey}s: those the MinHash LSH index
 * and the passage index propose, searched over ranges of first ids on the pool, and the pairs of
 * exact copies that follow from them.
 */
final class CandidatePairs {
  /**
   * Passage candidates must share four winnowed fingerprints, or a quarter of what the smaller text
   * has (at least two) when it is short: one or two alone are a single 10-word phrase, which
   * unrelated news texts share often enough to swamp verification on large corpora, while every
   * copy worth reporting (a story, a truncation, a digest's quoted lead) spans many. Measured on
   * 20k bulk documents: 42.8k candidates at two, 17.2k at four, same syndication F1.
   */
  static final int MINIMUM_SHARED_FINGERPRINTS = 4;

  /**
   * Id ranges the candidate search is split into: enough that ranges of early ids (which pair with
   * more later ids) do not leave a thread idle, few enough that per-range set-up is negligible.
   */
  private static final int CANDIDATE_RANGES = 256;

  private CandidatePairs() {}

  /**
   * The candidate pairs of both indexes as sorted distinct {@link #pairKey}s. The all-pairs work is
   * split into ranges of first ids run on the pool; each range's keys are sorted and deduplicated
   * on their own, and as every key of a range is below every key of the next, concatenating them in
   * range order gives the same array on any number of threads.
   *
   * @param passageWindow the passage index's winnowing window, which sets how many fingerprints a
   *     short text has
   */
  static long[] search(
      ForkJoinPool pool,
      int n,
      LshIndex lsh,
      PassageCandidates passages,
      int[] shingleCounts,
      int passageWindow) {
    int ranges = Math.min(n, CANDIDATE_RANGES);
    long[][] keysByRange = new long[ranges][];
    ParallelIndices.forEach(
        pool,
        ranges,
        r -> {
          int from = (int) ((long) n * r / ranges);
          int to = (int) ((long) n * (r + 1) / ranges);
          LongArrayList keys = new LongArrayList();
          lsh.forEachCandidatePair(from, to, (x, y) -> keys.add(pairKey(x, y)));
          passages.forEachCandidatePair(
              from,
              to,
              (x, y, shared) -> {
                if (shared
                    >= requiredFingerprints(shingleCounts[x], shingleCounts[y], passageWindow)) {
                  keys.add(pairKey(x, y));
                }
              });
          long[] found = keys.toLongArray();
          keysByRange[r] = SortedSets.sortedDistinct(found, found.length);
        });
    int total = 0;
    for (long[] keys : keysByRange) {
      total += keys.length;
    }
    long[] candidates = new long[total];
    int offset = 0;
    for (long[] keys : keysByRange) {
      System.arraycopy(keys, 0, candidates, offset, keys.length);
      offset += keys.length;
    }
    return candidates;
  }

  /**
   * The pairs of copies to verify, as sorted distinct {@link #pairKey}s: each later copy of a text
   * with its first copy, and, for each candidate pair of first copies, every other pair of a copy
   * of the one and a copy of the other, each verified on its own: a verdict can differ between
   * copies (the pair's orientation falls to the ids when two texts have as many shingles, and the
   * excerpt rules read each copy's own lines), so one copy's is not reused for another. Two later
   * copies of one text are not paired (see {@link ExactCopies}).
   */
  static long[] copyPairs(int[] firstCopies, long[] candidates) {
    int[][] later = ExactCopies.laterCopies(firstCopies);
    LongArrayList keys = new LongArrayList();
    for (int first = 0; first < later.length; first++) {
      if (later[first] != null) {
        for (int copy : later[first]) {
          keys.add(pairKey(first, copy));
        }
      }
    }
    for (int p = 0; p < candidates.length; p++) {
      int x = (int) (candidates[p] >>> 32);
      int y = (int) candidates[p];
      if (later[x] == null && later[y] == null) {
        continue;
      }
      int[] copiesOfX = withFirst(x, later[x]);
      int[] copiesOfY = withFirst(y, later[y]);
      for (int u : copiesOfX) {
        for (int v : copiesOfY) {
          if (u != x || v != y) {
            keys.add(pairKey(u, v));
          }
        }
      }
    }
    long[] found = keys.toLongArray();
    return SortedSets.sortedDistinct(found, found.length);
  }

  /** {@code a} followed by {@code b}. */
  static long[] concatenated(long[] a, long[] b) {
    long[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** {@code first} followed by its later copies, if any. */
  private static int[] withFirst(int first, int[] later) {
    if (later == null) {
      return new int[] {first};
    }
    int[] all = new int[later.length + 1];
    all[0] = first;
    System.arraycopy(later, 0, all, 1, later.length);
    return all;
  }

  private static int requiredFingerprints(int shinglesX, int shinglesY, int passageWindow) {
    int smaller = Math.min(shinglesX, shinglesY);
    double expected = 2.0 * smaller / (passageWindow + 1);
    return Math.min(MINIMUM_SHARED_FINGERPRINTS, Math.max(2, (int) Math.ceil(expected / 4)));
  }

  /** The pair {@code x, y} in either order as one key: the lower index in the high half. */
  static long pairKey(int x, int y) {
    int lo = Math.min(x, y);
    int hi = Math.max(x, y);
    return ((long) lo << 32) | (hi & 0xFFFFFFFFL);
  }
}
