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
      removed.addDocument(shingles);
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
}
