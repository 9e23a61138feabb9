package org.polydup.align.pairwise;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.polydup.align.extract.EntityProfile;
import org.polydup.internal.SortedSets;

/**
 * Document frequencies of entity keys in the corpus being scanned, and the IDF weights derived from
 * them. Thread-safe: {@link #add} and {@link #weight} may run concurrently (striped locks).
 *
 * <p>A key's weight is {@code ln((N + 1) / (df + 0.5))}, and 0 when the key occurs in more than
 * {@code maximumDocumentFraction} of the documents and in more than {@value
 * #MINIMUM_CAPPED_FREQUENCY} (stop words, the commonest numbers; small batches keep every key), so
 * that rare names and numbers carry the alignment and common tokens do not.
 *
 * <p>A batch smaller than {@value #REFERENCE_CORPUS} documents is weighed as if it were part of a
 * corpus of that size whose other documents lack its keys: {@code N} in the formula is at least
 * {@value #REFERENCE_CORPUS}. Document frequencies of a handful of documents about one story say
 * nothing about rarity (every name of the story is in four of five documents, which gave weights
 * near 0.16 and hid a retold passage), and the decision thresholds, stated for large batches, then
 * hold at every batch size without rescaling.
 */
public final class KeyStatistics {
  private static final int STRIPES = 64;
  private static final int MINIMUM_CAPPED_FREQUENCY = 10;

  /** Smallest corpus size the weights assume, in documents. */
  static final int REFERENCE_CORPUS = 1000;

  private final Long2IntOpenHashMap[] frequencies = new Long2IntOpenHashMap[STRIPES];
  private final AtomicInteger documents = new AtomicInteger();
  private final double maximumDocumentFraction;
  private volatile boolean frozen;

  /** Weight by document frequency, set by {@link #freeze}. */
  private volatile double[] weightByFrequency;

  /**
   * Creates empty statistics.
   *
   * @param maximumDocumentFraction keys in a larger share of documents weigh 0; in (0, 1]
   * @throws IllegalArgumentException if the fraction is out of range
   */
  public KeyStatistics(double maximumDocumentFraction) {
    if (!(maximumDocumentFraction > 0 && maximumDocumentFraction <= 1)) {
      throw new IllegalArgumentException(
          "maximumDocumentFraction must be in (0, 1], got " + maximumDocumentFraction);
    }
    this.maximumDocumentFraction = maximumDocumentFraction;
    for (int i = 0; i < STRIPES; i++) {
      frequencies[i] = new Long2IntOpenHashMap();
    }
  }

  /** Statistics with the default cut-off: keys in more than 5% of documents weigh 0. */
  public KeyStatistics() {
    this(0.05);
  }

  /**
   * Stops counting: afterwards {@link #weight} reads without locks (faster for a batch whose counts
   * are complete) and {@link #add} throws {@link IllegalStateException}.
   */
  public void freeze() {
    // Weights depend only on the frequency once the count is final: tabulate them.
    int total = documents.get();
    double[] table = new double[total + 2];
    for (int frequency = 0; frequency < table.length; frequency++) {
      table[frequency] = computeWeight(total, frequency);
    }
    weightByFrequency = table;
    frozen = true;
  }

  /** Counts the distinct keys (anchor and word keys) of one document. */
  public void add(EntityProfile profile) {
    if (frozen) {
      throw new IllegalStateException("statistics are frozen");
    }
    for (long key : distinctKeys(profile)) {
      Long2IntOpenHashMap stripe = frequencies[stripe(key)];
      synchronized (stripe) {
        stripe.addTo(key, 1);
      }
    }
    documents.incrementAndGet();
  }

  /**
   * Uncounts a document counted by {@link #add}: its distinct keys' frequencies and the document
   * count go back down, as if it had never been added (keys no document holds any more are
   * forgotten). The caller must pass the profile that was added; the counts cannot check it.
   *
   * @throws IllegalStateException if frozen, or if a key of the profile was never counted
   */
  public void remove(EntityProfile profile) {
    if (frozen) {
      throw new IllegalStateException("statistics are frozen");
    }
    for (long key : distinctKeys(profile)) {
      Long2IntOpenHashMap stripe = frequencies[stripe(key)];
      synchronized (stripe) {
        int left = stripe.addTo(key, -1) - 1;
        if (left < 0) {
          stripe.remove(key);
          throw new IllegalStateException("key " + key + " was not counted");
        }
        if (left == 0) {
          stripe.remove(key);
        }
      }
    }
    documents.decrementAndGet();
  }

  /**
   * The distinct anchor and word keys of a profile, sorted. By sorting an array: a hash set per
   * document (grown and rehashed for a long text) cost more than the counting itself.
   */
  private static long[] distinctKeys(EntityProfile profile) {
    int size = profile.size();
    long[] keys = new long[2 * size];
    for (int i = 0; i < size; i++) {
      keys[2 * i] = profile.key(i);
      keys[2 * i + 1] = profile.wordKey(i);
    }
    return SortedSets.sortedDistinct(keys, keys.length);
  }

  /** Number of documents counted. */
  public int documentCount() {
    return documents.get();
  }

  /** Number of counted documents holding {@code key}. */
  public int documentFrequency(long key) {
    Long2IntOpenHashMap stripe = frequencies[stripe(key)];
    if (frozen) {
      return stripe.get(key);
    }
    synchronized (stripe) {
      return stripe.get(key);
    }
  }

  /** The normalised IDF weight of {@code key}, in [0, 1]; unseen keys count as seen once. */
  public double weight(long key) {
    double[] table = weightByFrequency;
    if (table != null) {
      return table[Math.min(documentFrequency(key), table.length - 1)];
    }
    return computeWeight(documents.get(), documentFrequency(key));
  }

  private double computeWeight(int documentCount, int documentFrequency) {
    int total = Math.max(documentCount, 1);
    int frequency = Math.max(documentFrequency, 1);
    if (frequency > MINIMUM_CAPPED_FREQUENCY && frequency > maximumDocumentFraction * total) {
      return 0;
    }
    int reference = Math.max(total, REFERENCE_CORPUS);
    return Math.min(
        1,
        Math.max(0, Math.log((reference + 1.0) / (frequency + 0.5)) / Math.log(reference + 1.0)));
  }

  private static int stripe(long key) {
    return (int) ((key ^ (key >>> 29)) & (STRIPES - 1));
  }
}
