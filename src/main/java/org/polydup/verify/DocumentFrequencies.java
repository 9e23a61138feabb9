package org.polydup.verify;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.polydup.internal.Mixing;

/**
 * Approximate document frequency of shingles, in fixed memory: a count-min sketch (Cormode and
 * Muthukrishnan, "An improved data stream summary: the count-min sketch and its applications", J.
 * Algorithms 2005) of depth 2 over the distinct shingles of each document.
 *
 * <p>Why approximate: an exact map of every distinct shingle of 100k documents costs hundreds of
 * megabytes, while the only question asked is "is this shingle in more than N documents?". A
 * count-min sketch never under-counts, so a rare shingle can only be mistaken for a common one when
 * both of its cells collide with heavy shingles; with a width of at least the number of distinct
 * shingles that is rare, and the effect is to ignore a little evidence, never to invent it.
 *
 * <p>Thread-safe: documents may be added from several threads.
 */
public final class DocumentFrequencies implements ShingleRarity {
  private static final long SECOND_SEED = 0x9E3779B97F4A7C15L;

  private final AtomicIntegerArray first;
  private final AtomicIntegerArray second;
  private final int mask;
  private final int commonAbove;

  /**
   * @param expectedDistinctShingles sizing hint, {@code >= 1}; memory is about 8 bytes per unit,
   *     rounded up to a power of two, capped at 2^26 cells per row
   * @param commonAbove a shingle seen in more than this many documents is common, {@code >= 1}
   */
  public DocumentFrequencies(long expectedDistinctShingles, int commonAbove) {
    if (expectedDistinctShingles < 1) {
      throw new IllegalArgumentException(
          "expectedDistinctShingles must be >= 1, got " + expectedDistinctShingles);
    }
    if (commonAbove < 1) {
      throw new IllegalArgumentException("commonAbove must be >= 1, got " + commonAbove);
    }
    int width =
        Integer.highestOneBit((int) Math.min(1L << 26, Math.max(1024L, expectedDistinctShingles)));
    if (width < expectedDistinctShingles && width < (1 << 26)) {
      width <<= 1;
    }
    this.first = new AtomicIntegerArray(width);
    this.second = new AtomicIntegerArray(width);
    this.mask = width - 1;
    this.commonAbove = commonAbove;
  }

  /** Counts one document given its sorted distinct shingle hashes. */
  public void addDocument(long[] distinctShingles) {
    for (long h : distinctShingles) {
      first.incrementAndGet(index(h));
      second.incrementAndGet(index(Mixing.splitMix64(h ^ SECOND_SEED)));
    }
  }

  /** Estimated number of documents containing the shingle (never below the true count). */
  public int count(long shingleHash) {
    return Math.min(
        first.get(index(shingleHash)),
        second.get(index(Mixing.splitMix64(shingleHash ^ SECOND_SEED))));
  }

  @Override
  public boolean isCommon(long shingleHash) {
    // min(a, b) > c exactly when both are: most shingles are rare, so the first row alone usually
    // settles it and the second random read into the sketch (a cache miss) is skipped.
    return first.get(index(shingleHash)) > commonAbove
        && second.get(index(Mixing.splitMix64(shingleHash ^ SECOND_SEED))) > commonAbove;
  }

  /**
   * A frozen copy of the verdicts for the given documents' shingles: once a corpus is counted, the
   * common shingles are few (boilerplate), and a hash set of them answers {@link
   * ShingleRarity#isCommon} far faster than two random reads of the sketch per shingle.
   *
   * @param distinctShingleSets the sorted distinct shingles of every counted document
   */
  public ShingleRarity freeze(Iterable<long[]> distinctShingleSets) {
    LongOpenHashSet common = new LongOpenHashSet();
    for (long[] set : distinctShingleSets) {
      for (long h : set) {
        if (isCommon(h)) {
          common.add(h);
        }
      }
    }
    return frozen(common);
  }

  /**
   * As {@link #freeze(Iterable)}, looking the documents up in parallel on the fork-join pool this
   * is called from (else the common pool); the verdicts are the same. Must not run concurrently
   * with {@link #addDocument}.
   *
   * @param distinctShingleSets the sorted distinct shingles of every counted document
   */
  public ShingleRarity freezeInParallel(List<long[]> distinctShingleSets) {
    long[][] commonBySet = new long[distinctShingleSets.size()][];
    IntStream.range(0, commonBySet.length)
        .parallel()
        .forEach(
            d -> {
              LongArrayList found = new LongArrayList();
              for (long h : distinctShingleSets.get(d)) {
                if (isCommon(h)) {
                  found.add(h);
                }
              }
              commonBySet[d] = found.toLongArray();
            });
    LongOpenHashSet common = new LongOpenHashSet();
    for (long[] found : commonBySet) {
      common.addAll(LongArrayList.wrap(found));
    }
    return frozen(common);
  }

  private static ShingleRarity frozen(LongOpenHashSet common) {
    common.trim();
    return common.isEmpty() ? ShingleRarity.NONE : common::contains;
  }

  /** Heap used by the counters, in bytes. */
  public long estimatedBytes() {
    return 8L * (mask + 1);
  }

  private int index(long h) {
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
