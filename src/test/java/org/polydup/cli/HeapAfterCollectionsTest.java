package org.polydup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapAfterCollectionsTest {

  /**
   * What is alive across a collection is counted; garbage dropped before it is not. The
   * collection's announcement comes on another thread, so the test waits for it (not a timing
   * assertion: the wait only bounds a hang).
   */
  @Test
  void countsWhatSurvivesACollection_notGarbageDroppedBeforeIt() throws InterruptedException {
    long[] kept;
    long withKept;
    try (HeapAfterCollections heap = HeapAfterCollections.start()) {
      kept = new long[8 << 20]; // 64 MB alive across the collection
      // Announcements of earlier collections (other tests') may still arrive: collect until one
      // after the allocation is seen, or give up after 30 s and fail.
      for (int i = 0; i < 600 && heap.largestBytes() < 64L << 20; i++) {
        System.gc();
        Thread.sleep(50);
      }
      withKept = heap.largestBytes();
      assertTrue(withKept >= 64L << 20, withKept + " bytes after a collection, 64 MB alive");
      assertTrue(kept.length > 0);
    }
    kept = null;
    try (HeapAfterCollections heap = HeapAfterCollections.start()) {
      for (int i = 0; i < 8; i++) {
        kept = new long[8 << 20]; // garbage by the time of the collection
      }
      kept = null;
      System.gc();
      awaitCollection(heap, 1);
      long withoutKept = heap.largestBytes();
      HeapAfterCollections empty = HeapAfterCollections.start();
      empty.close();
      assertEquals(0, empty.largestBytes(), "no collection seen, nothing reported");
      assertTrue(withoutKept > 0, "a collection was seen");
      // Of the 512 MB allocated, a collection the allocations trigger sees at most the array
      // being replaced and its successor alive; a peak of the pools would hold much more.
      assertTrue(withoutKept < withKept + (128L << 20), withoutKept + " against " + withKept);
    }
  }

  private static void awaitCollection(HeapAfterCollections heap, long collections)
      throws InterruptedException {
    for (int i = 0; i < 600 && heap.collections() < collections; i++) {
      Thread.sleep(50);
    }
    assertTrue(heap.collections() >= collections, "no collection announced in 30 s");
  }
}
