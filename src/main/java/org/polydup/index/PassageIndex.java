package org.polydup.index;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.polydup.internal.Mixing;
import org.polydup.internal.SortedSets;

/**
 * Candidate generation for partial copies: a story inside a longer page, a digest quoting a story's
 * lead. Whole-set MinHash misses these because the Jaccard similarity of a 300-word story and the
 * 3,000-word page around it is below 0.1; a shared passage, however long, is what they have in
 * common.
 *
 * <h2>Rationale</h2>
 *
 * Winnowing (S. Schleimer, D. S. Wilkerson, A. Aiken, "Winnowing: Local Algorithms for Document
 * Fingerprinting", SIGMOD 2003): slide a window of {@code w} consecutive shingle hashes over the
 * document and select the minimum hash of each window (the rightmost one on ties), recording each
 * selected position once. Every window contributes a fingerprint, and the choice depends only on
 * the window's content, so two documents that share a run of at least {@code w} consecutive
 * shingles, that is {@code w + shingleSize - 1} tokens for shingles of {@code shingleSize} tokens,
 * share at least one fingerprint (the guarantee threshold); runs shorter than the noise threshold
 * of one shingle are never matched. About {@code 2 / (w + 1)} of the positions are selected (the
 * density of winnowing), so the index holds roughly {@code 2n / (w + 1)} postings for a document of
 * {@code n} shingles. Documents shorter than one window select their single minimum.
 *
 * <p>Shingle hashes are re-mixed (MurmurHash3's 64-bit finaliser) before selection so that the
 * choice of minimum does not inherit any structure of the caller's hash, and fingerprints are the
 * mixed hashes folded to 32 bits: a spurious match needs a 32-bit collision between selected
 * fingerprints.
 *
 * <p>Document frequency cap: fingerprints found in more than {@code documentFrequencyCap} indexed
 * documents are ignored when generating candidates (they stay counted, so the frequency stays
 * exact). Such fingerprints are boilerplate ("accept cookies", "read more", a site's footer): they
 * link thousands of pages whose stories have nothing in common, and a fingerprint shared by {@code
 * d} documents would produce {@code d(d - 1)/2} pairs, quadratic work for no signal. A genuinely
 * copied passage yields many fingerprints, most of them rare, so dropping the frequent ones loses
 * little recall (Schleimer et al. make the same point for source-code templates).
 *
 * <h2>Thread safety</h2>
 *
 * As for {@link LshIndex}: one {@link ReentrantReadWriteLock}; {@link #add} and {@link #remove}
 * take the write lock, queries the read lock, so each operation is atomic. {@link
 * #forEachCandidatePair} holds the read lock throughout; its consumer must not modify this index.
 * {@link #fingerprints} and {@link #fingerprintPositions} use no shared state.
 */
public final class PassageIndex {
  private static final long SEED = 0x2545F4914F6CDD1DL;

  private final int window;
  private final int documentFrequencyCap;
  private final Int2ObjectOpenHashMap<int[]> postings = new Int2ObjectOpenHashMap<>();
  private final Int2ObjectOpenHashMap<int[]> fingerprintsByDocument = new Int2ObjectOpenHashMap<>();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  private PassageIndex(int window, int documentFrequencyCap) {
    this.window = window;
    this.documentFrequencyCap = documentFrequencyCap;
  }

  /**
   * Creates an empty index.
   *
   * @param window winnowing window {@code w} in shingles, in {@code [1, 1024]}; shared runs of at
   *     least {@code w} shingles are guaranteed to be found
   * @param documentFrequencyCap fingerprints in more than this many documents are ignored for
   *     candidates, {@code >= 1}
   * @return the index
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static PassageIndex create(int window, int documentFrequencyCap) {
    if (window < 1 || window > 1024) {
      throw new IllegalArgumentException("window must be in [1, 1024], got " + window);
    }
    if (documentFrequencyCap < 1) {
      throw new IllegalArgumentException(
          "documentFrequencyCap must be >= 1, got " + documentFrequencyCap);
    }
    return new PassageIndex(window, documentFrequencyCap);
  }

  /** The winnowing window in shingles. */
  public int window() {
    return window;
  }

  /** The document frequency above which a fingerprint is ignored for candidates. */
  public int documentFrequencyCap() {
    return documentFrequencyCap;
  }

