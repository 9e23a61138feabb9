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
import org.polydup.sketch.ClassicMinHasher;
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

  /**
   * Two signatures equal in exactly one band are candidates, whichever band it is: {@link
   * LshIndex#add}, {@link LshIndex#query} and both forms of {@link LshIndex#forEachCandidatePair}
   * must visit every band, the first and the last included. The other bands differ in every slot (a
   * spurious 32-bit key collision in those is a 2^-32 event, and the values are fixed by the seed).
   */
  @Test
  void signaturesEqualInExactlyOneBand_areCandidates_forEveryBand() {
    LshParameters parameters = LshParameters.of(6, 4);
    int slots = 26; // more slots than the bands use: the two unused ones differ too
    long seed = 17;
    SplittableRandom random = new SplittableRandom(11);
    for (int band = 0; band < parameters.bands(); band++) {
      int[] first = random.ints(slots).toArray();
      int[] second = new int[slots];
      for (int slot = 0; slot < slots; slot++) {
        boolean shared = slot / parameters.rowsPerBand() == band;
        second[slot] = shared ? first[slot] : ~first[slot];
      }
      MinHashSignature a = new MinHashSignature(first, 50, seed);
      MinHashSignature b = new MinHashSignature(second, 50, seed);
      MinHashSignature unrelated = new MinHashSignature(random.ints(slots).toArray(), 50, seed);
      LshIndex index = LshIndex.create(parameters);
      index.add(4, a);
      index.add(7, b);
      index.add(9, unrelated);
      String where = "shared band " + band;
      assertArrayEquals(new int[] {4, 7}, index.query(a), where);
      assertArrayEquals(new int[] {4, 7}, index.query(b), where);
      List<String> pairs = new ArrayList<>();
      index.forEachCandidatePair((x, y) -> pairs.add(x + "-" + y));
      assertEquals(List.of("4-7"), pairs, where);
      List<String> ranged = new ArrayList<>();
      index.forEachCandidatePair(0, 5, (x, y) -> ranged.add(x + "-" + y));
      index.forEachCandidatePair(5, 10, (x, y) -> ranged.add(x + "-" + y));
      assertEquals(List.of("4-7"), ranged, where);
    }
  }

  /**
   * The converse: a band key depends on every row, so signatures that differ in one row of each
   * band (the same row everywhere, for each row in turn) share no band.
   */
  @Test
  void signaturesDifferingInOneRowOfEveryBand_areNotCandidates_forEveryRow() {
    LshParameters parameters = LshParameters.of(6, 4);
    SplittableRandom random = new SplittableRandom(12);
    for (int row = 0; row < parameters.rowsPerBand(); row++) {
      int[] first = random.ints(parameters.slotsUsed()).toArray();
      int[] second = first.clone();
      for (int band = 0; band < parameters.bands(); band++) {
        second[band * parameters.rowsPerBand() + row] ^= 1;
      }
      LshIndex index = LshIndex.create(parameters);
      index.add(4, new MinHashSignature(first, 50, 17));
      index.add(7, new MinHashSignature(second, 50, 17));
      assertArrayEquals(
          new int[] {4}, index.query(new MinHashSignature(first, 50, 17)), "row " + row);
      List<String> pairs = new ArrayList<>();
      index.forEachCandidatePair((x, y) -> pairs.add(x + "-" + y));
      assertEquals(List.of(), pairs, "row " + row);
    }
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
    IllegalArgumentException scheme =
        assertThrows(
            IllegalArgumentException.class,
            () -> index.add(3, ClassicMinHasher.create(128, 17).sign(new long[] {1})));
    assertTrue(scheme.getMessage().endsWith("and scheme CLASSIC"), scheme.getMessage());
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
