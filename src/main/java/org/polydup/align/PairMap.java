package org.polydup.align;

import it.unimi.dsi.fastutil.HashCommon;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/**
 * A concurrent map from pair keys ({@code (low << 32) | high}, two document numbers) to values.
 * Thread-safe, like the {@link ConcurrentHashMap} it wraps.
 *
 * <h2>Rationale</h2>
 *
 * {@link Long#hashCode} of a pair key is {@code low ^ high}, which for a batch of {@code n}
 * documents takes fewer than {@code 2n} values ({@code low} and {@code high} are below {@code n}),
 * and {@link ConcurrentHashMap} picks a bin from the hash's low bits: on 20,000 documents every
 * pair a batch aligned fell into the first 32,768 bins, many of which the map turned into trees, so
 * lookups compared boxed keys along chains (2-3% of the scan's CPU with alignment on). Keys are
 * stored mixed ({@link HashCommon#mix(long)}, a bijection), which spreads them over the whole
 * table; {@link #entrySet} gives them back as they were put. Iteration order, which no caller
 * relies on, differs from a map of the raw keys.
 *
 * @param <V> the values, never {@code null}
 */
final class PairMap<V> {
  private final ConcurrentHashMap<Long, V> values = new ConcurrentHashMap<>();

  /** The value of {@code key}, or {@code null}. */
  V get(long key) {
    return values.get(HashCommon.mix(key));
  }

  /** Whether {@code key} has a value. */
  boolean containsKey(long key) {
    return values.containsKey(HashCommon.mix(key));
  }

  /** Maps {@code key} to {@code value}; returns the value it replaced, or {@code null}. */
  V put(long key, V value) {
    return values.put(HashCommon.mix(key), value);
  }

  /**
   * {@link ConcurrentHashMap#computeIfAbsent}: {@code compute} runs at most once per key, and a
   * {@code null} result leaves the key without a value.
   */
  V computeIfAbsent(long key, LongFunction<? extends V> compute) {
    return values.computeIfAbsent(HashCommon.mix(key), mixed -> compute.apply(key));
  }

  /** Number of keys with a value. */
  int size() {
    return values.size();
  }

  /**
   * The entries, with their keys as they were put; weakly consistent under concurrent updates, like
   * the wrapped map's. Nothing can be added or removed through it; an entry's {@code setValue}
   * writes through to the map.
   */
  Collection<Map.Entry<Long, V>> entrySet() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<Map.Entry<Long, V>> iterator() {
        Iterator<Map.Entry<Long, V>> mixed = values.entrySet().iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return mixed.hasNext();
          }

          @Override
          public Map.Entry<Long, V> next() {
            Map.Entry<Long, V> entry = mixed.next();
            return new AbstractMap.SimpleEntry<>(
                HashCommon.invMix(entry.getKey()), entry.getValue()) {
              @Override
              public V setValue(V value) {
                super.setValue(value);
                return entry.setValue(value);
              }
            };
          }
        };
      }

      @Override
      public int size() {
        return values.size();
      }
    };
  }

  /**
   * The entries, as {@link #entrySet} gives them, in a parallel stream over a copy taken now, for a
   * pass that judges each pair on its own on the calling task's pool. A copy, because {@link
   * #entrySet}'s iterator splits poorly (a stream over it runs mostly on one thread), and because
   * the stream then sees every entry whatever the pass writes meanwhile; an entry's {@code
   * setValue} still writes through to the map.
   */
  Stream<Map.Entry<Long, V>> parallelEntries() {
    return new ArrayList<>(entrySet()).parallelStream();
  }
}
