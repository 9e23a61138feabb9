package org.polydup.index;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import org.polydup.internal.Mixing;
import org.polydup.verify.ShingleSequence;

/**
 * The documents of a batch whose texts are the same word for word, as the first of them: only that
 * first copy enters the candidate indexes. Not thread-safe; fed in input order.
 *
 * <h2>Rationale</h2>
 *
 * Every two of n copies of one text share every band and every passage, so n copies were n(n-1)/2
 * candidate pairs, each verified exactly and written out with its evidence: a corpus of short posts
 * with one line copied 3,000 times gave 4.5 million pairs (a 1.8 GB pairs.jsonl, 56 s and 4.7 GB of
 * memory), and 10,000 copies would not fit. The pairs among the copies tell a reader nothing the
 * cluster does not; so a batch pairs each copy with the first of them, checks it on its own against
 * every candidate of that first copy, and leaves out the pairs of two later copies.
 *
 * <p>"Word for word" is the analyser's view: the same shingles in the same order (so the same words
 * after normalisation, whatever the spacing, case or markup). A hash of the sequence finds the
 * earlier copy and the sequences are then compared in full, so a hash collision groups nothing.
 */
public final class ExactCopies {
  /** First document of each text seen, by the hash of its shingle sequence. */
  private final Long2ObjectOpenHashMap<First> firstByHash = new Long2ObjectOpenHashMap<>();

  /** By input position, the position of the first document with the same text (itself if none). */
  private final IntArrayList firstCopy = new IntArrayList();

  private record First(int position, ShingleSequence shingles) {}

  /**
   * Records the next document in input order.
   *
   * @param shingles its shingle sequence, or {@code null} when it could not be analysed (it is then
   *     a copy of nothing)
   * @return the input position of the first document with the same text: its own position when it
   *     is the first (or has no shingles)
   */
  public int add(ShingleSequence shingles) {
    int position = firstCopy.size();
    int first = position;
    if (shingles != null && shingles.length() > 0) {
      long hash = hashOf(shingles);
      First earlier = firstByHash.get(hash);
      if (earlier == null) {
        firstByHash.put(hash, new First(position, shingles));
      } else if (earlier.shingles().sameShinglesAs(shingles)) {
        first = earlier.position();
      }
    }
    firstCopy.add(first);
    return first;
  }

  /** By input position, the position of the first document with the same text (itself if none). */
  public int[] firstCopies() {
    return firstCopy.toIntArray();
  }

  /**
   * The copies of each first copy, by input position of the first: {@code null} for documents with
   * no later copy, else the later copies' positions in input order.
   */
  public static int[][] laterCopies(int[] firstCopies) {
    int[] counts = new int[firstCopies.length];
    for (int i = 0; i < firstCopies.length; i++) {
      if (firstCopies[i] != i) {
        counts[firstCopies[i]]++;
      }
    }
    int[][] later = new int[firstCopies.length][];
    for (int i = 0; i < firstCopies.length; i++) {
      int first = firstCopies[i];
      if (first != i) {
        if (later[first] == null) {
          later[first] = new int[counts[first]];
          counts[first] = 0;
        }
        later[first][counts[first]++] = i;
      }
    }
    return later;
  }

  private static long hashOf(ShingleSequence shingles) {
    long hash = shingles.length();
    for (int i = 0, n = shingles.length(); i < n; i++) {
      hash = Mixing.fmix64(hash ^ shingles.hashAt(i)) + i;
    }
    return hash;
  }
}
