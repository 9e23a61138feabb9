package org.polydup.align.pairwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.polydup.align.extract.Entity;
import org.polydup.align.extract.EntityKind;
import org.polydup.align.extract.EntityProfile;

/** {@link KeyStatistics}: document frequencies counted once per document, exact cases. */
class KeyStatisticsTest {

  private static EntityProfile profile(long[] keys, long[] wordKeys) {
    List<Entity> entities = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      entities.add(new Entity(keys[i], wordKeys[i], EntityKind.NAME, i, i + 1, "x"));
    }
    return new EntityProfile("en", keys.length, entities);
  }

  @Test
  void remove_undoesAdd_keyByKey_andRejectsWhatWasNeverCounted() {
    KeyStatistics statistics = new KeyStatistics();
    EntityProfile first = profile(new long[] {3, 3, 7, 3}, new long[] {3, 4, 8, 9});
    EntityProfile second = profile(new long[] {7}, new long[] {4});
    statistics.add(first);
    statistics.add(second);
    double weightOfSeven = statistics.weight(7);
    statistics.remove(first);
    assertEquals(1, statistics.documentCount());
    assertEquals(0, statistics.documentFrequency(3));
    assertEquals(1, statistics.documentFrequency(4));
    assertEquals(1, statistics.documentFrequency(7));
    assertEquals(0, statistics.documentFrequency(8));
    assertTrue(statistics.weight(7) > weightOfSeven, "a key in fewer documents weighs more");
    assertThrows(IllegalStateException.class, () -> statistics.remove(first));
    statistics.remove(second);
    assertEquals(0, statistics.documentCount());
    assertEquals(0, statistics.documentFrequency(7));
  }

  @Test
  void add_countsEachDistinctKeyOncePerDocument_whetherAnchorOrWordKeyOrRepeated() {
    KeyStatistics statistics = new KeyStatistics();
    // Key 3 is an anchor key three times and a word key once; 4 only a word key.
    statistics.add(profile(new long[] {3, 3, 7, 3}, new long[] {3, 4, 8, 9}));
    statistics.add(profile(new long[] {7}, new long[] {4}));
    statistics.add(profile(new long[0], new long[0]));
    assertEquals(3, statistics.documentCount());
    assertEquals(1, statistics.documentFrequency(3));
    assertEquals(2, statistics.documentFrequency(4));
    assertEquals(2, statistics.documentFrequency(7));
    assertEquals(1, statistics.documentFrequency(8));
    assertEquals(1, statistics.documentFrequency(9));
    assertEquals(0, statistics.documentFrequency(5));
    statistics.freeze();
    assertThrows(
        IllegalStateException.class, () -> statistics.add(profile(new long[0], new long[0])));
  }

  @Test
  void add_matchesADistinctCount_onRandomProfilesWithManyRepeats() {
    long seed = 20_261_127L;
    Random random = new Random(seed);
    KeyStatistics statistics = new KeyStatistics();
    int keySpace = 50;
    int[] expected = new int[keySpace];
    for (int d = 0; d < 200; d++) {
      int size = random.nextInt(40);
      long[] keys = new long[size];
      long[] wordKeys = new long[size];
      boolean[] seen = new boolean[keySpace];
      for (int i = 0; i < size; i++) {
        keys[i] = random.nextInt(keySpace);
        wordKeys[i] = random.nextInt(keySpace);
        seen[(int) keys[i]] = true;
        seen[(int) wordKeys[i]] = true;
      }
      for (int k = 0; k < keySpace; k++) {
        expected[k] += seen[k] ? 1 : 0;
      }
      statistics.add(profile(keys, wordKeys));
    }
    for (int k = 0; k < keySpace; k++) {
      assertEquals(expected[k], statistics.documentFrequency(k), "key " + k + ", seed " + seed);
    }
  }
}
