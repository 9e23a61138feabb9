package org.polydup.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.polydup.sketch.MinHashSignature;
import org.polydup.sketch.MinHasher;

class LshIndexTest {
  private static final MinHasher HASHER = MinHasher.create(128, 17);
  private static final LshParameters PARAMETERS = LshParameters.of(20, 5);

  /** A random set of {@code size} shingles. */
  private static long[] randomSet(SplittableRandom random, int size) {
    return random.longs(size).toArray();
  }

  /** A copy of {@code base} with {@code changed} shingles replaced by fresh ones. */
  private static long[] nearCopy(long[] base, int changed, SplittableRandom random) {
    long[] copy = base.clone();
    for (int i = 0; i < changed; i++) {
      copy[random.nextInt(copy.length)] = random.nextLong();
    }
    return copy;
  }

  @Test
  void query_findsNearDuplicate_andNotUnrelatedDocument() {
    SplittableRandom random = new SplittableRandom(1);
    long[] story = randomSet(random, 300);
    LshIndex index = LshIndex.create(PARAMETERS);
    index.add(1, HASHER.sign(story));
    index.add(2, HASHER.sign(randomSet(random, 300)));
    index.add(3, HASHER.sign(nearCopy(story, 10, random)));
    assertArrayEquals(new int[] {1, 3}, index.query(HASHER.sign(nearCopy(story, 5, random))));
    assertArrayEquals(new int[0], index.query(HASHER.sign(new long[0])));
    assertEquals(3, index.size());
  }

  @Test
  void remove_dropsDocumentFromEveryBucket_andAddReplacesEarlierSignature() {
    SplittableRandom random = new SplittableRandom(2);
    long[] story = randomSet(random, 200);
    LshIndex index = LshIndex.create(PARAMETERS);
    index.add(1, HASHER.sign(story));
    index.add(2, HASHER.sign(story));
    index.add(3, HASHER.sign(story));
    assertTrue(index.remove(2));
    assertFalse(index.remove(2));
    assertArrayEquals(new int[] {1, 3}, index.query(HASHER.sign(story)));
    index.add(3, HASHER.sign(randomSet(random, 200)));
    assertArrayEquals(new int[] {1}, index.query(HASHER.sign(story)));
    assertTrue(index.remove(1));
    assertArrayEquals(new int[0], index.query(HASHER.sign(story)));
    assertEquals(1, index.size());
  }

  @Test
  void emptySignature_isCountedButNeverACandidate() {
    LshIndex index = LshIndex.create(PARAMETERS);
    index.add(1, HASHER.sign(new long[0]));
    index.add(2, HASHER.sign(new long[0]));
    assertEquals(2, index.size());
    assertArrayEquals(new int[0], index.query(HASHER.sign(new long[0])));
    List<int[]> pairs = new ArrayList<>();
    index.forEachCandidatePair((a, b) -> pairs.add(new int[] {a, b}));
    assertTrue(pairs.isEmpty());
    assertTrue(index.remove(1));
  }

  @Test
  void forEachCandidatePair_reportsEachPairOnceWithSmallerIdFirst_andMatchesQuery() {
    SplittableRandom random = new SplittableRandom(3);
    LshIndex index = LshIndex.create(PARAMETERS);
    List<MinHashSignature> signatures = new ArrayList<>();
    for (int story = 0; story < 50; story++) {
      long[] base = randomSet(random, 100 + random.nextInt(300));
      int copies = 1 + random.nextInt(4);
      for (int copy = 0; copy < copies; copy++) {
        signatures.add(HASHER.sign(nearCopy(base, random.nextInt(20), random)));
      }
    }
    // Ids out of insertion order, to check the ordering contract.
    int[] ids = new int[signatures.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (i * 7919) % 1009;
      index.add(ids[i], signatures.get(i));
    }
    Set<Long> seen = new HashSet<>();
    index.forEachCandidatePair(
        (a, b) -> {
          assertTrue(a < b, a + " < " + b);
          assertTrue(seen.add(((long) a << 32) | (b & 0xFFFFFFFFL)), "duplicate " + a + "," + b);
        });
    Set<Long> expected = new HashSet<>();
    for (int i = 0; i < ids.length; i++) {
      for (int other : index.query(signatures.get(i))) {
        if (other > ids[i]) {
          expected.add(((long) ids[i] << 32) | (other & 0xFFFFFFFFL));
        }
      }
    }
    assertEquals(expected, seen);
    assertTrue(seen.size() >= 50, "near copies must collide: " + seen.size());
  }

