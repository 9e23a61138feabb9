package org.polydup.index;

import it.unimi.dsi.fastutil.HashCommon;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.polydup.internal.Mixing;
import org.polydup.internal.SortedSets;
import org.polydup.sketch.MinHashSignature;

/**
 * An in-memory banded LSH index over MinHash signatures, keyed by {@code int} document ids.
 *
 * <h2>Rationale</h2>
 *
 * Each band of {@code rowsPerBand} slots is hashed to a 32-bit band key (a multiplicative
 * polynomial over the slot values, finished with the MurmurHash3 64-bit finaliser and folded to 32
 * bits); documents whose keys are equal in some band are candidates (Indyk and Motwani, STOC 1998;
 * Broder, Charikar, Frieze, Mitzenmacher, STOC 1998). 32-bit keys add a spurious collision with
 * probability {@code 2^-32} per band and pair, negligible next to the S-curve's own false
 * positives, and halve the key memory. Each band is one fastutil {@code Int2IntOpenHashMap}: most
 * buckets hold one document, whose id is stored inline (8 bytes a slot, about 14 bytes a document
 * at fastutil's average fill); a bucket with two or more documents stores a negative reference to a
 * pooled {@code int[]} holding a count and the ids. One map per band means one probe, and on a
 * large index one cache miss, per band and query (document ids must therefore be {@code >= 0}). To
 * support {@link #remove}, the index also keeps each document's band keys ({@code 16 + 4 * bands}
 * bytes).
 *
 * <p>Memory, measured once (JDK 17, compressed oops): 100,000 random 128-slot signatures, 20 bands
 * of 5 rows, 10% of them near-duplicates of their predecessor, measured with JOL 0.17's {@code
 * GraphLayout.parseInstance(index).totalSize()} (run with {@code
 * -Djdk.attach.allowAttachSelf=true}): 36,872,048 bytes, 368.7 bytes a document; {@link
 * #estimatedBytes()} said 36,871,256. Of the 368.7, about 117 are the per-document keys kept for
 * {@link #remove} (a 96-byte {@code int[20]} plus its map slot) and about 252 the postings.
 *
 * <h2>Thread safety</h2>
 *
 * All methods may be called concurrently. One {@link ReentrantReadWriteLock} guards the index:
 * {@link #add} and {@link #remove} take the write lock, queries the read lock, so every operation
 * is atomic (linearisable): a query sees a document in all of its bands or in none, and an add that
 * returned is seen by every later query. Queries run in parallel with each other. {@link
 * #forEachCandidatePair} holds the read lock for its whole run, so its consumer must not call
 * {@link #add} or {@link #remove} on the same index (that would deadlock).
 *
 * <p>Empty signatures ({@link MinHashSignature#isEmpty()}) are counted by {@link #size()} but put
 * in no bucket: an empty document is a candidate of nothing.
 */
public final class LshIndex {
  private static final long BAND_SEED = 0x5DEECE66DL;

  private final LshParameters parameters;
  private final Band[] bands;
  private final Int2ObjectOpenHashMap<int[]> keysByDocument = new Int2ObjectOpenHashMap<>();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /** The first signature added: every later one must be compatible with it; null until then. */
  private MinHashSignature shape;

  private LshIndex(LshParameters parameters) {
    this.parameters = parameters;
    this.bands = new Band[parameters.bands()];
    for (int i = 0; i < bands.length; i++) {
      bands[i] = new Band();
    }
  }

  /**
   * Creates an empty index.
   *
   * @param parameters banding; signatures added or queried need at least {@code bands *
   *     rowsPerBand} slots
   * @return the index
   */
  public static LshIndex create(LshParameters parameters) {
    return new LshIndex(parameters);
  }

  /** The banding parameters. */
  public LshParameters parameters() {
    return parameters;
  }

