package org.polydup.sketch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MinHasherTest {
  private static final long[] SET = {1L, 2L, 3L, 42L, -7L, Long.MAX_VALUE, 0L};

  @Test
  void create_rejectsOutOfRangeNumberOfPermutations_withNamedMessage() {
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> MinHasher.create(0, 1));
    assertEquals("numberOfPermutations must be in [1, 4096], got 0", zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MinHasher.create(4097, 1));
    assertThrows(IllegalArgumentException.class, () -> ClassicMinHasher.create(-1, 1));
  }

  @Test
  void sign_isDeterministic_forEqualSeeds_andDiffersForOtherSeeds() {
    assertEquals(MinHasher.create(64, 9).sign(SET), MinHasher.create(64, 9).sign(SET));
    assertNotEquals(MinHasher.create(64, 9).sign(SET), MinHasher.create(64, 10).sign(SET));
    assertEquals(
        ClassicMinHasher.create(64, 9).sign(SET), ClassicMinHasher.create(64, 9).sign(SET));
  }

  @Test
  void sign_countsDistinctShingles_andIgnoresOrderAndRepeats() {
    MinHasher hasher = MinHasher.create(128, 1);
    long[] repeated = {3L, 1L, 3L, 2L, 1L, 3L};
    MinHashSignature signature = hasher.sign(repeated);
    assertEquals(3, signature.setSize());
    assertEquals(hasher.sign(new long[] {1L, 2L, 3L}), signature);
    assertEquals(3, ClassicMinHasher.create(16, 1).sign(repeated).setSize());
  }

  @Test
  void sign_countsZeroHashAsAShingle() {
    assertEquals(1, MinHasher.create(8, 1).sign(new long[] {0L, 0L}).setSize());
  }

  @Test
  void sign_emptySet_givesAllOnesAndSizeZero() {
    for (MinHashSignature empty :
        List.of(
            MinHasher.create(16, 3).sign(new long[0]),
            ClassicMinHasher.create(16, 3).sign(new long[0]))) {
      assertEquals(0, empty.setSize());
      assertTrue(empty.isEmpty());
      int[] expected = new int[16];
      Arrays.fill(expected, -1);
      assertArrayEquals(expected, empty.values());
    }
  }

  @Test
  void sign_singleShingle_fillsEverySlotWithItsValue() {
    MinHashSignature signature = MinHasher.create(32, 5).sign(new long[] {12345L});
    for (int i = 0; i < 32; i++) {
      assertEquals(signature.value(0), signature.value(i));
    }
  }

  @Test
  void sign_isThreadSafe_whenOneHasherIsShared() throws Exception {
    MinHasher hasher = MinHasher.create(128, 11);
    SplittableRandom random = new SplittableRandom(1);
    List<long[]> inputs = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      inputs.add(random.longs(1 + random.nextInt(2000)).toArray());
    }
    List<MinHashSignature> expected = inputs.stream().map(hasher::sign).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<MinHashSignature>>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> inputs.stream().map(hasher::sign).toList()));
      }
      for (Future<List<MinHashSignature>> future : futures) {
        assertEquals(expected, future.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void sign_largeThenSmallDocument_givesSameResultAsFreshHasher() {
    MinHasher hasher = MinHasher.create(64, 2);
    long[] small = {5L, 6L, 7L};
    hasher.sign(new SplittableRandom(3).longs(100_000).toArray());
    assertEquals(MinHasher.create(64, 2).sign(small), hasher.sign(small));
  }

  /** The rank-table shortcut for sparsely filled bins must give exactly the probing result. */
  @Test
  void sign_rankTableDensification_equalsProbingDensification() {
    SplittableRandom random = new SplittableRandom(21);
    for (int k : new int[] {8, 128, 512}) {
      MinHasher fast = MinHasher.create(k, 99);
      MinHasher probing = MinHasher.createWithoutRankTable(k, 99);
      for (int trial = 0; trial < 300; trial++) {
        long[] set = random.longs(1 + random.nextInt(Math.max(2, k / 2))).toArray();
        assertEquals(probing.sign(set), fast.sign(set), "k=" + k + " trial " + trial);
      }
    }
  }
}
