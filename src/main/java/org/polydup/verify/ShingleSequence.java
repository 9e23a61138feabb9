package org.polydup.verify;

import java.util.Arrays;
import org.polydup.internal.HashSort;
import org.polydup.text.AnalyzedText;
import org.polydup.text.ShingleSpans;

/**
 * The compact form of one analysed document that verification needs: its shingle hashes in text
 * order with their character spans, and the same hashes sorted and distinct for set arithmetic.
 * Immutable.
 *
 * <p>This is kept for every document of a scan instead of the analysed text itself, whose token
 * strings would cost several times more; it holds everything needed to compute exact overlaps and
 * to point at the shared passages in the raw text. The hashes in text order are not kept: each
 * position keeps the index of its hash among the distinct ones, which gives the hash and is what
 * verification compares anyway. That saves 8 bytes a position (about a third of the sequence, 270
 * MB on the bulk corpus), memory the garbage collector no longer copies as a scan's live set grows.
 */
public final class ShingleSequence {
  private final int[] starts;

  /**
   * Each shingle's length in chars (its end less its start) where every length fits in 16 bits, as
   * in any text but a freak one (a shingle spans a few words); {@code null} otherwise, and {@link
   * #wideEnds} holds the ends. Two bytes a position instead of four: the sequences are most of a
   * scan's live set (bulk: about 4 KB a document), and a page of it costs a fault the first time.
   */
  private final char[] lengths;

  /** The ends themselves, only where some length does not fit {@link #lengths}. */
  private final int[] wideEnds;

  private final long[] distinct;
  private final int[] firstPosition;
  private final int[] distinctIndex;
  private final String text;

