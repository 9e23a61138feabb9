package org.polydup;

import java.util.ArrayList;
import java.util.List;

/**
 * A compaction of a {@link DefaultDetector}'s removed slots, from the snapshot it starts from to
 * the rebuilt indexes it swaps in; the detector holds the lock around each step as said here.
 *
 * <p>A removed document's slot is not reused, so a service that removes old stories for months
 * would pile up removed slots; a compaction rebuilds every slot-numbered structure ({@link
 * SlotIndexes}) over the live documents numbered again from 0 in add order, which answers as a
 * fresh detector given them. The rebuild is most of the cost (4 s for 100,000 live documents, 9 s
 * with alignment), so it runs with no lock held: under the write lock the live documents are copied
 * (they are immutable), outside it a new {@link SlotIndexes} is filled from the copy, and under the
 * write lock again it is brought up to date and swapped in. The old structures stay current
 * meanwhile, so adds, removes and queries of other threads go on against them; and what happened
 * meanwhile is read off them rather than from a log of the writes: a copied document whose old slot
 * is empty now was removed (its new slot is emptied), and the old slots past the copy hold the
 * documents added since, in add order, the removed ones empty (the live ones are appended). That
 * covers every interleaving of adds and removes, a copied id removed and added again included (its
 * old slot is empty and the new copy is past the snapshot), since slots are only ever appended and
 * emptied and only one compaction runs at a time. The document frequencies count documents, not
 * slots: they are kept, updated by the writes as ever, and the rebuild does not read them.
 */
final class Compaction {
  /**
   * Removed slots that make the indexes be rebuilt with the live documents renumbered, once they
   * also outnumber the live documents: a slot is never reused, and each removed one keeps memory in
   * the indexes (5 bytes to 3.7 KB, see {@link Detector#remove}), which a service removing old
   * stories for months would otherwise pile up. Rebuilding costs less than half of loading the live
   * documents from a save (their fingerprints and entities are kept), and comes after at least as
   * many removes, so it adds a constant per remove. The remove that triggers it pays it, after
   * releasing the lock: other threads' adds, removes and queries wait only for copying the live
   * documents' references and for the swap (see the class comment).
   */
  static final int MINIMUM_REMOVED = 1024;

  /** The indexes it replaces. */
  private final SlotIndexes source;

  /** Their live documents in slot order, ... */
  private final List<StoredDocument> live;

  /** ... with their slots there, ... */
  private final int[] oldSlots;

  /** ... and the slot count then. */
  private final int end;

  private Compaction(SlotIndexes source, List<StoredDocument> live, int[] oldSlots, int end) {
    this.source = source;
    this.live = live;
    this.oldSlots = oldSlots;
    this.end = end;
  }

  /** Whether enough slots of {@code indexes} are removed for a compaction. Must hold the lock. */
  static boolean isDue(SlotIndexes indexes) {
    int removedSlots = indexes.removedSlots();
    return removedSlots >= MINIMUM_REMOVED && removedSlots > indexes.slotOf.size();
  }

  /**
   * What a compaction of {@code indexes} starts from: their live documents in slot order with their
   * slots there, and the slot count now. Must hold the write lock.
   */
  static Compaction of(SlotIndexes indexes) {
    int liveDocuments = indexes.slotOf.size();
    List<StoredDocument> live = new ArrayList<>(liveDocuments);
    int[] oldSlots = new int[liveDocuments];
    for (int slot = 0; slot < indexes.stored.size(); slot++) {
      StoredDocument document = indexes.stored.get(slot);
      if (document != null) {
        oldSlots[live.size()] = slot;
        live.add(document);
      }
    }
    return new Compaction(indexes, live, oldSlots, indexes.stored.size());
  }

  /**
   * The slot-numbered structures over the documents live in the snapshot; with no lock held. Should
   * it fail (out of memory), the old indexes stay, current.
   */
  SlotIndexes rebuild(Configuration configuration) {
    SlotIndexes rebuilt = new SlotIndexes(configuration);
    for (StoredDocument document : live) {
      rebuilt.add(document);
    }
    return rebuilt;
  }

  /**
   * Brings {@code rebuilt} up to date with the adds and removes made to {@code current} since the
   * snapshot (the class comment says why that is complete). Must hold the write lock.
   *
   * @throws IllegalStateException when {@code current} are not the indexes the snapshot was taken
   *     of
   */
  void catchUp(SlotIndexes current, SlotIndexes rebuilt) {
    if (current != source) {
      throw new IllegalStateException("the indexes were replaced during a compaction");
    }
    // Removes first, so that an id removed and added again is mapped to its new slot.
    for (int slot = 0; slot < oldSlots.length; slot++) {
      if (source.stored.get(oldSlots[slot]) == null) {
        rebuilt.remove(slot);
      }
    }
    for (int slot = end; slot < source.stored.size(); slot++) {
      StoredDocument added = source.stored.get(slot);
      if (added != null) {
        rebuilt.add(added);
      }
    }
  }
}
