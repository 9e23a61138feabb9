package org.polydup.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.polydup.verify.ShingleSequence;

class ExactCopiesTest {
  private static ShingleSequence sequence(long... hashes) {
    int[] offsets = new int[hashes.length];
    return new ShingleSequence("text", hashes, offsets, offsets.clone());
  }

  @Test
  void add_groupsEqualSequences_underTheirFirst_andNothingElse() {
    ExactCopies copies = new ExactCopies();
    assertEquals(0, copies.add(sequence(1, 2, 3)));
    assertEquals(1, copies.add(sequence(3, 2, 1))); // same shingles, other order: not a copy
    assertEquals(0, copies.add(sequence(1, 2, 3)));
    assertEquals(3, copies.add(null)); // not analysed
    assertEquals(4, copies.add(sequence())); // no shingles: a copy of nothing
    assertEquals(5, copies.add(sequence()));
    assertEquals(1, copies.add(sequence(3, 2, 1)));
    assertEquals(0, copies.add(sequence(1, 2, 3)));
    int[] firstCopies = copies.firstCopies();
    assertArrayEquals(new int[] {0, 1, 0, 3, 4, 5, 1, 0}, firstCopies);
    assertEquals(
        3, java.util.stream.IntStream.range(0, 8).filter(i -> firstCopies[i] != i).count());
  }

  @Test
  void laterCopies_listsEachFirstCopysLaterOnes_inInputOrder() {
    int[][] later = ExactCopies.laterCopies(new int[] {0, 1, 0, 3, 1, 0});
    assertArrayEquals(new int[] {2, 5}, later[0]);
    assertArrayEquals(new int[] {4}, later[1]);
    assertNull(later[2]);
    assertNull(later[3]);
  }
}
