package org.polydup.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShingleSequenceTest {

  private static ShingleSequence sequence(int[] starts, int[] ends) {
    long[] positional = new long[starts.length];
    for (int i = 0; i < positional.length; i++) {
      positional[i] = 0x9E37_79B9_7F4A_7C15L * (i % 3 + 1); // repeats, so distinct < positions
    }
    return new ShingleSequence("", positional, starts, ends);
  }

  @Test
  void spans_comeBackAsGiven_whetherTheLengthsFitInACharOrNot() {
    int[] starts = {0, 6, 12, 70_000, 70_010};
    int[] narrowEnds = {11, 17, 65_547, 70_020, 70_030}; // the longest span is 65,535 chars
    int[] wideEnds = {11, 17, 65_548, 70_020, 70_030}; // one span of 65,536 does not fit a char
    ShingleSequence narrow = sequence(starts, narrowEnds);
    ShingleSequence wide = sequence(starts, wideEnds);
    for (int i = 0; i < starts.length; i++) {
      assertEquals(starts[i], narrow.startAt(i));
      assertEquals(narrowEnds[i], narrow.endAt(i));
      assertEquals(starts[i], wide.startAt(i));
      assertEquals(wideEnds[i], wide.endAt(i));
    }
    // Two bytes a position for the ends where they fit, four where they do not.
    assertEquals(2L * starts.length, wide.estimatedBytes() - narrow.estimatedBytes());
  }

  @Test
  void anEndBeforeItsStart_isKeptAsGiven() {
    ShingleSequence odd = sequence(new int[] {10, 20}, new int[] {5, 30});
    assertEquals(5, odd.endAt(0));
    assertEquals(30, odd.endAt(1));
  }

  @Test
  void arraysOfOtherLengths_areRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ShingleSequence("", new long[2], new int[2], new int[1]));
    assertTrue(sequence(new int[0], new int[0]).estimatedBytes() > 0);
  }
}
