package org.polydup.index;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.Arrays;

/**
 * The passage candidate pairs of a fixed batch of documents: the same pairs, in the same order and
 * with the same shared counts, as a {@link PassageIndex} holding the same documents gives from
 * {@link PassageIndex#forEachCandidatePair(int, int, PassagePairConsumer)}, built at once instead
 * of one document at a time. Immutable and thread-safe.
 *
 * <h2>Rationale</h2>
 *
 * A batch scan adds every document before it asks for any pair, so it needs neither removal nor
 * lookup by fingerprint. Sorting all {@code (fingerprint, document)} entries once groups each
 * fingerprint's documents; fingerprints in one document only (most of them) or in more than {@code
 * documentFrequencyCap} documents can never contribute to a pair and are dropped there, and the
 * rest are numbered. Each document then keeps only the numbers of its shared fingerprints, and each
 * number its documents, both as flat arrays with offsets. Compared with the incremental index's
 * hash map of one small posting array per fingerprint, this holds a few million fewer objects for
 * the garbage collector to trace and copy, and a pair search reads arrays instead of probing a hash
 * table (a cache miss each) for every fingerprint of every document.
 */
public final class PassageCandidates {
  /** Per kept fingerprint {@code g}: its documents are {@code groupDocuments[groupStart[g]..]}. */
  private final int[] groupStart;

  /** The documents of each kept fingerprint, ascending within a fingerprint. */
  private final int[] groupDocuments;

  /**
   * Per document {@code d}: its kept fingerprints are {@code documentGroups[documentStart[d]..]}.
   */
  private final int[] documentStart;

  /** The kept fingerprints (their numbers) of each document, ascending within a document. */
  private final int[] documentGroups;

  private PassageCandidates(
      int[] groupStart, int[] groupDocuments, int[] documentStart, int[] documentGroups) {
    this.groupStart = groupStart;
    this.groupDocuments = groupDocuments;
    this.documentStart = documentStart;
    this.documentGroups = documentGroups;
  }

  /**
   * Builds the candidates of documents {@code 0..fingerprintsByDocument.length-1}.
   *
   * @param fingerprintsByDocument per document id, what {@link PassageIndex#fingerprints} returned
   *     for its shingles (repeats allowed), or {@code null} for an id that is not in the batch; not
   *     modified or retained
   * @param documentFrequencyCap fingerprints in more than this many documents are ignored, {@code
   *     >= 1}, as in {@link PassageIndex#create}
   * @return the candidates
   * @throws IllegalArgumentException if {@code documentFrequencyCap < 1}
   */
  public static PassageCandidates of(int[][] fingerprintsByDocument, int documentFrequencyCap) {
    if (documentFrequencyCap < 1) {
      throw new IllegalArgumentException(
          "documentFrequencyCap must be >= 1, got " + documentFrequencyCap);
    }
    int documents = fingerprintsByDocument.length;
    long total = 0;
    for (int[] fingerprints : fingerprintsByDocument) {
      total += fingerprints == null ? 0 : fingerprints.length;
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("too many fingerprints for one batch: " + total);
    }
    // Fingerprint in the high half, document in the low half: sorting groups each fingerprint's
    // documents in ascending order, with a document's repeats of one fingerprint adjacent.
    long[] entries = new long[(int) total];
    int e = 0;
    for (int d = 0; d < documents; d++) {
      if (fingerprintsByDocument[d] != null) {
        for (int fingerprint : fingerprintsByDocument[d]) {
          entries[e++] = (long) fingerprint << 32 | d;
        }
      }
    }
    LongArrays.radixSort(entries);
    int distinct = 0;
    for (int i = 0; i < entries.length; i++) {
      if (i == 0 || entries[i] != entries[i - 1]) {
        entries[distinct++] = entries[i];
      }
    }
    // Keep the fingerprints shared by 2..cap documents, numbered in fingerprint order.
    int[] groupDocuments = new int[distinct];
    int[] groupStart = new int[distinct / 2 + 1];
    int groups = 0;
    int kept = 0;
    int[] perDocument = new int[documents + 1];
    for (int start = 0, end; start < distinct; start = end) {
      long fingerprint = entries[start] >> 32;
      end = start + 1;
      while (end < distinct && entries[end] >> 32 == fingerprint) {
        end++;
      }
      int count = end - start;
      if (count >= 2 && count <= documentFrequencyCap) {
        groupStart[groups++] = kept;
        for (int i = start; i < end; i++) {
          int document = (int) entries[i];
          groupDocuments[kept++] = document;
          perDocument[document + 1]++;
        }
      }
    }
    groupStart[groups] = kept;
    // Invert: each document's fingerprint numbers, ascending as the numbers are visited in order.
    for (int d = 0; d < documents; d++) {
      perDocument[d + 1] += perDocument[d];
    }
    int[] documentStart = perDocument.clone();
    int[] documentGroups = new int[kept];
    for (int g = 0; g < groups; g++) {
      for (int i = groupStart[g]; i < groupStart[g + 1]; i++) {
        documentGroups[perDocument[groupDocuments[i]]++] = g;
      }
    }
    return new PassageCandidates(
        Arrays.copyOf(groupStart, groups + 1),
        Arrays.copyOf(groupDocuments, kept),
        documentStart,
        documentGroups);
  }

  /**
   * Calls {@code consumer} once for every unordered pair of documents sharing at least one
   * fingerprint that is in at most {@code documentFrequencyCap} documents, whose smaller id is in
   * {@code [fromDocument, toDocument)}: smaller id first, in increasing order of the first id and
   * then the second. Several threads may call this at once, on disjoint or overlapping ranges.
   *
   * @param fromDocument first id of the range, inclusive
   * @param toDocument end of the range, exclusive
   * @param consumer receives the pairs with their number of shared fingerprints
   * @throws IllegalArgumentException if {@code fromDocument > toDocument}
   */
  public void forEachCandidatePair(int fromDocument, int toDocument, PassagePairConsumer consumer) {
    if (fromDocument > toDocument) {
      throw new IllegalArgumentException(
          "fromDocument must be <= toDocument, got " + fromDocument + " > " + toDocument);
    }
    int documents = documentStart.length - 1;
    // Shared counts by partner id, and the partners touched, reset after each document.
    int[] shared = new int[documents];
    int[] partners = new int[16];
    for (int document = Math.max(0, fromDocument);
        document < Math.min(toDocument, documents);
        document++) {
      int touched = 0;
      for (int k = documentStart[document]; k < documentStart[document + 1]; k++) {
        int g = documentGroups[k];
        // A fingerprint's documents ascend: walk down from the last to the first not above this.
        for (int i = groupStart[g + 1] - 1; i >= groupStart[g]; i--) {
          int partner = groupDocuments[i];
          if (partner <= document) {
            break;
          }
          if (shared[partner]++ == 0) {
            if (touched == partners.length) {
              partners = Arrays.copyOf(partners, 2 * touched);
            }
            partners[touched++] = partner;
          }
        }
      }
      IntArrays.quickSort(partners, 0, touched);
      for (int t = 0; t < touched; t++) {
        int partner = partners[t];
        consumer.accept(document, partner, shared[partner]);
        shared[partner] = 0;
      }
    }
  }

  /** Heap used by the arrays in bytes. */
  public long estimatedBytes() {
    return LshIndex.intArrayBytes(groupStart.length)
        + LshIndex.intArrayBytes(groupDocuments.length)
        + LshIndex.intArrayBytes(documentStart.length)
        + LshIndex.intArrayBytes(documentGroups.length);
  }
}
