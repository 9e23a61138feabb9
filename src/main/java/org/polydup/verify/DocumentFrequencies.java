package org.polydup.verify;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
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
 * <p>Thread-safe: documents may be added from several threads with {@link #addDocument}, whose
 * increments are atomic. A batch that has every document at hand counts them with {@link
 * #addDocuments} instead: each thread owns a range of cells and increments them plainly, because an
 * atomic increment of a cell that is not in cache stalls the core until memory answers, while plain
 * ones let it wait for several cells at once (bulk, 17M distinct shingles a row: 0.72 s of one
 * thread with atomic increments, see the commit that added it for the batch's time). The counts are
 * sums, so both give the same sketch.
 */
public final class DocumentFrequencies implements ShingleRarity {
  private static final long SECOND_SEED = 0x9E3779B97F4A7C15L;

  private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(int[].class);

  /**
   * Cells held back by {@link #addDocumentFromOneThread} before they are incremented: enough that
   * each of the {@link #PARTITIONS} ranges they are sorted into gets a few thousand, so its
   * increments hit a range of the counters that stays in cache.
   */
  private static final int PENDING_CAPACITY = 1 << 20;

  /**
   * Ranges of the two rows' cells (taken as one array) that held-back increments are sorted into:
   * on the largest sketch (2 x 2^26 cells of 4 bytes) a range is 1 MB, on bulk's (2 x 2^25) 512 KB.
   */
  private static final int PARTITIONS = 512;

  private final int[] first;
  private final int[] second;
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
    this.first = new int[width];
    this.second = new int[width];
    this.mask = width - 1;
    this.commonAbove = commonAbove;
  }

  /** Counts one document given its sorted distinct shingle hashes. */
  public void addDocument(long[] distinctShingles) {
    for (long h : distinctShingles) {
      CELLS.getAndAdd(first, index(h), 1);
      CELLS.getAndAdd(second, index(secondHash(h)), 1);
    }
  }

  /**
   * Uncounts a document counted by {@link #addDocument}, given the same shingles: the sketch's
   * cells are plain sums, so this restores them exactly, as if it had never been added.
   */
  public void removeDocument(long[] distinctShingles) {
    flushPending();
    for (long h : distinctShingles) {
      CELLS.getAndAdd(first, index(h), -1);
      CELLS.getAndAdd(second, index(secondHash(h)), -1);
    }
  }

  /**
   * Counts one document as {@link #addDocument} does, with plain increments: for a single thread
   * that counts every document, where an atomic increment of a cell not in cache would stall the
   * core until memory answers. No other thread may use the sketch until this one's counts are
   * published to it (by a join, or a task submitted afterwards).
   *
   * <p>The increments are held back and made in batches of about a million, sorted by range of
   * cells first (one counting-sort pass): made one by one, nearly every increment misses the cache
   * into counters of 2 x 128 MB on bulk, while sorted, a range of 512 KB takes a few thousand in a
   * row. Every other method makes the held-back increments before it reads or counts, so none of
   * them can tell the difference; the counts are sums, the same in any order.
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
          first[index(h)]++;
          second[index(secondHash(h))]++;
        }
        return;
      }
    }
    int width = mask + 1;
    int[] cells = pending;
    for (long h : distinctShingles) {
      cells[n++] = index(h);
      cells[n++] = width + index(secondHash(h));
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
        first[cell]++;
      } else {
        second[cell - width]++;
      }
    }
    pendingCount = 0;
  }

  /**
   * Counts a batch of documents, the same as {@link #addDocument} for each, split over the threads
   * of the fork-join pool this is called from (else the common pool) by ranges of cells. Must not
   * run concurrently with any other method of this sketch.
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
                  int cell = index(h);
                  if (Integer.compareUnsigned(cell - from, size) < 0) {
                    first[cell]++;
                  }
                  cell = index(secondHash(h));
                  if (Integer.compareUnsigned(cell - from, size) < 0) {
                    second[cell]++;
                  }
                }
              }
            });
  }

  /** Estimated number of documents containing the shingle (never below the true count). */
  public int count(long shingleHash) {
    publishPending();
    return Math.min(
        (int) CELLS.getVolatile(first, index(shingleHash)),
        (int) CELLS.getVolatile(second, index(secondHash(shingleHash))));
  }

  @Override
  public boolean isCommon(long shingleHash) {
    publishPending();
    // min(a, b) > c exactly when both are: most shingles are rare, so the first row alone usually
    // settles it and the second random read into the sketch (a cache miss) is skipped.
    return (int) CELLS.getVolatile(first, index(shingleHash)) > commonAbove
        && (int) CELLS.getVolatile(second, index(secondHash(shingleHash))) > commonAbove;
  }

  /**
   * A frozen copy of the verdicts for the given documents' shingles: once a corpus is counted, the
   * common shingles are few (boilerplate), and a hash set of them answers {@link
   * ShingleRarity#isCommon} far faster than two random reads of the sketch per shingle.
   *
   * @param distinctShingleSets the sorted distinct shingles of every counted document
   */
  public ShingleRarity freeze(Iterable<long[]> distinctShingleSets) {
    publishPending();
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
    publishPending();
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

  /**
   * As {@link #freezeInParallel(List)} over the sequences' distinct shingles, also filling {@code
   * positions} with each sequence's {@link BoilerplatePositions} under the frozen verdicts. One
   * lookup into the sketch per distinct shingle gives both: the positions follow from the verdicts
   * by each position's distinct index, without a probe of the frozen set per position. Runs on the
   * fork-join pool this is called from (else the common pool); must not run concurrently with
   * {@link #addDocument} or the other counting methods.
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
    // The verdicts of every cell as two bitsets (4 MB each for the largest sketch, 2^26 cells a row
    // in 2 x 256 MB of counters): the lookups below, one or two per distinct shingle of every
    // document, then hit a cache-sized array instead of missing into the counters each time.
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
                if (isSet(firstOver, index(h)) && isSet(secondOver, index(secondHash(h)))) {
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
    return frozen(common);
  }

  /** One bit per cell of {@code row}: whether its count is above {@code commonAbove}. */
  private long[] cellsOver(int[] row) {
    long[] bits = new long[(row.length + 63) >>> 6];
    IntStream.range(0, bits.length)
        .parallel()
        .forEach(
            w -> {
              long word = 0;
              int base = w << 6;
              int end = Math.min(row.length, base + 64);
              for (int c = base; c < end; c++) {
                // Plain reads: called only once counting is over, as freezing requires.
                word |= (row[c] > commonAbove ? 1L : 0L) << (c - base);
              }
              bits[w] = word;
            });
    return bits;
  }

  private static boolean isSet(long[] bits, int cell) {
    return (bits[cell >>> 6] & (1L << cell)) != 0;
  }

  private static ShingleRarity frozen(LongOpenHashSet common) {
    common.trim();
    return common.isEmpty() ? ShingleRarity.NONE : common::contains;
  }

  /** Heap used by the counters, in bytes. */
  public long estimatedBytes() {
    return 8L * (mask + 1);
  }

  private static long secondHash(long h) {
    return Mixing.splitMix64(h ^ SECOND_SEED);
  }

  private int index(long h) {
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
