package org.polydup.verify;

import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.Arrays;
import org.polydup.text.AnalyzedText;
import org.polydup.text.ShingleSpans;

/**
 * The compact form of one analysed document that verification needs: its shingle hashes in text
 * order with their character spans, and the same hashes sorted and distinct for set arithmetic.
 * Immutable.
 *
 * <p>This is kept for every document of a scan (about 16 bytes per word) instead of the analysed
 * text itself, whose token strings would cost several times more; it holds everything needed to
 * compute exact overlaps and to point at the shared passages in the raw text.
 */
public final class ShingleSequence {
  private final long[] positional;
  private final int[] starts;
  private final int[] ends;
  private final long[] distinct;
  private final int[] firstPosition;
  private final int[] distinctIndex;
  private final String text;

  /**
   * @param positional shingle hashes in text order (repeats allowed); owned by this object
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
    this.positional = positional;
    this.starts = starts;
    this.ends = ends;
    this.text = text;
    // Sort (hash, position) pairs together: equal hashes end up adjacent with their positions
    // ascending, so the first of each run is the distinct hash and its first position.
    long[] hashes = positional.clone();
    long[] positions = new long[hashes.length];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = i;
    }
    LongArrays.radixSort(hashes, positions);
    int n = 0;
    int[] first = new int[hashes.length];
    this.distinctIndex = new int[hashes.length];
    for (int i = 0; i < hashes.length; i++) {
      if (i == 0 || hashes[i] != hashes[i - 1]) {
        hashes[n] = hashes[i];
        first[n++] = (int) positions[i];
      }
      distinctIndex[(int) positions[i]] = n - 1;
    }
    this.distinct = Arrays.copyOf(hashes, n);
    this.firstPosition = Arrays.copyOf(first, n);
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
    return positional.length;
  }

  /** Shingle hash at position {@code i}. */
  public long hashAt(int i) {
    return positional[i];
  }

  /** Character offset where the shingle at position {@code i} starts. */
  public int startAt(int i) {
    return starts[i];
  }

  /** Character offset where the shingle at position {@code i} ends. */
  public int endAt(int i) {
    return ends[i];
  }

  /** Sorted distinct shingle hashes; do not modify. */
  public long[] distinct() {
    return distinct;
  }

  /** Positional hashes; do not modify. */
  public long[] positional() {
    return positional;
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
    return 16L + 24L * 6 + 12L * positional.length + 12L * distinct.length + 8L * starts.length;
  }
}
