package org.polydup.internal;

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
}
