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
 * documentFrequencyCap} documents can never contribute to a pair and are dropped there. Each
 * document then keeps, as one flat array with offsets, the later documents it shares a kept
 * fingerprint with, once per fingerprint shared. Compared with the incremental index's hash map of
 * one small posting array per fingerprint, this holds a few million fewer objects for the garbage
 * collector to trace and copy; and the pair search reads each document's partners in one sequential
 * sweep. It used to keep each fingerprint's documents and each document's fingerprints, so the
 * search jumped to a random fingerprint's list for every fingerprint of every document, two cache
 * misses each: on bulk that search took 0.6 s of one thread, the sweep over the 8.4 million partner
 * entries 0.12 s, for 14 MB more memory and about 0.04 s more to build.
 */
public final class PassageCandidates {
  /**
   * Per document {@code d}: its later partners are {@code partners[partnerStart[d]..partnerStart[d
   * + 1])}, a partner once per kept fingerprint the two share.
   */
  private final int[] partnerStart;

  /** The later partners of each document, by document, in no particular order within one. */
  private final int[] partners;

  private PassageCandidates(int[] partnerStart, int[] partners) {
    this.partnerStart = partnerStart;
    this.partners = partners;
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
    // Keep the fingerprints shared by 2..cap documents. A fingerprint's documents ascend, so each
    // one's later partners are the ones after it: count them per document, then fill.
    int[] partnerStart = new int[documents + 1];
    forEachKeptGroup(
        entries,
        distinct,
        documentFrequencyCap,
        (start, end) -> {
          for (int i = start; i < end - 1; i++) {
            partnerStart[(int) entries[i] + 1] += end - 1 - i;
          }
        });
    long sum = 0;
    for (int d = 0; d < documents; d++) {
      sum += partnerStart[d + 1];
      if (sum > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("too many passage partners for one batch: " + sum);
      }
      partnerStart[d + 1] = (int) sum;
    }
    int[] next = Arrays.copyOf(partnerStart, documents);
    int[] partners = new int[partnerStart[documents]];
    forEachKeptGroup(
        entries,
        distinct,
        documentFrequencyCap,
        (start, end) -> {
          for (int i = start; i < end - 1; i++) {
            int document = (int) entries[i];
            for (int k = i + 1; k < end; k++) {
              partners[next[document]++] = (int) entries[k];
            }
          }
        });
    return new PassageCandidates(partnerStart, partners);
  }

  /** Receives one kept fingerprint's entries, {@code entries[start..end)}. */
  private interface GroupConsumer {
    void accept(int start, int end);
  }

  /**
   * Calls {@code consumer} for each fingerprint of the sorted distinct {@code entries[0..distinct)}
   * that is in 2 to {@code documentFrequencyCap} documents, in fingerprint order.
   */
  private static void forEachKeptGroup(
      long[] entries, int distinct, int documentFrequencyCap, GroupConsumer consumer) {
    for (int start = 0, end; start < distinct; start = end) {
      long fingerprint = entries[start] >> 32;
      end = start + 1;
      while (end < distinct && entries[end] >> 32 == fingerprint) {
        end++;
      }
      int count = end - start;
      if (count >= 2 && count <= documentFrequencyCap) {
        consumer.accept(start, end);
      }
    }
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
    int documents = partnerStart.length - 1;
    // Shared counts by partner id, and the partners touched, reset after each document.
    int[] shared = new int[documents];
    int[] touchedPartners = new int[16];
    for (int document = Math.max(0, fromDocument);
        document < Math.min(toDocument, documents);
        document++) {
      int touched = 0;
      for (int k = partnerStart[document]; k < partnerStart[document + 1]; k++) {
        int partner = partners[k];
        if (shared[partner]++ == 0) {
          if (touched == touchedPartners.length) {
            touchedPartners = Arrays.copyOf(touchedPartners, 2 * touched);
          }
          touchedPartners[touched++] = partner;
        }
      }
      IntArrays.quickSort(touchedPartners, 0, touched);
      for (int t = 0; t < touched; t++) {
        int partner = touchedPartners[t];
        consumer.accept(document, partner, shared[partner]);
        shared[partner] = 0;
      }
    }
  }

  /** Heap used by the arrays in bytes. */
  public long estimatedBytes() {
    return LshIndex.intArrayBytes(partnerStart.length) + LshIndex.intArrayBytes(partners.length);
  }
}
