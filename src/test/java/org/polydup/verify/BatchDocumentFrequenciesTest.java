package org.polydup.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class BatchDocumentFrequenciesTest {

  /** Distinct sorted shingle sets drawn with a skew, so that low pool indices become common. */
  private static List<long[]> skewedSets(
      SplittableRandom random, long[] pool, int documents, int draws, double power) {
    List<long[]> sets = new ArrayList<>();
    for (int doc = 0; doc < documents; doc++) {
      long[] shingles = new long[draws];
      for (int i = 0; i < shingles.length; i++) {
        shingles[i] = pool[(int) (pool.length * Math.pow(random.nextDouble(), power))];
      }
      sets.add(Arrays.stream(shingles).sorted().distinct().toArray());
    }
    return sets;
  }

  private static long[] randomPool(SplittableRandom random, int size) {
    long[] pool = new long[size];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = random.nextLong();
    }
    return pool;
  }

  /**
   * The batch sketch must count as the exact one does, up to its cap, with either kind of counter
   * (bytes below a threshold of 255, ints from it) and either way of counting.
   */
  @Test
  void counts_areTheExactSketchs_cappedAboveTheThreshold_forByteAndIntCounters() throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    long[] pool = randomPool(random, 30_000);
    // 2,000 documents of skewed draws: the commonest shingles are in hundreds of them, past every
    // cap tested and past the 255 a byte holds, the rarest in two or three.
    List<long[]> sets = skewedSets(random, pool, 2_000, 80, 2);
    // Narrower than the pool (32,768 cells a row for about 160,000 increments): many shingles
    // share cells, so a lost or misplaced increment shows in the counts.
    DocumentFrequencies exact = new DocumentFrequencies(30_000, 5);
    for (long[] set : sets) {
      exact.addDocument(set);
    }
    for (int commonAbove : new int[] {5, 254, 255, 400}) {
      BatchDocumentFrequencies plain = new BatchDocumentFrequencies(30_000, commonAbove);
      for (long[] set : sets) {
        plain.addDocumentFromOneThread(set);
      }
      List<BatchDocumentFrequencies> counted = new ArrayList<>(List.of(plain));
      for (int threads : new int[] {1, 2, 3, 8}) {
        BatchDocumentFrequencies parallel = new BatchDocumentFrequencies(30_000, commonAbove);
        ForkJoinPool forkJoin = new ForkJoinPool(threads);
        try {
          forkJoin.submit(() -> parallel.addDocuments(sets)).get();
        } finally {
          forkJoin.shutdown();
        }
        counted.add(parallel);
      }
      int common = 0;
      for (BatchDocumentFrequencies batch : counted) {
        for (long h : pool) {
          int expected = Math.min(exact.count(h), commonAbove + 1);
          assertEquals(expected, batch.count(h), "commonAbove " + commonAbove);
          assertEquals(
              exact.count(h) > commonAbove, batch.isCommon(h), "commonAbove " + commonAbove);
          common += batch.isCommon(h) ? 1 : 0;
        }
      }
      assertTrue(common > 0 && common < counted.size() * pool.length, "common " + common);
    }
  }

  @Test
  void aCounterStopsAtTheCap_insteadOfWrappingPastAByte() {
    long shingle = 0x1234_5678_9ABC_DEF0L;
    BatchDocumentFrequencies frequencies = new BatchDocumentFrequencies(1_000, 200);
    for (int doc = 0; doc < 300; doc++) {
      frequencies.addDocumentFromOneThread(new long[] {shingle});
    }
    // 300 wraps a byte to 44; the counter must stop at 201 and stay common.
    assertEquals(201, frequencies.count(shingle));
    assertTrue(frequencies.isCommon(shingle));
  }

  @Test
  void theLargestThreshold_countsWithoutOverflow() {
    long shingle = 0x0FED_CBA9_8765_4321L;
    BatchDocumentFrequencies frequencies = new BatchDocumentFrequencies(1_000, Integer.MAX_VALUE);
    for (int doc = 0; doc < 3; doc++) {
      frequencies.addDocumentFromOneThread(new long[] {shingle});
    }
    assertEquals(3, frequencies.count(shingle));
    assertFalse(frequencies.isCommon(shingle));
  }

  @Test
  void badArguments_areNamed_sizeFirst() {
    IllegalArgumentException both =
        assertThrows(IllegalArgumentException.class, () -> new BatchDocumentFrequencies(0, 0));
    assertEquals("expectedDistinctShingles must be >= 1, got 0", both.getMessage());
    IllegalArgumentException threshold =
        assertThrows(IllegalArgumentException.class, () -> new BatchDocumentFrequencies(10, 0));
    assertEquals("commonAbove must be >= 1, got 0", threshold.getMessage());
  }

  @Test
  void addDocumentFromOneThread_countsAsTheExactSketch_acrossHeldBackBatches() {
    // Enough increments to fill the held-back batch (2^20 cells) and carry on, plus one document
    // too large for a batch at all; a narrow sketch, so cells are shared and a lost, doubled or
    // misplaced increment shows.
    SplittableRandom random = new SplittableRandom(23);
    long[] pool = randomPool(random, 50_000);
    List<long[]> sets = skewedSets(random, pool, 6_000, 200, 2);
    long[] huge = randomPool(random, 600_000);
    Arrays.sort(huge);
    sets.add(3_000, huge);
    DocumentFrequencies exact = new DocumentFrequencies(50_000, 40);
    BatchDocumentFrequencies heldBack = new BatchDocumentFrequencies(50_000, 40);
    for (long[] set : sets) {
      exact.addDocument(set);
      heldBack.addDocumentFromOneThread(set);
    }
    int common = 0;
    for (long h : pool) {
      assertEquals(Math.min(41, exact.count(h)), heldBack.count(h));
      common += heldBack.isCommon(h) ? 1 : 0;
    }
    for (int i = 0; i < huge.length; i += 1_000) {
      assertEquals(Math.min(41, exact.count(huge[i])), heldBack.count(huge[i]));
    }
    assertTrue(common > 0 && common < pool.length, "common " + common);
  }

  @Test
  void freezeWithPositions_marksWhatTheSketchCallsCommon() {
    SplittableRandom random = new SplittableRandom(17);
    long[] pool = randomPool(random, 400);
    int documents = 120;
    ShingleSequence[] sequences = new ShingleSequence[documents];
    BatchDocumentFrequencies frequencies = new BatchDocumentFrequencies(1_000, 5);
    for (int doc = 0; doc < documents; doc++) {
      if (doc % 7 == 3) {
        continue; // a document that could not be analysed
      }
      // Skewed draws with repeats: some shingles common, some positions repeating a shingle.
      int length = doc % 11 == 0 ? 0 : 1 + random.nextInt(150);
      long[] positional = new long[length];
      for (int i = 0; i < length; i++) {
        positional[i] = pool[(int) (pool.length * Math.pow(random.nextDouble(), 3))];
      }
      sequences[doc] = new ShingleSequence("", positional, new int[length], new int[length]);
      frequencies.addDocumentFromOneThread(sequences[doc].distinct());
    }
    BoilerplatePositions[] positions = new BoilerplatePositions[documents];
    ShingleRarity frozen = frequencies.freezeInParallel(sequences, positions);
    int marked = 0;
    for (long h : pool) {
      boolean inSomeDocument =
          Arrays.stream(sequences)
              .anyMatch(s -> s != null && Arrays.binarySearch(s.distinct(), h) >= 0);
      // The frozen set holds the common shingles of the counted documents, and only those.
      assertEquals(inSomeDocument && frequencies.isCommon(h), frozen.isCommon(h));
    }
    for (int doc = 0; doc < documents; doc++) {
      if (sequences[doc] == null) {
        assertEquals(null, positions[doc]);
        continue;
      }
      BoilerplatePositions expected = BoilerplatePositions.of(sequences[doc], frequencies);
      assertEquals(expected.share(), positions[doc].share(), "document " + doc);
      for (int i = 0; i <= sequences[doc].length(); i++) {
        assertEquals(expected.isCommon(i), positions[doc].isCommon(i), "document " + doc);
      }
      marked += positions[doc].countCommon(0, sequences[doc].length());
    }
    assertTrue(marked > 0, "the test must have boilerplate");
    assertThrows(
        IllegalArgumentException.class,
        () -> frequencies.freezeInParallel(sequences, new BoilerplatePositions[1]));
  }

  @Test
  void counters_takeAByteEach_belowAThresholdOf255() {
    // 2^16 cells a row: two rows of bytes, or of ints from a threshold of 255.
    assertEquals(2L << 16, new BatchDocumentFrequencies(1 << 16, 50).estimatedBytes());
    assertEquals(2L << 16, new BatchDocumentFrequencies(1 << 16, 254).estimatedBytes());
    assertEquals(8L << 16, new BatchDocumentFrequencies(1 << 16, 255).estimatedBytes());
    assertFalse(new BatchDocumentFrequencies(1 << 16, 50).isCommon(42));
  }
}
