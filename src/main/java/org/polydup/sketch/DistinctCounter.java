package org.polydup.sketch;

import java.util.Arrays;

/**
 * Counts distinct 64-bit values exactly with an open-addressing table that is reused between calls
 * (one per thread). Values must already be well mixed. Not thread-safe; not public API.
 */
final class DistinctCounter {
  private static final int MIN_CAPACITY = 64;

  /**
   * Presizing stops at 2^22 slots (32 MB): enough for the longest documents the CLI reads (5
   * million characters, under a million shingles) without growing, while a larger count, which may
   * be mostly repeats, costs a few rehashes instead of gigabytes up front.
   */
  static final int MAX_PRESIZED_CAPACITY = 1 << 22;

  /** Slots a table keeps for the next document once a larger one is done: 512 KB. */
  static final int RETAINED_CAPACITY = 1 << 16;

  /** The largest power-of-two length a {@code long[]} can have. */
  static final int MAX_CAPACITY = 1 << 30;

  private long[] table = new long[MIN_CAPACITY];
  private int mask;
  private int count;
  private int stored;
  private int growAt;
  private boolean zeroSeen;

  /**
   * Prepares for about {@code expectedValues} adds, keeping the load factor at most 1/4 up to
   * {@link #MAX_PRESIZED_CAPACITY}: most adds then probe one slot, which keeps the branch
   * predictable. Past half full the table doubles, so any number of adds stays exact.
   */
  void reset(int expectedValues) {
    int capacity = presizedCapacity(expectedValues);
    if (table.length < capacity || table.length > Math.max(capacity, RETAINED_CAPACITY)) {
      // Grown, or shrunk back after a huge document: the counter lives as long as its thread (a
      // service's request threads, for months), and one 5,000,000-character story left 8 MB
      // with each thread that signed it.
      table = new long[capacity];
    } else {
      // A table grown by an earlier, longer document is reused; only its first part is cleared.
      Arrays.fill(table, 0, capacity, 0L);
    }
    mask = capacity - 1;
    growAt = capacity >>> 1;
    count = 0;
    stored = 0;
    zeroSeen = false;
  }

  /**
   * {@code 8 * highestOneBit(expectedValues)} slots (between 4 and 8 per value) within {@code
   * [MIN_CAPACITY, MAX_PRESIZED_CAPACITY]}, computed in {@code long}: as an {@code int} the shift
   * overflows from 2^28 values on (to a 64-slot table that then fills and never ends a probe).
   */
  static int presizedCapacity(int expectedValues) {
    long wanted = (long) Integer.highestOneBit(Math.max(1, expectedValues)) << 3;
    return (int) Math.max(MIN_CAPACITY, Math.min(MAX_PRESIZED_CAPACITY, wanted));
  }

  /**
   * Adds a value (zero allowed).
   *
   * @throws IllegalArgumentException past 2^29 distinct non-zero values (the table would exceed the
   *     largest array)
   */
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
        if (++stored > growAt) {
          grow();
        }
        return;
      }
      index = (index + 1) & mask;
    }
  }

  /** Doubles the table and re-inserts the stored values, so it is again at most half full. */
  private void grow() {
    int capacity = mask + 1;
    if (capacity >= MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "at most " + (MAX_CAPACITY >>> 1) + " distinct shingles are supported");
    }
    long[] old = table;
    int newCapacity = capacity << 1;
    long[] grown = new long[newCapacity];
    int newMask = newCapacity - 1;
    for (int i = 0; i < capacity; i++) {
      long value = old[i];
      if (value != 0) {
        int index = (int) value & newMask;
        while (grown[index] != 0) {
          index = (index + 1) & newMask;
        }
        grown[index] = value;
      }
    }
    table = grown;
    mask = newMask;
    growAt = newCapacity >>> 1;
  }

  /** Number of distinct values added since the last reset. */
  int count() {
    return count;
  }

  /** Length of the table kept, for tests. */
  int retainedSlots() {
    return table.length;
  }

  /** Slots in use by the table since the last reset (it may be longer, from an earlier use). */
  int capacity() {
    return mask + 1;
  }
}
