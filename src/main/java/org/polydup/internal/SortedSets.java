package org.polydup.internal;

import java.util.Arrays;

/** Set arithmetic on sorted arrays of distinct values. Not public API. */
public final class SortedSets {
  private SortedSets() {}

  /** Size of the intersection of two sorted arrays of distinct values, in linear time. */
  public static int intersectionSize(long[] x, long[] y) {
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < x.length && j < y.length) {
      if (x[i] < y[j]) {
        i++;
      } else if (x[i] > y[j]) {
        j++;
      } else {
        n++;
        i++;
        j++;
      }
    }
    return n;
  }

  /**
   * The distinct values among the first {@code count} of {@code values}, sorted (sorts in place).
   */
  public static long[] sortedDistinct(long[] values, int count) {
    Arrays.sort(values, 0, count);
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (n == 0 || values[i] != values[n - 1]) {
        values[n++] = values[i];
      }
    }
    return Arrays.copyOf(values, n);
  }

  /**
   * The distinct values among the first {@code count} of {@code values}, sorted (sorts in place).
   */
  public static int[] sortedDistinct(int[] values, int count) {
    Arrays.sort(values, 0, count);
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (n == 0 || values[i] != values[n - 1]) {
        values[n++] = values[i];
      }
    }
    return n == values.length ? values : Arrays.copyOf(values, n);
  }
}