  /**
   * @param positional shingle hashes in text order (repeats allowed); read, not kept
   * @param starts character offset where each shingle starts in the raw text; same length
   * @param ends character offset where each shingle ends in the raw text; same length
   * @param text the raw text the offsets point into (referenced, not copied)
   * @throws IllegalArgumentException when the arrays differ in length
   */
  public ShingleSequence(String text, long[] positional, int[] starts, int[] ends) {
    if (positional.length != starts.length || positional.length != ends.length) {
      throw new IllegalArgumentException(
          "positional, starts and ends must have one length, got "
              + positional.length
              + ", "
              + starts.length
              + ", "
              + ends.length);
    }
    this.starts = starts;
    this.lengths = lengthsIfNarrow(starts, ends);
    this.wideEnds = lengths == null ? ends : null;
    this.text = text;
    int n = positional.length;
    // Number the distinct hashes in order of first occurrence with an open-addressing table (the
    // hashes are uniform 64-bit values, so their bits index it directly), sort only the distinct
    // hashes, then renumber by rank: linear in the positions plus one sort of the distinct values,
    // half the CPU samples of sorting (hash, position) pairs together. The sort is a bucket sort
    // by the top bits (the hashes are uniform), not a comparison sort.
    int mask = Integer.highestOneBit(Math.max(1, 2 * n)) * 2 - 1;
    int[] slots = new int[mask + 1]; // first-occurrence number + 1, 0 when empty
    long[] inFirstOrder = new long[n];
    int[] first = new int[n];
    int[] numbers = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      long h = positional[i];
      int slot = slotOf(h, mask);
      for (int e = slots[slot]; e != 0; e = slots[slot]) {
        if (inFirstOrder[e - 1] == h) {
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (slots[slot] == 0) {
        inFirstOrder[m] = h;
        first[m] = i;
        slots[slot] = ++m;
      }
      numbers[i] = slots[slot] - 1;
    }
    long[] sorted = HashSort.sortedCopy(inFirstOrder, m);
    int[] rank = new int[m];
    int[] firstOfRank = new int[m];
    for (int r = 0; r < m; r++) {
      long h = sorted[r];
      int slot = slotOf(h, mask);
      while (inFirstOrder[slots[slot] - 1] != h) {
        slot = (slot + 1) & mask;
      }
      int number = slots[slot] - 1;
      rank[number] = r;
      firstOfRank[r] = first[number];
    }
    for (int i = 0; i < n; i++) {
      numbers[i] = rank[numbers[i]];
    }
    this.distinct = sorted;
    this.firstPosition = firstOfRank;
    this.distinctIndex = numbers;
  }

  /** {@code ends[i] - starts[i]} for every position, or {@code null} when one is not a char. */
  private static char[] lengthsIfNarrow(int[] starts, int[] ends) {
    char[] lengths = new char[starts.length];
    for (int i = 0; i < starts.length; i++) {
      int length = ends[i] - starts[i];
      if (length < 0 || length > Character.MAX_VALUE) {
        return null;
      }
      lengths[i] = (char) length;
    }
    return lengths;
  }

  private static int slotOf(long hash, int mask) {
    return (int) (hash ^ (hash >>> 32)) & mask;
  }

  /**
   * Index into {@link #distinct()} of the shingle at position {@code i}: lets verification map
   * positions through arrays instead of hashing.
   */
  public int distinctIndexAt(int i) {
    return distinctIndex[i];
  }

  /** The first position in text order of the {@code d}-th distinct shingle. */
  public int firstPositionOfDistinct(int d) {
    return firstPosition[d];
  }

  /** The sequence of an analysed text: its shingles in order, with their character spans. */
  public static ShingleSequence of(AnalyzedText analyzed) {
    int count = analyzed.shingleCount();
    int[] starts = new int[count];
    int[] ends = new int[count];
    for (int j = 0; j < count; j++) {
      starts[j] = analyzed.shingleStart(j);
      ends[j] = analyzed.shingleEnd(j);
    }
    return new ShingleSequence(analyzed.text(), analyzed.shingles().clone(), starts, ends);
  }

  /**
   * The sequence of a text's shingle spans, the fast path of a scan ({@link
   * org.polydup.text.TextAnalyzer#shingle}); the same sequence as {@link #of(AnalyzedText)} gives
   * for the same text. Takes over the spans' arrays.
   */
  public static ShingleSequence of(ShingleSpans spans) {
    return new ShingleSequence(spans.text(), spans.hashes(), spans.starts(), spans.ends());
  }

  /** Number of shingle positions. */
  public int length() {
    return distinctIndex.length;
  }

  /** Shingle hash at position {@code i}. */
  public long hashAt(int i) {
    return distinct[distinctIndex[i]];
  }

  /** Character offset where the shingle at position {@code i} starts. */
  public int startAt(int i) {
    return starts[i];
  }

  /** Character offset where the shingle at position {@code i} ends. */
  public int endAt(int i) {
    return lengths != null ? starts[i] + lengths[i] : wideEnds[i];
  }

  /** Sorted distinct shingle hashes; do not modify. */
  public long[] distinct() {
    return distinct;
  }

  /** The shingle hashes in text order (repeats kept), in a new array on every call. */
  public long[] positional() {
    long[] positional = new long[distinctIndex.length];
    for (int i = 0; i < positional.length; i++) {
      positional[i] = distinct[distinctIndex[i]];
    }
    return positional;
  }

  /** {@link #distinctIndexAt} of every position, in text order; do not modify. */
  int[] distinctIndices() {
    return distinctIndex;
  }

  /**
   * Whether {@code other} has the same shingles in the same order: the same words after
   * normalisation, wherever their characters differ (spacing, case, markup).
   */
  public boolean sameShinglesAs(ShingleSequence other) {
    return Arrays.equals(distinct, other.distinct)
        && Arrays.equals(distinctIndex, other.distinctIndex);
  }

  /** The raw text. */
  public String text() {
    return text;
  }

  /** Length of the raw text in chars. */
  public int textLength() {
    return text.length();
  }

  /** Approximate heap footprint in bytes, for memory reports. */
  public long estimatedBytes() {
    long endBytes = lengths != null ? 2L * lengths.length : 4L * wideEnds.length;
    return 16L
        + 24L * 5
        + 4L * distinctIndex.length
        + 12L * distinct.length
        + 4L * starts.length
        + endBytes;
  }
}
