package org.polydup.align;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * The choice of the keys a query of {@link EntityIndex} reads: the {@value
 * EntityIndex#KEYS_PER_QUERY} rarest, by the length of their posting lists. Stateless; the buffers
 * are the calling thread's {@link Accumulator}'s.
 */
final class RarestKeys {
  private RarestKeys() {}

  /**
   * Puts the keys of {@code all} a query reads into {@code accumulator.rare}, with their posting
   * lists (or {@code null}) in {@code accumulator.rareLists}, and returns how many: every key when
   * there are at most {@value EntityIndex#KEYS_PER_QUERY}, else the {@value
   * EntityIndex#KEYS_PER_QUERY} rarest. The lists found while ranking the keys are handed on, so
   * the keys read are not looked up again. Must hold a lock of the index that owns {@code
   * postings}.
   */
  static int choose(
      long[] all, int exclude, boolean ownKeys, Accumulator accumulator, PostingLists postings) {
    long[] rare = accumulator.rare;
    IntArrayList[] lists = accumulator.rareLists;
    if (all.length <= EntityIndex.KEYS_PER_QUERY) {
      for (int i = 0; i < all.length; i++) {
        rare[i] = all[i];
        lists[i] = postings.get(all[i]);
      }
      return all.length;
    }
    // Sort (frequency, index) packed into one long: no boxing on a path run for every document.
    // Keys seen only in the query itself are useless; they sort last. When the query is the
    // excluded document's own profile, every one of its keys lists that document: searching each
    // list for it (every key of the text, not only the rarest) was most of this method's time.
    if (accumulator.order.length < all.length) {
      int grown = Math.max(all.length, 2 * accumulator.order.length);
      accumulator.order = new long[grown];
      accumulator.found = new IntArrayList[grown];
    }
    long[] order = accumulator.order;
    IntArrayList[] found = accumulator.found;
    for (int i = 0; i < all.length; i++) {
      IntArrayList list = postings.get(all[i]);
      found[i] = list;
      int frequency = list == null ? 0 : list.size();
      if (list != null
          && exclude >= 0
          && (ownKeys || Arrays.binarySearch(list.elements(), 0, list.size(), exclude) >= 0)) {
        frequency--;
      }
      long rank = frequency == 0 ? Integer.MAX_VALUE : frequency;
      order[i] = (rank << 32) | i;
    }
    // Only the first KEYS_PER_QUERY in that order are read: select them, then sort those alone
    // (sorting every key of a long text was a sixth of the ranking's time).
    selectSmallest(order, all.length, EntityIndex.KEYS_PER_QUERY);
    Arrays.sort(order, 0, EntityIndex.KEYS_PER_QUERY);
    for (int i = 0; i < EntityIndex.KEYS_PER_QUERY; i++) {
      rare[i] = all[(int) order[i]];
      lists[i] = found[(int) order[i]];
    }
    return EntityIndex.KEYS_PER_QUERY;
  }

  /**
   * Moves the {@code count} smallest of the distinct {@code values} to its front, in no particular
   * order (Hoare's quickselect with a median-of-three pivot); {@code 0 < count < values.length}.
   */
  static void selectSmallest(long[] values, int count) {
    selectSmallest(values, values.length, count);
  }

  /** {@link #selectSmallest(long[], int)} on the first {@code length} of {@code values}. */
  private static void selectSmallest(long[] values, int length, int count) {
    int low = 0;
    int high = length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      long pivot =
          Math.max(
              Math.min(values[low], values[middle]),
              Math.min(Math.max(values[low], values[middle]), values[high]));
      int i = low;
      int j = high;
      while (i <= j) {
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long swap = values[i];
          values[i] = values[j];
          values[j] = swap;
          i++;
          j--;
        }
      }
      // Now values[low..j] <= pivot <= values[i..high]; anything between equals the pivot.
      if (count - 1 <= j) {
        high = j;
      } else if (count - 1 >= i) {
        low = i;
      } else {
        return;
      }
    }
  }
}