  /**
   * The positions winnowing selects, in increasing order.
   *
   * @param positionalShingles shingle hashes in text order (repeats allowed); not modified
   * @return increasing indices into {@code positionalShingles}; empty only for empty input
   */
  public int[] fingerprintPositions(long[] positionalShingles) {
    int n = positionalShingles.length;
    if (n == 0) {
      return new int[0];
    }
    long[] mixed = new long[n];
    for (int i = 0; i < n; i++) {
      mixed[i] = mix(positionalShingles[i]);
    }
    int span = Math.min(window, n);
    IntArrayList selected = new IntArrayList(2 * n / (span + 1) + 2);
    int minimum = -1;
    for (int end = span - 1; end < n; end++) {
      int start = end - span + 1;
      if (minimum < start) {
        // The previous minimum left the window: rescan it, keeping the rightmost minimum.
        minimum = start;
        for (int i = start + 1; i <= end; i++) {
          if (Long.compareUnsigned(mixed[i], mixed[minimum]) <= 0) {
            minimum = i;
          }
        }
        selected.add(minimum);
      } else if (Long.compareUnsigned(mixed[end], mixed[minimum]) <= 0) {
        minimum = end;
        selected.add(minimum);
      }
    }
    return selected.toIntArray();
  }

  /**
   * The fingerprints winnowing selects, in text order (a value may repeat if its shingle does).
   *
   * @param positionalShingles shingle hashes in text order; not modified
   * @return the 32-bit fingerprints of {@link #fingerprintPositions} in the same order
   */
  public int[] fingerprints(long[] positionalShingles) {
    int[] positions = fingerprintPositions(positionalShingles);
    int[] fingerprints = new int[positions.length];
    for (int i = 0; i < positions.length; i++) {
      fingerprints[i] = fold(mix(positionalShingles[positions[i]]));
    }
    return fingerprints;
  }

  /**
   * Adds a document, replacing any earlier one with the same id.
   *
   * @param documentId any {@code int}
   * @param positionalShingles its shingle hashes in text order; not retained
   */
  public void add(int documentId, long[] positionalShingles) {
    addFingerprints(documentId, fingerprints(positionalShingles));
  }

