package org.polydup.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageListTest {

  @Test
  void packedPassagesReadBackInOrderAndSurviveBufferReuse() {
    int[] buffer = new int[5];
    for (int k = 0; k < 7; k++) {
      buffer = PassageList.put(buffer, k, 10 * k, 10 * k + 5, 20 * k, 20 * k + 5, k + 1);
    }
    List<SharedPassage> passages = PassageList.copyOf(buffer, 7);
    // The caller reuses its buffer for the next pair; the list must not see it.
    PassageList.put(buffer, 0, -1, -1, -1, -1, -1);

    assertEquals(7, passages.size());
    for (int k = 0; k < 7; k++) {
      assertEquals(
          new SharedPassage(10 * k, 10 * k + 5, 20 * k, 20 * k + 5, k + 1), passages.get(k));
    }
    assertEquals(
        List.of(new SharedPassage(0, 5, 0, 5, 1), new SharedPassage(10, 15, 20, 25, 2)),
        passages.subList(0, 2));
  }

  @Test
  void emptyAndOutOfRange() {
    assertTrue(PassageList.copyOf(new int[5], 0).isEmpty());
    List<SharedPassage> one = PassageList.copyOf(new int[] {1, 2, 3, 4, 5}, 1);
    assertThrows(IndexOutOfBoundsException.class, () -> one.get(1));
    assertThrows(IndexOutOfBoundsException.class, () -> one.get(-1));
    assertThrows(UnsupportedOperationException.class, () -> one.add(one.get(0)));
  }
}
