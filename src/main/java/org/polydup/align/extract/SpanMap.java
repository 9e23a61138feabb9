package org.polydup.align.extract;

import java.util.Arrays;

/**
 * A hash map from strings to values that looks a key up by a span of a larger string, without
 * copying the span out. Not thread-safe.
 *
 * <h2>Rationale</h2>
 *
 * {@link EntityExtractor} looks up every word of every text in its word cache ({@link Vocabulary}):
 * with a {@link java.util.HashMap} each lookup first made the word a new {@code String} and hashed
 * it, and most lookups hit (words follow Zipf's law), so the string was garbage at once. Here the
 * span is hashed in place with {@link String#hashCode}'s polynomial, so a stored key's cached hash
 * is compared first and its chars only on an equal hash. Open addressing with linear probing keeps
 * each key next to its value in one array, one memory line per probe instead of a table slot and a
 * node; the table is at most half full.
 *
 * @param <V> the values, never {@code null}
 */
final class SpanMap<V> {
  private static final int MINIMUM_CAPACITY = 64;

  /** Key at {@code 2 * slot}, value at {@code 2 * slot + 1}; {@code null} key for a free slot. */
  private Object[] slots = new Object[2 * MINIMUM_CAPACITY];

  private int size;

  /** Entries held. */
  int size() {
    return size;
  }

  /**
   * The value of the key equal to {@code text[start, end)}, or {@code null}.
   *
   * @param text the string holding the span
   * @param start first char of the span, inclusive
   * @param end last char of the span, exclusive
   */
  @SuppressWarnings("unchecked")
  V get(String text, int start, int end) {
    int hash = 0;
    for (int i = start; i < end; i++) {
      hash = 31 * hash + text.charAt(i);
    }
    int length = end - start;
    Object[] table = slots;
    int mask = table.length / 2 - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      String key = (String) table[2 * slot];
      if (key == null) {
        return null;
      }
      if (key.hashCode() == hash
          && key.length() == length
          && text.regionMatches(start, key, 0, length)) {
        return (V) table[2 * slot + 1];
      }
    }
  }

  /**
   * Maps {@code key} to {@code value}, replacing any value it had.
   *
   * @param key never {@code null}
   * @param value never {@code null}
   */
  void put(String key, V value) {
    if (2 * (size + 1) > slots.length / 2) {
      resize(slots.length);
    }
    if (insert(slots, key, value)) {
      size++;
    }
  }

  /** Removes every entry; keeps the table's capacity, as {@link java.util.HashMap} does. */
  void clear() {
    Arrays.fill(slots, null);
    size = 0;
  }

  /** Puts into {@code table}; returns whether the key was new. */
  private static boolean insert(Object[] table, String key, Object value) {
    int mask = table.length / 2 - 1;
    for (int slot = spread(key.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      Object held = table[2 * slot];
      if (held == null || held.equals(key)) {
        table[2 * slot] = key;
        table[2 * slot + 1] = value;
        return held == null;
      }
    }
  }

  private void resize(int capacity) {
    Object[] larger = new Object[2 * capacity];
    for (int i = 0; i < slots.length; i += 2) {
      if (slots[i] != null) {
        insert(larger, (String) slots[i], slots[i + 1]);
      }
    }
    slots = larger;
  }

  /** Spreads the string hash's low-entropy bits (short words differ in a few low bits). */
  private static int spread(int hash) {
    int h = hash * 0x9e3779b9;
    return h ^ (h >>> 16);
  }
}
