package org.polydup.verify;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

/**
 * Document frequency of shingles for a batch that counts every document once and then only reads:
 * the count-min sketch of {@link DocumentFrequencies} (the same cells, so the same verdicts), with
 * counters that stop at {@code commonAbove + 1}.
 *
 * <p>Why they stop: a batch asks one question of a count, whether it is above {@code commonAbove},
 * and never uncounts a document, so a counter need not go further. At the default threshold (50) a
 * counter then fits in a byte instead of an int: on the bulk corpus the two rows take 67 MB instead
 * of 268 MB. That is not only heap: on the project's virtual machines the first write to a page of
 * memory costs about 1.6-2 CPU seconds per GB even with huge pages (README, "Where the time goes"),
 * and a batch writes every counter. A threshold of 255 or more gets int counters.
 *
 * <p>Not for concurrent counting: one thread counts with {@link #addDocumentFromOneThread}, or the
 * threads of one fork-join call with {@link #addDocuments}, and reading starts once that is over (a
 * join or a task submitted afterwards publishes the counts).
 */
public final class BatchDocumentFrequencies implements ShingleRarity {
  /**
   * Cells held back by {@link #addDocumentFromOneThread} before they are incremented: enough that
   * each of the {@link #PARTITIONS} ranges they are sorted into gets a few thousand, so its
   * increments hit a range of the counters that stays in cache.
   */
  private static final int PENDING_CAPACITY = 1 << 20;

  /**
   * Ranges of the two rows' cells (taken as one array) that held-back increments are sorted into:
   * on bulk's sketch (2 x 2^25 byte counters) a range is 128 KB.
   */
  private static final int PARTITIONS = 512;

  private final Row first;
  private final Row second;
  private final int mask;
  private final int commonAbove;

  /** Held-back cells: a first-row cell as itself, a second-row cell plus the row width. */
  private int[] pending;

  private int[] sortedPending;

  /**
   * How many of {@link #pending} wait to be incremented. Volatile: a reader on another thread that
   * sees none waiting, written after the flush's increments, also sees those increments.
   */
  private volatile int pendingCount;

  /**
   * @param expectedDistinctShingles sizing hint, {@code >= 1}; memory is about 2 bytes per unit (8
   *     when {@code commonAbove >= 255}), rounded up to a power of two, capped at 2^26 cells per
   *     row
   * @param commonAbove a shingle seen in more than this many documents is common, {@code >= 1}
   */
  public BatchDocumentFrequencies(long expectedDistinctShingles, int commonAbove) {
    int width = CountMinCells.width(expectedDistinctShingles);
    if (commonAbove < 1) {
      throw new IllegalArgumentException("commonAbove must be >= 1, got " + commonAbove);
    }
    long cap = commonAbove + 1L; // a long: Integer.MAX_VALUE is a valid threshold
    this.first = Row.of(width, cap);
    this.second = Row.of(width, cap);
    this.mask = width - 1;
    this.commonAbove = commonAbove;
  }

  /**
   * Counts one document given its sorted distinct shingle hashes, from the one thread that counts.
   *
   * <p>The increments are held back and made in batches of about a million, sorted by range of
   * cells first (one counting-sort pass): made one by one, nearly every increment misses the cache,
   * while sorted, a range of 128 KB takes a few thousand in a row. Every other method makes the
   * held-back increments before it reads or counts, so none of them can tell the difference; the
   * counts are sums, the same in any order.
   *
   * @param distinctShingles the document's sorted distinct shingle hashes; not modified
   */
  public void addDocumentFromOneThread(long[] distinctShingles) {
    int n = pendingCount;
    if (pending == null) {
      pending = new int[PENDING_CAPACITY];
    }
    if (n + 2 * distinctShingles.length > pending.length) {
      flushPending();
      n = 0;
      if (2 * distinctShingles.length > pending.length) {
        for (long h : distinctShingles) {
          first.increment(CountMinCells.first(h, mask));
          second.increment(CountMinCells.second(h, mask));
        }
        return;
      }
    }
    int width = mask + 1;
    int[] cells = pending;
    for (long h : distinctShingles) {
      cells[n++] = CountMinCells.first(h, mask);
      cells[n++] = width + CountMinCells.second(h, mask);
    }
    pendingCount = n;
  }

  /** Makes the held-back increments, if any; see {@link #addDocumentFromOneThread}. */
  private void publishPending() {
    if (pendingCount != 0) {
      flushPending();
    }
  }

