package org.polydup.sketch;

import java.util.Arrays;

/**
 * Counts distinct 64-bit values exactly with an open-addressing table that is reused between calls
 * (one per thread). Values must already be well mixed. Not thread-safe; not public API.
 */
final class DistinctCounter {
  private static final int MIN_CAPACITY = 64;

  private long[] table = new long[MIN_CAPACITY];
  private int mask;
  private int count;
  private boolean zeroSeen;

  /**
   * Prepares for up to {@code expectedValues} adds, keeping the load factor at most 1/4: most adds
   * then probe one slot, which keeps the branch predictable.
   */
  void reset(int expectedValues) {
    int capacity = Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, expectedValues)) << 3);
    if (table.length < capacity) {
      table = new long[capacity];
    } else {
      // A table grown by an earlier, longer document is reused; only its first part is cleared.
      Arrays.fill(table, 0, capacity, 0L);
    }
    mask = capacity - 1;
    count = 0;
    zeroSeen = false;
  }

  /** Adds a value (zero allowed); the table never fills because reset sized it. */
  void add(long value) {
    if (value == 0) {
      if (!zeroSeen) {
        zeroSeen = true;
        count++;
      }
      return;
    }
    final long[] slots = table;
    int index = (int) value & mask;
    while (true) {
      long current = slots[index];
      if (current == value) {
        return;
      }
      if (current == 0) {
        slots[index] = value;
        count++;
        return;
      }
      index = (index + 1) & mask;
    }
  }

  /** Number of distinct values added since the last reset. */
  int count() {
    return count;
  }
}
