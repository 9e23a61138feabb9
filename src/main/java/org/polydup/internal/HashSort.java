package org.polydup.internal;

import java.util.Arrays;

/**
 * Sorts 64-bit hash values (ascending, signed order, as {@link Arrays#sort(long[])}) in linear
 * expected time. Not public API.
 *
 * <p>Why: a document's distinct shingle hashes are sorted once per document for set arithmetic, and
 * a comparison sort of uniform random values mispredicts about one branch per comparison (60% of
 * building a shingle sequence in a bulk profile). Uniform values spread evenly over buckets chosen
 * by their top bits: one counting pass and one scatter put them in bucket order, which is nearly
 * sorted, and an insertion sort finishes with about one move per bucket. Any input is sorted
 * correctly; when the values are not spread (a bucket holds many of them), it falls back to {@link
 * Arrays#sort(long[])}.
 */
public final class HashSort {
  /** Below this many values a plain sort is as fast and needs no bucket array. */
  private static final int MINIMUM_LENGTH = 64;

  /** A bucket larger than this means the values are not uniform: the insertion sort would crawl. */
  private static final int MAXIMUM_BUCKET = 32;

  private HashSort() {}

  /**
   * The first {@code length} of {@code values}, sorted ascending in a new array.
   *
   * @param values any values; not modified
   * @param length how many to sort, in {@code [0, values.length]}
   * @return a new array of {@code length} values, the same as {@code Arrays.sort} of a copy gives
   * @throws IllegalArgumentException if {@code length} is out of range
   */
  public static long[] sortedCopy(long[] values, int length) {
    if (length < 0 || length > values.length) {
      throw new IllegalArgumentException(
          "length must be in [0, " + values.length + "], got " + length);
    }
    if (length < MINIMUM_LENGTH) {
      long[] sorted = Arrays.copyOf(values, length);
      Arrays.sort(sorted);
      return sorted;
    }
    int bits = 32 - Integer.numberOfLeadingZeros(length - 1);
    int buckets = 1 << bits;
    int shift = 64 - bits;
    int signBit = buckets >>> 1; // flipping the top bit makes bucket order the signed order
    int[] start = new int[buckets + 1];
    for (int i = 0; i < length; i++) {
      start[((int) (values[i] >>> shift) ^ signBit) + 1]++;
    }
    int largest = 0;
    for (int b = 0; b < buckets; b++) {
      largest = Math.max(largest, start[b + 1]);
      start[b + 1] += start[b];
    }
    if (largest > MAXIMUM_BUCKET) {
      long[] sorted = Arrays.copyOf(values, length);
      Arrays.sort(sorted);
      return sorted;
    }
    long[] sorted = new long[length];
    for (int i = 0; i < length; i++) {
      long v = values[i];
      sorted[start[(int) (v >>> shift) ^ signBit]++] = v;
    }
    for (int i = 1; i < length; i++) {
      long v = sorted[i];
      int j = i - 1;
      if (sorted[j] > v) {
        do {
          sorted[j + 1] = sorted[j];
          j--;
        } while (j >= 0 && sorted[j] > v);
        sorted[j + 1] = v;
      }
    }
    return sorted;
  }
}