  /**
   * Adds a document, replacing any earlier signature with the same id.
   *
   * @param documentId {@code >= 0} (negative values are used internally)
   * @param signature its signature; all signatures of one index must share scheme, seed and number
   *     of permutations ({@link MinHashSignature#isCompatibleWith})
   * @throws IllegalArgumentException if {@code documentId} is negative, the signature has fewer
   *     than {@code bands * rowsPerBand} slots, or its scheme, seed or number of permutations
   *     differs from the first one added
   */
  public void add(int documentId, MinHashSignature signature) {
    if (documentId < 0) {
      throw new IllegalArgumentException("documentId must be >= 0, got " + documentId);
    }
    int[] keys = bandKeys(signature);
    lock.writeLock().lock();
    try {
      checkShape(signature, true);
      int[] previous = keysByDocument.put(documentId, keys);
      if (previous != null) {
        unlink(documentId, previous);
      }
      for (int band = 0; band < keys.length; band++) {
        bands[band].add(keys[band], documentId);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Removes a document.
   *
   * @param documentId the id
   * @return true if it was in the index
   */
  public boolean remove(int documentId) {
    lock.writeLock().lock();
    try {
      int[] keys = keysByDocument.remove(documentId);
      if (keys == null) {
        return false;
      }
      unlink(documentId, keys);
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Whether a document with this id is in the index. */
  public boolean contains(int documentId) {
    lock.readLock().lock();
    try {
      return keysByDocument.containsKey(documentId);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The documents sharing at least one band with {@code signature}. The query's own document is
   * included if it is in the index.
   *
   * @param signature a signature compatible with the indexed ones
   * @return sorted distinct document ids, possibly empty; a new array
   * @throws IllegalArgumentException if the signature is too short or incompatible
   */
  public int[] query(MinHashSignature signature) {
    int[] keys = bandKeys(signature);
    IntArrayList found = new IntArrayList();
    lock.readLock().lock();
    try {
      checkShape(signature, false);
      for (int band = 0; band < keys.length; band++) {
        bands[band].collect(keys[band], found);
      }
    } finally {
      lock.readLock().unlock();
    }
    return sortedDistinct(found);
  }

  /**
   * Calls {@code consumer} once for every unordered pair of indexed documents that share a band,
   * with the smaller id first, in increasing order of the first id. Runs under the read lock: the
   * consumer must not modify this index.
   *
   * @param consumer receives the pairs
   */
  public void forEachCandidatePair(PairConsumer consumer) {
    lock.readLock().lock();
    try {
      int[] documents = keysByDocument.keySet().toIntArray();
      Arrays.sort(documents);
      forEachPairOf(documents, consumer);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * As {@link #forEachCandidatePair(PairConsumer)}, restricted to the pairs whose smaller id is in
   * {@code [fromDocument, toDocument)}: the all-pairs work split into id ranges, which several
   * threads may run at once (each call holds the read lock). Pairs come in the same order as from
   * the whole run.
   *
   * @param fromDocument first id of the range, inclusive
   * @param toDocument end of the range, exclusive
   * @param consumer receives the pairs
   * @throws IllegalArgumentException if {@code fromDocument > toDocument}
   */
  public void forEachCandidatePair(int fromDocument, int toDocument, PairConsumer consumer) {
    lock.readLock().lock();
    try {
      forEachPairOf(documentsIn(keysByDocument, fromDocument, toDocument), consumer);
    } finally {
      lock.readLock().unlock();
    }
  }

  private void forEachPairOf(int[] documents, PairConsumer consumer) {
    IntArrayList partners = new IntArrayList();
    for (int document : documents) {
      int[] keys = keysByDocument.get(document);
      partners.clear();
      for (int band = 0; band < keys.length; band++) {
        bands[band].collectMultiple(keys[band], partners, document);
      }
      if (partners.isEmpty()) {
        continue;
      }
      int[] sorted = sortedDistinct(partners);
      for (int partner : sorted) {
        consumer.accept(document, partner);
      }
    }
  }

  /**
   * The sorted ids of {@code map} in {@code [from, to)}: by probing each id of a range no larger
   * than the map (the batch case, ids 0..n-1), else by filtering and sorting the keys.
   */
  static int[] documentsIn(Int2ObjectOpenHashMap<int[]> map, int from, int to) {
    if (from > to) {
      throw new IllegalArgumentException(
          "fromDocument must be <= toDocument, got " + from + " > " + to);
    }
    IntArrayList found = new IntArrayList();
    if ((long) to - from <= 2L * map.size()) {
      for (int id = from; id < to; id++) {
        if (map.containsKey(id)) {
          found.add(id);
        }
      }
      return found.toIntArray();
    }
    for (int id : map.keySet()) {
      if (id >= from && id < to) {
        found.add(id);
      }
    }
    int[] sorted = found.toIntArray();
    Arrays.sort(sorted);
    return sorted;
  }

  /** Number of indexed documents (empty signatures included). */
  public int size() {
    lock.readLock().lock();
    try {
      return keysByDocument.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * An estimate of the heap used by the index, in bytes, assuming compressed object pointers: the
   * hash tables at their current capacity, the posting arrays and the per-document band keys.
   * Within a few percent of a JOL measurement (see the class Javadoc).
   */
  public long estimatedBytes() {
    lock.readLock().lock();
    try {
      long bytes = openHashMapBytes(keysByDocument.size(), 4);
      for (int[] keys : keysByDocument.values()) {
        bytes += intArrayBytes(keys.length);
      }
      for (Band band : bands) {
        bytes += band.estimatedBytes();
      }
      return bytes;
    } finally {
      lock.readLock().unlock();
    }
  }

  private void checkShape(MinHashSignature signature, boolean adopt) {
    if (shape == null) {
      if (adopt) {
        shape = signature;
      }
      return;
    }
    if (!signature.isCompatibleWith(shape)) {
      throw new IllegalArgumentException(
          "signature must have seed "
              + shape.seed()
              + ", numberOfPermutations "
              + shape.numberOfPermutations()
              + " and scheme "
              + shape.scheme()
              + " like the indexed ones, got seed "
              + signature.seed()
              + ", numberOfPermutations "
              + signature.numberOfPermutations()
              + " and scheme "
              + signature.scheme());
    }
  }

  private int[] bandKeys(MinHashSignature signature) {
    int rows = parameters.rowsPerBand();
    if (signature.numberOfPermutations() < parameters.slotsUsed()) {
      throw new IllegalArgumentException(
          "signature must have at least bands * rowsPerBand = "
              + parameters.slotsUsed()
              + " slots, got "
              + signature.numberOfPermutations());
    }
    if (signature.isEmpty()) {
      return new int[0];
    }
    int[] values = signature.values();
    int[] keys = new int[bands.length];
    for (int band = 0; band < keys.length; band++) {
      long hash = BAND_SEED + band;
      int start = band * rows;
      for (int row = 0; row < rows; row++) {
        hash = hash * 0x9E3779B97F4A7C15L + Integer.toUnsignedLong(values[start + row]);
      }
      hash = Mixing.fmix64(hash);
      keys[band] = (int) (hash ^ (hash >>> 32));
    }
    return keys;
  }

  private void unlink(int documentId, int[] keys) {
    for (int band = 0; band < keys.length; band++) {
      bands[band].remove(keys[band], documentId);
    }
  }

  static int[] sortedDistinct(IntArrayList list) {
    return SortedSets.sortedDistinct(list.toIntArray(), list.size());
  }

  /** Heap bytes of an {@code int[]} of this length: 16-byte header, padded to 8 bytes. */
  static long intArrayBytes(int length) {
    return (16L + 4L * length + 7) & ~7L;
  }

  /**
   * Heap bytes of a fastutil open hash map with 4-byte keys and {@code valueBytes}-byte values
   * holding {@code size} entries at the default load factor: two arrays of capacity + 1 plus about
   * 56 bytes of object fields.
   */
  static long openHashMapBytes(int size, int valueBytes) {
    long capacity = HashCommon.arraySize(Math.max(size, 1), 0.75f) + 1L;
    return 56 + ((16 + 4 * capacity + 7) & ~7L) + ((16 + valueBytes * capacity + 7) & ~7L);
  }

  /**
   * One band's buckets in a single {@code Int2IntOpenHashMap}, so a lookup costs one probe (one
   * cache miss on a large index): a value {@code >= 0} is the id of the bucket's only document; a
   * value {@code v <= -2} points at slot {@code -v - 2} of a pool of {@code {count, ids...}} arrays
   * for buckets of two or more documents; {@code -1} means no bucket.
   */
  private static final class Band {
    private static final int NONE = -1;

    private final Int2IntOpenHashMap buckets = new Int2IntOpenHashMap();
    private int[][] pool = new int[4][];
    private int poolSize;
    private final IntArrayList freeSlots = new IntArrayList();

    Band() {
      buckets.defaultReturnValue(NONE);
    }

    void add(int key, int documentId) {
      int value = buckets.get(key);
      if (value == NONE) {
        buckets.put(key, documentId);
      } else if (value >= 0) {
        int[] bucket = {2, value, documentId, 0};
        int slot;
        if (freeSlots.isEmpty()) {
          if (poolSize == pool.length) {
            pool = Arrays.copyOf(pool, pool.length * 2);
          }
          slot = poolSize++;
        } else {
          slot = freeSlots.popInt();
        }
        pool[slot] = bucket;
        buckets.put(key, -slot - 2);
      } else {
        int slot = -value - 2;
        int[] bucket = pool[slot];
        int count = bucket[0];
        if (count + 1 == bucket.length) {
          bucket = Arrays.copyOf(bucket, bucket.length * 2);
          pool[slot] = bucket;
        }
        bucket[count + 1] = documentId;
        bucket[0] = count + 1;
      }
    }

    void remove(int key, int documentId) {
      int value = buckets.get(key);
      if (value == documentId) {
        buckets.remove(key);
        return;
      }
      if (value >= NONE) {
        return; // no bucket, or another single document
      }
      int slot = -value - 2;
      int[] bucket = pool[slot];
      int count = bucket[0];
      for (int i = 1; i <= count; i++) {
        if (bucket[i] == documentId) {
          bucket[i] = bucket[count];
          count--;
          break;
        }
      }
      bucket[0] = count;
      if (count == 1) {
        buckets.put(key, bucket[1]);
        pool[slot] = null;
        freeSlots.add(slot);
      } else if (count * 4 < bucket.length && bucket.length > 8) {
        pool[slot] = Arrays.copyOf(bucket, bucket.length / 2);
      }
    }

    /** Adds the bucket's documents to {@code out}. */
    void collect(int key, IntArrayList out) {
      int value = buckets.get(key);
      if (value >= 0) {
        out.add(value);
      } else if (value != NONE) {
        int[] bucket = pool[-value - 2];
        out.addElements(out.size(), bucket, 1, bucket[0]);
      }
    }

    /** Adds the documents of a bucket with two or more documents whose ids exceed {@code above}. */
    void collectMultiple(int key, IntArrayList out, int above) {
      int value = buckets.get(key);
      if (value < NONE) {
        int[] bucket = pool[-value - 2];
        for (int i = 1; i <= bucket[0]; i++) {
          if (bucket[i] > above) {
            out.add(bucket[i]);
          }
        }
      }
    }

    long estimatedBytes() {
      long bytes = openHashMapBytes(buckets.size(), 4);
      // The pool (4-byte references) and the free list (an IntArrayList: fields plus array).
      bytes += (16 + 4L * pool.length + 7) & ~7L;
      bytes += 24 + intArrayBytes(freeSlots.elements().length);
      for (int slot = 0; slot < poolSize; slot++) {
        int[] bucket = pool[slot];
        if (bucket != null) {
          bytes += intArrayBytes(bucket.length);
        }
      }
      return bytes;
    }
  }
}
