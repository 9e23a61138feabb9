package org.polydup.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DocumentFrequenciesTest {

  @Test
  void count_neverUnderCounts_andFlagsOnlyFrequentShingles() {
    long seed = 42;
    SplittableRandom random = new SplittableRandom(seed);
    DocumentFrequencies frequencies = new DocumentFrequencies(20_000, 10);
    Map<Long, Integer> exact = new HashMap<>();
    long boilerplate = random.nextLong();
    for (int doc = 0; doc < 100; doc++) {
      long[] shingles = new long[200];
      for (int i = 0; i < shingles.length - 1; i++) {
        shingles[i] = random.nextLong();
      }
      shingles[shingles.length - 1] = boilerplate;
      java.util.Arrays.sort(shingles);
      frequencies.addDocument(shingles);
      for (long s : shingles) {
        exact.merge(s, 1, Integer::sum);
      }
    }
    int falselyCommon = 0;
    for (Map.Entry<Long, Integer> e : exact.entrySet()) {
      assertTrue(frequencies.count(e.getKey()) >= e.getValue(), "seed " + seed);
      if (e.getValue() <= 10 && frequencies.isCommon(e.getKey())) {
        falselyCommon++;
      }
    }
    assertTrue(frequencies.isCommon(boilerplate));
    assertFalse(falselyCommon > 0, falselyCommon + " rare shingles taken for common, seed " + seed);
  }

  @Test
  void removeDocument_restoresTheCountsOfASketchThatNeverHadIt() {
    SplittableRandom random = new SplittableRandom(13);
    DocumentFrequencies kept = new DocumentFrequencies(5_000, 10);
    DocumentFrequencies removed = new DocumentFrequencies(5_000, 10);
    long[] pool = new long[300];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = random.nextLong();
    }
    java.util.List<long[]> all = new java.util.ArrayList<>();
    for (int doc = 0; doc < 200; doc++) {
      // Skewed: the first shingles of the pool are in many documents, the last in few.
      long[] shingles =
          random
              .doubles(40)
              .mapToLong(u -> pool[(int) (pool.length * u * u * u)])
              .distinct()
              .sorted()
              .toArray();
      all.add(shingles);
      // Both ways of adding: the atomic one and the held-back one of a single thread.
      if (doc % 3 == 0) {
        removed.addDocument(shingles);
      } else {
        removed.addDocumentFromOneThread(shingles);
      }
      if (doc % 2 == 0) {
        kept.addDocument(shingles);
      }
    }
    for (int doc = 1; doc < all.size(); doc += 2) {
      removed.removeDocument(all.get(doc));
    }
    int common = 0;
    for (long shingle : pool) {
      assertEquals(kept.count(shingle), removed.count(shingle));
      assertEquals(kept.isCommon(shingle), removed.isCommon(shingle));
      common += kept.isCommon(shingle) ? 1 : 0;
    }
    assertTrue(common > 0 && common < pool.length, "common shingles: " + common);
  }

  @Test
  void freezeInParallel_givesTheSameVerdictsAsFreeze() {
    SplittableRandom random = new SplittableRandom(7);
    DocumentFrequencies frequencies = new DocumentFrequencies(5_000, 3);
    long[] pool = new long[400];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = random.nextLong();
    }
    java.util.List<long[]> sets = new java.util.ArrayList<>();
    for (int doc = 0; doc < 60; doc++) {
      long[] shingles = new long[50];
      for (int i = 0; i < shingles.length; i++) {
        // Skewed draws: low indices recur across documents and become common.
        shingles[i] = pool[(int) (pool.length * Math.pow(random.nextDouble(), 3))];
      }
      long[] distinct = java.util.Arrays.stream(shingles).sorted().distinct().toArray();
      frequencies.addDocument(distinct);
      sets.add(distinct);
    }
    ShingleRarity sequential = frequencies.freeze(sets);
    ShingleRarity parallel = frequencies.freezeInParallel(sets);
    int common = 0;
    for (long h : pool) {
      assertEquals(sequential.isCommon(h), parallel.isCommon(h));
      common += parallel.isCommon(h) ? 1 : 0;
    }
    assertTrue(common > 0 && common < pool.length, "common " + common);
  }

  @Test
  void addDocuments_andPlainIncrements_countAsAddDocumentDoes_onEveryNumberOfThreads()
      throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    long[] pool = new long[3_000];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = random.nextLong();
    }
    java.util.List<long[]> sets = new java.util.ArrayList<>();
    for (int doc = 0; doc < 300; doc++) {
      long[] shingles = new long[80];
      for (int i = 0; i < shingles.length; i++) {
        shingles[i] = pool[(int) (pool.length * Math.pow(random.nextDouble(), 2))];
      }
      sets.add(java.util.Arrays.stream(shingles).sorted().distinct().toArray());
    }
    // Narrow on purpose (1,024 cells a row): many shingles share cells, so a lost or misplaced
    // increment shows in the counts.
    DocumentFrequencies oneByOne = new DocumentFrequencies(1_000, 5);
    for (long[] set : sets) {
      oneByOne.addDocument(set);
    }
    DocumentFrequencies plain = new DocumentFrequencies(1_000, 5);
    for (long[] set : sets) {
      plain.addDocumentFromOneThread(set);
    }
    for (long h : pool) {
      assertEquals(oneByOne.count(h), plain.count(h), "plain increments");
    }
    for (int threads : new int[] {1, 2, 3, 8}) {
      DocumentFrequencies batch = new DocumentFrequencies(1_000, 5);
      java.util.concurrent.ForkJoinPool forkJoin = new java.util.concurrent.ForkJoinPool(threads);
      try {
        forkJoin.submit(() -> batch.addDocuments(sets)).get();
      } finally {
        forkJoin.shutdown();
      }
      for (long h : pool) {
        assertEquals(oneByOne.count(h), batch.count(h), "threads " + threads);
        assertEquals(oneByOne.isCommon(h), batch.isCommon(h), "threads " + threads);
      }
    }
  }

  @Test
  void freezeWithPositions_marksWhatTheFrozenRarityMarks() {
    SplittableRandom random = new SplittableRandom(17);
    long[] pool = new long[400];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = random.nextLong();
    }
    int documents = 120;
    ShingleSequence[] sequences = new ShingleSequence[documents];
    java.util.List<long[]> sets = new java.util.ArrayList<>();
    DocumentFrequencies frequencies = new DocumentFrequencies(1_000, 5);
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
      sets.add(sequences[doc].distinct());
      frequencies.addDocument(sequences[doc].distinct());
    }
    ShingleRarity frozen = frequencies.freezeInParallel(sets);
    BoilerplatePositions[] positions = new BoilerplatePositions[documents];
    ShingleRarity fused = frequencies.freezeInParallel(sequences, positions);
    int marked = 0;
    for (long h : pool) {
      assertEquals(frozen.isCommon(h), fused.isCommon(h));
    }
    for (int doc = 0; doc < documents; doc++) {
      if (sequences[doc] == null) {
        assertEquals(null, positions[doc]);
        continue;
      }
      BoilerplatePositions expected = BoilerplatePositions.of(sequences[doc], frozen);
      assertEquals(expected.share(), positions[doc].share(), "document " + doc);
      for (int i = 0; i <= sequences[doc].length(); i++) {
        assertEquals(expected.isCommon(i), positions[doc].isCommon(i), "document " + doc);
      }
      marked += positions[doc].countCommon(0, sequences[doc].length());
    }
    assertTrue(marked > 0, "the test must have boilerplate");
  }

  @Test
  void addDocumentFromOneThread_countsAsAddDocumentDoes_acrossHeldBackBatches() {
    // Enough increments to fill the held-back batch (2^20 cells) and carry on, plus one document
    // too large for a batch at all; a narrow sketch, so cells are shared and a lost, doubled or
    // misplaced increment shows.
    SplittableRandom random = new SplittableRandom(23);
    long[] pool = new long[50_000];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = random.nextLong();
    }
    java.util.List<long[]> sets = new java.util.ArrayList<>();
    for (int doc = 0; doc < 6_000; doc++) {
      long[] shingles = new long[200];
      for (int i = 0; i < shingles.length; i++) {
        shingles[i] = pool[(int) (pool.length * Math.pow(random.nextDouble(), 2))];
      }
      sets.add(java.util.Arrays.stream(shingles).sorted().distinct().toArray());
    }
    long[] huge = new long[600_000];
    for (int i = 0; i < huge.length; i++) {
      huge[i] = random.nextLong();
    }
    java.util.Arrays.sort(huge);
    sets.add(3_000, huge);
    DocumentFrequencies atomic = new DocumentFrequencies(50_000, 40);
    DocumentFrequencies heldBack = new DocumentFrequencies(50_000, 40);
    for (long[] set : sets) {
      atomic.addDocument(set);
      heldBack.addDocumentFromOneThread(set);
    }
    int common = 0;
    for (long h : pool) {
      assertEquals(atomic.count(h), heldBack.count(h));
      common += heldBack.isCommon(h) ? 1 : 0;
    }
    for (int i = 0; i < huge.length; i += 1_000) {
      assertEquals(atomic.count(huge[i]), heldBack.count(huge[i]));
    }
    assertTrue(common > 0 && common < pool.length, "common " + common);
  }
}
