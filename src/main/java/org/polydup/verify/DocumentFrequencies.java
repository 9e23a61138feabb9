package org.polydup.verify;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

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
 * <p>This is the sketch of an index that grows and shrinks: its counts are exact sums, so a
 * document can be uncounted. A batch that counts every document once and then only reads uses
 * {@link BatchDocumentFrequencies}, whose counters stop at the threshold and, for thresholds under
 * 255, take a quarter of the memory; the two place shingles in the same cells.
 *
 * <p>Thread-safe: documents may be added and removed from several threads, and their increments are
 * atomic.
 */
public final class DocumentFrequencies implements ShingleRarity {
  private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(int[].class);

  private final int[] first;
  private final int[] second;
  private final int mask;
  private final int commonAbove;

  /**
   * @param expectedDistinctShingles sizing hint, {@code >= 1}; memory is about 8 bytes per unit,
   *     rounded up to a power of two, capped at 2^26 cells per row
   * @param commonAbove a shingle seen in more than this many documents is common, {@code >= 1}
   */
  public DocumentFrequencies(long expectedDistinctShingles, int commonAbove) {
    int width = CountMinCells.width(expectedDistinctShingles);
    if (commonAbove < 1) {
      throw new IllegalArgumentException("commonAbove must be >= 1, got " + commonAbove);
    }
    this.first = new int[width];
    this.second = new int[width];
    this.mask = width - 1;
    this.commonAbove = commonAbove;
  }

  /** Counts one document given its sorted distinct shingle hashes. */
  public void addDocument(long[] distinctShingles) {
    for (long h : distinctShingles) {
      CELLS.getAndAdd(first, CountMinCells.first(h, mask), 1);
      CELLS.getAndAdd(second, CountMinCells.second(h, mask), 1);
    }
  }

  /**
   * Uncounts a document counted by {@link #addDocument}, given the same shingles: the sketch's
   * cells are plain sums, so this restores them exactly, as if it had never been added.
   */
  public void removeDocument(long[] distinctShingles) {
    for (long h : distinctShingles) {
      CELLS.getAndAdd(first, CountMinCells.first(h, mask), -1);
      CELLS.getAndAdd(second, CountMinCells.second(h, mask), -1);
    }
  }

  /** Estimated number of documents containing the shingle (never below the true count). */
  public int count(long shingleHash) {
    return Math.min(
        (int) CELLS.getVolatile(first, CountMinCells.first(shingleHash, mask)),
        (int) CELLS.getVolatile(second, CountMinCells.second(shingleHash, mask)));
  }

  @Override
  public boolean isCommon(long shingleHash) {
    // min(a, b) > c exactly when both are: most shingles are rare, so the first row alone usually
    // settles it and the second random read into the sketch (a cache miss) is skipped.
    return (int) CELLS.getVolatile(first, CountMinCells.first(shingleHash, mask)) > commonAbove
        && (int) CELLS.getVolatile(second, CountMinCells.second(shingleHash, mask)) > commonAbove;
  }

  /** Heap used by the counters, in bytes. */
  public long estimatedBytes() {
    return 8L * (mask + 1);
  }
}
