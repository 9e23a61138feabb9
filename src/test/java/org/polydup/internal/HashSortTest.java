package org.polydup.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HashSortTest {

  @Test
  void sortedCopy_equalsArraysSort_forUniformHashesOfEveryLength() {
    long seed = 2026;
    SplittableRandom random = new SplittableRandom(seed);
    for (int length = 0; length < 3_000; length += 1 + length / 8) {
      long[] values = new long[length + 5]; // longer than sorted: only the first length count
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextLong();
      }
      long[] original = values.clone();
      long[] expected = Arrays.copyOf(values, length);
      Arrays.sort(expected);
      assertArrayEquals(expected, HashSort.sortedCopy(values, length), "seed " + seed);
      assertArrayEquals(original, values, "input modified, seed " + seed);
    }
  }

  @Test
  void sortedCopy_isRight_forSkewedValuesAndRepeats() {
    long seed = 7;
    SplittableRandom random = new SplittableRandom(seed);
    long[][] inputs = new long[4][];
    // Small non-negative values all land in one bucket: the fall-back sort.
    inputs[0] = random.longs(500, 0, 1_000).toArray();
    // Extremes and repeats, the sign boundary included.
    inputs[1] = new long[200];
    for (int i = 0; i < inputs[1].length; i++) {
      long[] pool = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE, random.nextLong()};
      inputs[1][i] = pool[random.nextInt(pool.length)];
    }
    // Uniform but with every value twice.
    long[] half = random.longs(300).toArray();
    inputs[2] = new long[600];
    for (int i = 0; i < 600; i++) {
      inputs[2][i] = half[i % 300];
    }
    // Descending uniform values.
    inputs[3] = random.longs(1_000).sorted().toArray();
    for (int i = 0; i < 500; i++) {
      long t = inputs[3][i];
      inputs[3][i] = inputs[3][999 - i];
      inputs[3][999 - i] = t;
    }
    for (long[] values : inputs) {
      long[] expected = values.clone();
      Arrays.sort(expected);
      assertArrayEquals(expected, HashSort.sortedCopy(values, values.length), "seed " + seed);
    }
  }

  @Test
  void sortedCopy_rejectsLengthOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> HashSort.sortedCopy(new long[3], 4));
    assertThrows(IllegalArgumentException.class, () -> HashSort.sortedCopy(new long[3], -1));
  }
}
