package org.polydup.align;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.polydup.align.EntityIndex.Candidate;
import org.polydup.align.pairwise.KeyStatistics;

/**
 * The ranking of {@link EntityIndex}'s candidates for one query: the IDF mass each document shares
 * with the query's rarest keys, divided by the square root of its own key count, best first in a
 * total order. One per index, reading the index's lists in place; every method must hold one of the
 * index's locks.
 */
final class CandidateRanking {
  private static final AtomicLong NEXT_ID = new AtomicLong();

  /** Tells the per-thread {@link Accumulator}s which index they last served. */
  final long id = NEXT_ID.getAndIncrement();

  private final KeyStatistics statistics;
  private final int maximumPostings;
  private final PostingLists postings;

  /** The index's language number of each document. */
  private final IntArrayList languages;

  /**
   * Per document, a hash of its language and entity keys: candidates of equal score are ranked by
   * it, so which of them a limited list keeps depends on their content, not on the order the
   * documents were added in.
   */
  private final LongArrayList tieBreaks;

  /**
   * @param statistics the key weights
   * @param maximumPostings keys in more documents than this are not read
   * @param postings the index's posting lists
   * @param languages the index's language number of each document (the index appends to it)
   * @param tieBreaks the index's content hash of each document (the index appends to it)
   */
  CandidateRanking(
      KeyStatistics statistics,
      int maximumPostings,
      PostingLists postings,
      IntArrayList languages,
      LongArrayList tieBreaks) {
    this.statistics = statistics;
    this.maximumPostings = maximumPostings;
    this.postings = postings;
    this.languages = languages;
    this.tieBreaks = tieBreaks;
  }

  private static final ThreadLocal<Accumulator> ACCUMULATORS =
      ThreadLocal.withInitial(Accumulator::new);

  /**
   * Up to {@code limit} documents sharing the rarest of {@code keys}, best first: those in {@code
   * language} when {@code sameLanguage}, else those in any other.
   *
   * @param exclude a document number to leave out, or -1
   * @param ownKeys whether {@code keys} are those of {@code exclude}'s own profile
   * @param counts each document's key count, for the normalisation
   */
  List<Candidate> rank(
      long[] keys,
      int limit,
      int exclude,
      boolean ownKeys,
      int language,
      boolean sameLanguage,
      IntArrayList counts) {
    // Scores accumulate in a dense per-thread array (reset through the list of touched
    // documents): a hash map here grew and rehashed on every query. Each document's slot holds
    // its language, the query that last touched it and its score side by side, so a posting costs
    // one cache line rather than three (language, stamp and score arrays).
    Accumulator accumulator = ACCUMULATORS.get();
    int rareCount = RarestKeys.choose(keys, exclude, ownKeys, accumulator, postings);
    long[] rare = accumulator.rare;
    IntArrayList[] rareLists = accumulator.rareLists;
    accumulator.reset(id, languages);
    long[] slots = accumulator.slots;
    long stamp = (long) accumulator.stamp << 32;
    for (int r = 0; r < rareCount; r++) {
      long key = rare[r];
      IntArrayList list = rareLists[r];
      if (list == null || list.size() > maximumPostings) {
        continue;
      }
      double weight = statistics.weight(key);
      int[] documents = list.elements();
      for (int k = 0, n = list.size(); k < n; k++) {
        int document = documents[k];
        int slot = 2 * document;
        long meta = slots[slot];
        if (document != exclude && ((int) meta == language) == sameLanguage) {
          if ((meta & Accumulator.STAMP_MASK) != stamp) {
            slots[slot] = stamp | (meta & Accumulator.LANGUAGE_MASK);
            slots[slot + 1] = Double.doubleToRawLongBits(weight);
            accumulator.touch(document);
          } else {
            slots[slot + 1] =
                Double.doubleToRawLongBits(Double.longBitsToDouble(slots[slot + 1]) + weight);
          }
        }
      }
    }
    // The best `limit` in a primitive min-heap (worst at the root): most touched documents are
    // compared with the root alone and never boxed.
    double[] heapScores = new double[limit];
    int[] heapDocuments = new int[limit];
    int size = 0;
    for (int t = 0; t < accumulator.touchedCount; t++) {
      int document = accumulator.touched[t];
      double score =
          Double.longBitsToDouble(slots[2 * document + 1])
              / Math.sqrt(Math.max(1, counts.getInt(document)));
      if (size < limit) {
        int child = size++;
        while (child > 0) {
          int parent = (child - 1) >>> 1;
          if (!worse(score, document, heapScores[parent], heapDocuments[parent])) {
            break;
          }
          heapScores[child] = heapScores[parent];
          heapDocuments[child] = heapDocuments[parent];
          child = parent;
        }
        heapScores[child] = score;
        heapDocuments[child] = document;
      } else if (worse(heapScores[0], heapDocuments[0], score, document)) {
        int parent = 0;
        while (true) {
          int child = 2 * parent + 1;
          if (child >= size) {
            break;
          }
          if (child + 1 < size
              && worse(
                  heapScores[child + 1],
                  heapDocuments[child + 1],
                  heapScores[child],
                  heapDocuments[child])) {
            child++;
          }
          if (!worse(heapScores[child], heapDocuments[child], score, document)) {
            break;
          }
          heapScores[parent] = heapScores[child];
          heapDocuments[parent] = heapDocuments[child];
          parent = child;
        }
        heapScores[parent] = score;
        heapDocuments[parent] = document;
      }
    }
    List<Candidate> ranked = new ArrayList<>(size);
    for (int k = 0; k < size; k++) {
      ranked.add(new Candidate(heapDocuments[k], heapScores[k]));
    }
    ranked.sort(
        (x, y) ->
            worse(y.score(), y.document(), x.score(), x.document())
                ? -1
                : worse(x.score(), x.document(), y.score(), y.document()) ? 1 : 0);
    return ranked;
  }

  /**
   * Whether (score, document) ranks below (otherScore, otherDocument): a lower score, then on a tie
   * the larger {@link #tieBreaks content hash}, then (for documents with equal content) the later
   * document. Must hold a lock.
   */
  private boolean worse(double score, int document, double otherScore, int otherDocument) {
    int byScore = Double.compare(score, otherScore);
    if (byScore != 0) {
      return byScore < 0;
    }
    int byContent = Long.compare(tieBreaks.getLong(document), tieBreaks.getLong(otherDocument));
    return byContent != 0 ? byContent > 0 : document > otherDocument;
  }
}