  /**
   * Increments the held-back cells, sorted by range (a counting sort on the top bits of the cell
   * taken across both rows) so that each range's increments come together.
   */
  private synchronized void flushPending() {
    int n = pendingCount;
    if (n == 0) {
      return;
    }
    int width = mask + 1;
    int cellBits = Integer.numberOfTrailingZeros(width) + 1; // both rows: 2 x width cells
    int shift = Math.max(0, cellBits - Integer.numberOfTrailingZeros(PARTITIONS));
    int[] cells = pending;
    int[] start = new int[PARTITIONS + 1];
    for (int k = 0; k < n; k++) {
      start[(cells[k] >>> shift) + 1]++;
    }
    for (int p = 0; p < PARTITIONS; p++) {
      start[p + 1] += start[p];
    }
    if (sortedPending == null) {
      sortedPending = new int[PENDING_CAPACITY];
    }
    int[] sorted = sortedPending;
    for (int k = 0; k < n; k++) {
      int cell = cells[k];
      sorted[start[cell >>> shift]++] = cell;
    }
    // The first row's ranges come first: the row test is taken one way, then the other.
    for (int k = 0; k < n; k++) {
      int cell = sorted[k];
      if (cell < width) {
        first.increment(cell);
      } else {
        second.increment(cell - width);
      }
    }
    pendingCount = 0;
  }

  /**
   * Counts a batch of documents, the same as {@link #addDocumentFromOneThread} for each, split over
   * the threads of the fork-join pool this is called from (else the common pool) by ranges of
   * cells, so that no two threads write one counter. Must not run concurrently with any other
   * method of this sketch.
   *
   * @param distinctShingleSets each document's sorted distinct shingle hashes; not modified
   */
  public void addDocuments(List<long[]> distinctShingleSets) {
    publishPending();
    ForkJoinPool pool =
        ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
    int parts = Math.max(1, pool.getParallelism());
    int width = mask + 1;
    IntStream.range(0, parts)
        .parallel()
        .forEach(
            part -> {
              int from = (int) ((long) width * part / parts);
              int size = (int) ((long) width * (part + 1) / parts) - from;
              for (long[] set : distinctShingleSets) {
                for (long h : set) {
                  // One unsigned comparison tests from <= cell < from + size.
                  int cell = CountMinCells.first(h, mask);
                  if (Integer.compareUnsigned(cell - from, size) < 0) {
                    first.increment(cell);
                  }
                  cell = CountMinCells.second(h, mask);
                  if (Integer.compareUnsigned(cell - from, size) < 0) {
                    second.increment(cell);
                  }
                }
              }
            });
  }

  /**
   * Estimated number of documents containing the shingle, capped at {@code commonAbove + 1}: never
   * below the smaller of the true count and that cap.
   */
  public int count(long shingleHash) {
    publishPending();
    // No cap to apply here: a row's counters never go past it (Row.of).
    return Math.min(
        first.count(CountMinCells.first(shingleHash, mask)),
        second.count(CountMinCells.second(shingleHash, mask)));
  }

  @Override
  public boolean isCommon(long shingleHash) {
    publishPending();
    // min(a, b) > c exactly when both are: most shingles are rare, so the first row alone usually
    // settles it and the second random read into the sketch (a cache miss) is skipped.
    return first.count(CountMinCells.first(shingleHash, mask)) > commonAbove
        && second.count(CountMinCells.second(shingleHash, mask)) > commonAbove;
  }