  /**
   * Adds a document by its {@link #fingerprints}, computed beforehand (a batch computes them on
   * several threads, then adds in id order); the same as {@link #add} with the shingles.
   *
   * @param documentId any {@code int}
   * @param fingerprints what {@link #fingerprints} returned for its shingles; not retained
   */
  public void addFingerprints(int documentId, int[] fingerprints) {
    int[] distinct = SortedSets.sortedDistinct(fingerprints.clone(), fingerprints.length);
    lock.writeLock().lock();
    try {
      int[] previous = fingerprintsByDocument.put(documentId, distinct);
      if (previous != null) {
        unlink(documentId, previous);
      }
      for (int fingerprint : distinct) {
        int[] posting = postings.get(fingerprint);
        if (posting == null) {
          postings.put(fingerprint, new int[] {1, documentId});
        } else {
          int count = posting[0];
          if (count + 1 == posting.length) {
            posting = Arrays.copyOf(posting, posting.length * 2);
            postings.put(fingerprint, posting);
          }
          posting[count + 1] = documentId;
          posting[0] = count + 1;
        }
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
      int[] distinct = fingerprintsByDocument.remove(documentId);
      if (distinct == null) {
        return false;
      }
      unlink(documentId, distinct);
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * The indexed documents sharing at least one fingerprint (each in at most {@code
   * documentFrequencyCap} documents) with the given text.
   *
   * @param positionalShingles shingle hashes in text order
   * @return sorted distinct document ids, possibly empty
   */
  public int[] query(long[] positionalShingles) {
    int[] all = fingerprints(positionalShingles);
    int[] distinct = SortedSets.sortedDistinct(all, all.length);
    IntArrayList found = new IntArrayList();
    lock.readLock().lock();
    try {
      for (int fingerprint : distinct) {
        int[] posting = postings.get(fingerprint);
        if (posting != null && posting[0] <= documentFrequencyCap) {
          found.addElements(found.size(), posting, 1, posting[0]);
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    return LshIndex.sortedDistinct(found);
  }

  /**
   * Calls {@code consumer} once for every unordered pair of indexed documents sharing at least one
   * fingerprint that is in at most {@code documentFrequencyCap} documents, smaller id first, in
   * increasing order of the first id and then the second. Runs under the read lock: the consumer
   * must not modify this index.
   *
   * @param consumer receives the pairs with their number of shared fingerprints
   */
  public void forEachCandidatePair(PassagePairConsumer consumer) {
    lock.readLock().lock();
    try {
      int[] documents = fingerprintsByDocument.keySet().toIntArray();
      Arrays.sort(documents);
      forEachPairOf(documents, consumer);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * As {@link #forEachCandidatePair(PassagePairConsumer)}, restricted to the pairs whose smaller id
   * is in {@code [fromDocument, toDocument)}: the all-pairs work split into id ranges, which
   * several threads may run at once (each call holds the read lock). Pairs come in the same order
   * as from the whole run.
   *
   * @param fromDocument first id of the range, inclusive
   * @param toDocument end of the range, exclusive
   * @param consumer receives the pairs with their number of shared fingerprints
   * @throws IllegalArgumentException if {@code fromDocument > toDocument}
   */
  public void forEachCandidatePair(int fromDocument, int toDocument, PassagePairConsumer consumer) {
    lock.readLock().lock();
    try {
      forEachPairOf(
          LshIndex.documentsIn(fingerprintsByDocument, fromDocument, toDocument), consumer);
    } finally {
      lock.readLock().unlock();
    }
  }

  private void forEachPairOf(int[] documents, PassagePairConsumer consumer) {
    Int2IntOpenHashMap shared = new Int2IntOpenHashMap();
    for (int document : documents) {
      shared.clear();
      for (int fingerprint : fingerprintsByDocument.get(document)) {
        int[] posting = postings.get(fingerprint);
        int count = posting[0];
        if (count < 2 || count > documentFrequencyCap) {
          continue;
        }
        for (int i = 1; i <= count; i++) {
          if (posting[i] > document) {
            shared.addTo(posting[i], 1);
          }
        }
      }
      if (shared.isEmpty()) {
        continue;
      }
      int[] partners = shared.keySet().toIntArray();
      Arrays.sort(partners);
      for (int partner : partners) {
        consumer.accept(document, partner, shared.get(partner));
      }
    }
  }

  /**
   * Number of indexed documents containing this fingerprint.
   *
   * @param fingerprint a value from {@link #fingerprints}
   * @return the document frequency, {@code >= 0}
   */
  public int documentFrequency(int fingerprint) {
    lock.readLock().lock();
    try {
      int[] posting = postings.get(fingerprint);
      return posting == null ? 0 : posting[0];
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Number of indexed documents. */
  public int size() {
    lock.readLock().lock();
    try {
      return fingerprintsByDocument.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * An estimate of the heap used by the index in bytes (compressed object pointers): hash tables at
   * their current capacity, posting arrays and per-document fingerprint arrays.
   */
  public long estimatedBytes() {
    lock.readLock().lock();
    try {
      long bytes =
          LshIndex.openHashMapBytes(postings.size(), 4)
              + LshIndex.openHashMapBytes(fingerprintsByDocument.size(), 4);
      for (Int2ObjectMap.Entry<int[]> entry : postings.int2ObjectEntrySet()) {
        bytes += LshIndex.intArrayBytes(entry.getValue().length);
      }
      for (Int2ObjectMap.Entry<int[]> entry : fingerprintsByDocument.int2ObjectEntrySet()) {
        bytes += LshIndex.intArrayBytes(entry.getValue().length);
      }
      return bytes;
    } finally {
      lock.readLock().unlock();
    }
  }

  private void unlink(int documentId, int[] distinct) {
    for (int fingerprint : distinct) {
      int[] posting = postings.get(fingerprint);
      int count = posting[0];
      for (int i = 1; i <= count; i++) {
        if (posting[i] == documentId) {
          posting[i] = posting[count];
          count--;
          break;
        }
      }
      if (count == 0) {
        postings.remove(fingerprint);
      } else {
        posting[0] = count;
      }
    }
  }

  private static long mix(long x) {
    return Mixing.fmix64(x ^ SEED);
  }

  private static int fold(long x) {
    return (int) (x ^ (x >>> 32));
  }
}
