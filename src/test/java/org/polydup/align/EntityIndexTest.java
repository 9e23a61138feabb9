package org.polydup.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EntityIndexTest {
  @Test
  void selectSmallest_movesTheSmallestToTheFront_forRandomDistinctValues() {
    long seed = 20261122L;
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 2000; round++) {
      int length = 2 + random.nextInt(300);
      // Distinct values, like the packed (frequency, index) ranks: index in the low bits.
      long[] values = new long[length];
      for (int i = 0; i < length; i++) {
        values[i] = ((long) random.nextInt(1 + random.nextInt(50)) << 32) | i;
      }
      int count = 1 + random.nextInt(length - 1);
      long[] expected = values.clone();
      Arrays.sort(expected);
      EntityIndex.selectSmallest(values, count);
      long[] front = Arrays.copyOf(values, count);
      Arrays.sort(front);
      assertArrayEquals(Arrays.copyOf(expected, count), front, "seed " + seed + ", round " + round);
    }
  }
}
