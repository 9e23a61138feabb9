package org.polydup.align;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * Per-thread score sums by document number, with the list of documents touched. Document {@code d}
 * owns {@code slots[2d]} (query stamp in the high half, language number in the low half) and {@code
 * slots[2d + 1]} (the score's bits). The languages are copied from the index the accumulator last
 * served; a query on another index, or after documents were added, copies what it lacks. Also holds
 * the buffers of {@link RarestKeys}, so that a query allocates none.
 */
final class Accumulator {
  /** Low half of an accumulator slot's first long: the document's language number. */
  static final long LANGUAGE_MASK = 0xffff_ffffL;

  /** High half of an accumulator slot's first long: the query that last touched the document. */
  static final long STAMP_MASK = ~LANGUAGE_MASK;

  long[] slots = new long[0];
  int[] touched = new int[16];
  int touchedCount;

  /** The query's keys to read ({@link RarestKeys#choose}) and their posting lists, side by side. */
  long[] rare = new long[EntityIndex.KEYS_PER_QUERY];

  IntArrayList[] rareLists = new IntArrayList[EntityIndex.KEYS_PER_QUERY];

  /** {@link RarestKeys#choose}'s (frequency, index) pairs, and the posting list of each index. */
  long[] order = new long[EntityIndex.KEYS_PER_QUERY];

  IntArrayList[] found = new IntArrayList[EntityIndex.KEYS_PER_QUERY];

  /** Query number that last touched each document: no clearing between queries. */
  int stamp;

  /**
   * The {@link CandidateRanking#id} of the index whose languages {@link #slots} hold (an id rather
   * than the index itself, which the thread would keep alive), and for how many documents.
   */
  long owner = -1;

  int languagesCopied;

  /** Starts a query on the index numbered {@code index}, whose documents have {@code languages}. */
  void reset(long index, IntArrayList languages) {
    touchedCount = 0;
    stamp++;
    int documents = languages.size();
    if (owner != index || stamp == 0) {
      // A new index (or stamps wrapped round): forget every stamp and language.
      owner = index;
      languagesCopied = 0;
      Arrays.fill(slots, 0);
      stamp = 1;
    }
    if (slots.length < 2 * documents) {
      slots = Arrays.copyOf(slots, 2 * Math.max(documents, slots.length));
    }
    int[] languageOf = languages.elements();
    for (int d = languagesCopied; d < documents; d++) {
      slots[2 * d] = languageOf[d] & LANGUAGE_MASK;
    }
    languagesCopied = documents;
  }

  void touch(int document) {
    if (touchedCount == touched.length) {
      touched = Arrays.copyOf(touched, touchedCount * 2);
    }
    touched[touchedCount++] = document;
  }
}