  @Test
  void forEachCandidatePairInRange_givesTheWholeRunsPairsInOrder_whenRangesCoverTheIds() {
    SplittableRandom random = new SplittableRandom(5);
    LshIndex index = LshIndex.create(PARAMETERS);
    int id = 0;
    for (int story = 0; story < 40; story++) {
      long[] base = randomSet(random, 100 + random.nextInt(300));
      for (int copy = 0; copy < 3; copy++) {
        // Gaps in the ids, and a sparse tail, exercise both ways of listing a range.
        index.add(id, HASHER.sign(nearCopy(base, random.nextInt(20), random)));
        id += story < 30 ? 1 + random.nextInt(2) : 5000;
      }
    }
    List<Long> whole = new ArrayList<>();
    index.forEachCandidatePair((a, b) -> whole.add(((long) a << 32) | b));
    List<Long> split = new ArrayList<>();
    int[] bounds = {0, 7, 8, 50, 51, 300, id + 1};
    for (int r = 0; r + 1 < bounds.length; r++) {
      index.forEachCandidatePair(
          bounds[r], bounds[r + 1], (a, b) -> split.add(((long) a << 32) | b));
    }
    assertEquals(whole, split);
    assertTrue(whole.size() >= 40, "near copies must collide: " + whole.size());
    assertThrows(
        IllegalArgumentException.class, () -> index.forEachCandidatePair(5, 4, (a, b) -> {}));
  }

  @Test
  void add_rejectsIncompatibleOrShortSignatures() {
    LshIndex index = LshIndex.create(PARAMETERS);
    assertEquals(
        "documentId must be >= 0, got -5",
        assertThrows(
                IllegalArgumentException.class, () -> index.add(-5, HASHER.sign(new long[] {1})))
            .getMessage());
    index.add(1, HASHER.sign(new long[] {1, 2}));
    IllegalArgumentException seed =
        assertThrows(
            IllegalArgumentException.class,
            () -> index.add(2, MinHasher.create(128, 18).sign(new long[] {1})));
    assertTrue(seed.getMessage().contains("got seed 18"), seed.getMessage());
    IllegalArgumentException shortOne =
        assertThrows(
            IllegalArgumentException.class,
            () -> index.query(MinHasher.create(64, 17).sign(new long[] {1})));
    assertEquals(
        "signature must have at least bands * rowsPerBand = 100 slots, got 64",
        shortOne.getMessage());
  }

  /**
   * 20k random documents with 20 bands: the estimate stays within the ~500 bytes/document budget.
   * (The estimate itself was checked once against JOL; see the LshIndex Javadoc.)
   */
  @Test
  void estimatedBytes_staysUnder500BytesPerDocument_atTwentyBands() {
    SplittableRandom random = new SplittableRandom(4);
    LshIndex index = LshIndex.create(PARAMETERS);
    int documents = 20_000;
    for (int i = 0; i < documents; i++) {
      int[] values = new int[128];
      for (int j = 0; j < values.length; j++) {
        values[j] = random.nextInt();
      }
      index.add(i, new MinHashSignature(values, 100, 17));
    }
    double perDocument = (double) index.estimatedBytes() / documents;
    assertTrue(perDocument > 200 && perDocument < 500, "bytes per document " + perDocument);
  }

  /**
   * Four writers add disjoint id ranges while four readers query documents already added: no add is
   * lost and a query never misses a document whose add has returned.
   */
  @Test
  void concurrentWritersAndReaders_loseNoAdds_andSeeEveryCompletedAdd() throws Exception {
    int writers = 4;
    int perWriter = 1500;
    int total = writers * perWriter;
    SplittableRandom random = new SplittableRandom(5);
    MinHashSignature[] signatures = new MinHashSignature[total];
    for (int i = 0; i < total; i++) {
      signatures[i] = HASHER.sign(randomSet(random, 50 + random.nextInt(100)));
    }
    LshIndex index = LshIndex.create(PARAMETERS);
    AtomicIntegerArray added = new AtomicIntegerArray(total);
    AtomicBoolean writing = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int first = w * perWriter;
      threads.add(
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int id = first; id < first + perWriter; id++) {
                    index.add(id, signatures[id]);
                    added.set(id, 1);
                    if (id % 10 == 0) {
                      // Churn: remove and re-add, which must not disturb other documents.
                      index.remove(id);
                      index.add(id, signatures[id]);
                    }
                  }
                } catch (Throwable t) {
                  failures.add(t);
                }
              }));
    }
    for (int r = 0; r < 4; r++) {
      long readerSeed = r;
      threads.add(
          new Thread(
              () -> {
                SplittableRandom readerRandom = new SplittableRandom(readerSeed);
                try {
                  start.await();
                  while (writing.get()) {
                    int id = readerRandom.nextInt(total);
                    if (added.get(id) == 1 && id % 10 != 0) {
                      int[] found = index.query(signatures[id]);
                      if (Arrays.binarySearch(found, id) < 0) {
                        failures.add(new AssertionError("query missed completed add " + id));
                      }
                    }
                  }
                } catch (Throwable t) {
                  failures.add(t);
                }
              }));
    }
    threads.forEach(Thread::start);
    start.countDown();
    for (int w = 0; w < writers; w++) {
      threads.get(w).join();
    }
    writing.set(false);
    for (Thread thread : threads) {
      thread.join();
    }
    assertTrue(failures.isEmpty(), () -> failures.peek().toString());
    assertEquals(total, index.size());
    for (int id = 0; id < total; id++) {
      assertTrue(Arrays.binarySearch(index.query(signatures[id]), id) >= 0, "id " + id);
    }
  }
}
