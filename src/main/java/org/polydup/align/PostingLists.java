package org.polydup.align;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.Arrays;

/**
 * The posting lists of {@link EntityIndex}: document numbers, ascending, by key, in {@value
 * #SHARDS} maps by the key's top bits, so that {@link EntityIndex#addAll} fills the shards in
 * parallel, each in document order. Not thread-safe: the index's lock guards it (writers hold the
 * write lock; {@link #get} needs a lock of either kind).
 */
final class PostingLists {
  /** Number of posting maps; a power of two. */
  static final int SHARDS = 16;

  @SuppressWarnings({"unchecked", "rawtypes"}) // Java has no generic array creation.
  private final Long2ObjectOpenHashMap<IntArrayList>[] postings =
      new Long2ObjectOpenHashMap[SHARDS];

  PostingLists() {
    for (int shard = 0; shard < SHARDS; shard++) {
      postings[shard] = new Long2ObjectOpenHashMap<>();
    }
  }

  /** Appends {@code document} to the lists of {@code keys}. */
  void add(long[] keys, int document) {
    for (long key : keys) {
      postings[shardOf(key)].computeIfAbsent(key, k -> new IntArrayList(2)).add(document);
    }
  }

  /** Appends {@code document} to the lists of those of {@code keys} in {@code shard}. */
  void add(long[] keys, int document, int shard) {
    Long2ObjectOpenHashMap<IntArrayList> map = postings[shard];
    for (long key : keys) {
      if (shardOf(key) == shard) {
        map.computeIfAbsent(key, k -> new IntArrayList(2)).add(document);
      }
    }
  }

  /** Takes {@code document} out of the lists of {@code keys}, dropping lists left empty. */
  void remove(long[] keys, int document) {
    for (long key : keys) {
      Long2ObjectOpenHashMap<IntArrayList> map = postings[shardOf(key)];
      IntArrayList list = map.get(key);
      // Documents are appended in order of their numbers, so every list is sorted.
      int at = list == null ? -1 : Arrays.binarySearch(list.elements(), 0, list.size(), document);
      if (at >= 0) {
        list.removeInt(at);
        if (list.isEmpty()) {
          map.remove(key);
        }
      }
    }
  }

  private static int shardOf(long key) {
    return (int) (key >>> 60) & (SHARDS - 1);
  }

  /** The posting list of {@code key}, or {@code null}. */
  IntArrayList get(long key) {
    return postings[shardOf(key)].get(key);
  }
}
