package org.polydup.verify;

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
}