  /**
   * A frozen copy of the verdicts for the given documents' shingles, filling {@code positions} with
   * each sequence's {@link BoilerplatePositions} under them. Once a corpus is counted, the common
   * shingles are few (boilerplate), and a hash set of them answers {@link ShingleRarity#isCommon}
   * far faster than two random reads of the sketch per shingle. One lookup into the sketch per
   * distinct shingle gives both: the positions follow from the verdicts by each position's distinct
   * index, without a probe of the frozen set per position. Runs on the fork-join pool this is
   * called from (else the common pool); must not run concurrently with the counting methods.
   *
   * @param sequences the counted documents; null entries are skipped and get no positions
   * @param positions receives the positions of {@code sequences[i]} at {@code i}; same length
   * @throws IllegalArgumentException when the arrays differ in length
   */
  public ShingleRarity freezeInParallel(
      ShingleSequence[] sequences, BoilerplatePositions[] positions) {
    if (sequences.length != positions.length) {
      throw new IllegalArgumentException(
          "sequences and positions must have one length, got "
              + sequences.length
              + " and "
              + positions.length);
    }
    publishPending();
    // The verdicts of every cell as two bitsets (4 MB each for the largest sketch, 2^26 cells a
    // row): the lookups below, one or two per distinct shingle of every document, then hit a
    // cache-sized array instead of missing into the counters each time.
    long[] firstOver = cellsOver(first);
    long[] secondOver = cellsOver(second);
    long[][] commonBySet = new long[sequences.length][];
    IntStream.range(0, sequences.length)
        .parallel()
        .forEach(
            d -> {
              ShingleSequence sequence = sequences[d];
              if (sequence == null) {
                return;
              }
              long[] distinct = sequence.distinct();
              boolean[] commonDistinct = null;
              int found = 0;
              for (int k = 0; k < distinct.length; k++) {
                long h = distinct[k];
                // As isCommon(h): both cells over the threshold.
                if (isSet(firstOver, CountMinCells.first(h, mask))
                    && isSet(secondOver, CountMinCells.second(h, mask))) {
                  if (commonDistinct == null) {
                    commonDistinct = new boolean[distinct.length];
                  }
                  commonDistinct[k] = true;
                  found++;
                }
              }
              // Collected from the flags once their number is known: a widely syndicated story
              // has thousands of common shingles, and a growing list copied itself over and over.
              long[] common = null;
              if (found > 0) {
                common = new long[found];
                int next = 0;
                for (int k = 0; k < distinct.length; k++) {
                  if (commonDistinct[k]) {
                    common[next++] = distinct[k];
                  }
                }
              }
              commonBySet[d] = common;
              positions[d] = BoilerplatePositions.of(sequence, commonDistinct);
            });
    LongOpenHashSet common = new LongOpenHashSet();
    for (long[] found : commonBySet) {
      if (found != null) {
        common.addAll(LongArrayList.wrap(found));
      }
    }
    common.trim();
    return common.isEmpty() ? ShingleRarity.NONE : common::contains;
  }

  /** One bit per cell of {@code row}: whether its count is above {@code commonAbove}. */
  private long[] cellsOver(Row row) {
    int width = mask + 1;
    long[] bits = new long[(width + 63) >>> 6];
    IntStream.range(0, bits.length)
        .parallel()
        .forEach(
            w -> {
              long word = 0;
              int base = w << 6;
              int end = Math.min(width, base + 64);
              for (int c = base; c < end; c++) {
                word |= (row.count(c) > commonAbove ? 1L : 0L) << (c - base);
              }
              bits[w] = word;
            });
    return bits;
  }

  private static boolean isSet(long[] bits, int cell) {
    return (bits[cell >>> 6] & (1L << cell)) != 0;
  }

  /** Heap used by the counters, in bytes. */
  public long estimatedBytes() {
    return first.bytes() + second.bytes();
  }

  /**
   * One row of counters, each stopping at a cap. Plain reads and writes: the class comment says
   * when they are published.
   */
  private abstract static class Row {
    /** Byte counters for caps up to 255, else int counters (which stop at Integer.MAX_VALUE). */
    static Row of(int width, long cap) {
      return cap <= 255
          ? new ByteRow(width, (int) cap)
          : new IntRow(width, (int) Math.min(cap, Integer.MAX_VALUE));
    }

    abstract void increment(int cell);

    abstract int count(int cell);

    abstract long bytes();
  }

  /** Counters of one unsigned byte each, for caps up to 255. */
  private static final class ByteRow extends Row {
    private final byte[] cells;
    private final int cap;

    ByteRow(int width, int cap) {
      this.cells = new byte[width];
      this.cap = cap;
    }

    @Override
    void increment(int cell) {
      int value = cells[cell] & 0xFF;
      if (value < cap) {
        cells[cell] = (byte) (value + 1);
      }
    }

    @Override
    int count(int cell) {
      return cells[cell] & 0xFF;
    }

    @Override
    long bytes() {
      return cells.length;
    }
  }

  /** Counters of one int each, for the larger caps. */
  private static final class IntRow extends Row {
    private final int[] cells;
    private final int cap;

    IntRow(int width, int cap) {
      this.cells = new int[width];
      this.cap = cap;
    }

    @Override
    void increment(int cell) {
      if (cells[cell] < cap) {
        cells[cell]++;
      }
    }

    @Override
    int count(int cell) {
      return cells[cell];
    }

    @Override
    long bytes() {
      return 4L * cells.length;
    }
  }
}
