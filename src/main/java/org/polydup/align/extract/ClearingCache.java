package org.polydup.align.extract;

import java.util.HashMap;
import java.util.function.Function;

/**
 * A memo of a pure function, bounded by emptying it when full rather than evicting entry by entry.
 * Words follow Zipf's law: the frequent ones come back at once after a clear, and a clear costs
 * nothing per lookup, unlike tracking recency. Not thread-safe: the per-thread encoders and
 * stemmers that use it are not shared.
 *
 * @param <K> the argument
 * @param <V> the memoised value, never {@code null}
 */
final class ClearingCache<K, V> {
  private final int limit;
  private final HashMap<K, V> values = new HashMap<>();

  /**
   * @param limit entries held at most before the cache is emptied, {@code >= 1}
   */
  ClearingCache(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    this.limit = limit;
  }

  /** The value of {@code key}, computed by {@code compute} on a miss and kept. */
  V get(K key, Function<? super K, ? extends V> compute) {
    V value = values.get(key);
    if (value == null) {
      value = compute.apply(key);
      if (values.size() >= limit) {
        values.clear();
      }
      values.put(key, value);
    }
    return value;
  }
}
