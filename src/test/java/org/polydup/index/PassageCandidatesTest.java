package org.polydup.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PassageCandidatesTest {
  /**
   * The batch form must give exactly what the incremental index gives for the same documents:
   * random documents built from a small pool of passages (so many share fingerprints, some in more
   * documents than the cap), with repeated passages inside a document and ids left out.
   */
  @Test
  void forEachCandidatePair_equalsPassageIndex_inEveryRange() {
    SplittableRandom random = new SplittableRandom(17);
    long[][] pool = new long[40][];
    for (int p = 0; p < pool.length; p++) {
      pool[p] = random.longs(12).toArray();
    }
    int documents = 300;
    int cap = 15;
    PassageIndex index = PassageIndex.create(4, cap);
    int[][] fingerprints = new int[documents][];
    for (int d = 0; d < documents; d++) {
      if (d % 37 == 5) {
        continue; // not in the batch
      }
      int passages = random.nextInt(0, 5);
      long[] shingles = new long[passages * 24];
      for (int k = 0; k < passages; k++) {
        System.arraycopy(pool[random.nextInt(pool.length)], 0, shingles, 24 * k, 12);
        System.arraycopy(random.longs(12).toArray(), 0, shingles, 24 * k + 12, 12);
      }
      fingerprints[d] = index.fingerprints(shingles);
      index.addFingerprints(d, fingerprints[d]);
    }
    PassageCandidates candidates = PassageCandidates.of(fingerprints, cap);
    int[] bounds = {0, 1, 50, 51, 299, 400};
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    for (int r = 0; r + 1 < bounds.length; r++) {
      index.forEachCandidatePair(
          bounds[r], bounds[r + 1], (a, b, shared) -> expected.add(a + "," + b + "," + shared));
      candidates.forEachCandidatePair(
          bounds[r], bounds[r + 1], (a, b, shared) -> actual.add(a + "," + b + "," + shared));
    }
    assertTrue(expected.size() > 100, "the test must produce many pairs: " + expected.size());
    assertEquals(expected, actual);
  }

  @Test
  void of_andForEachCandidatePair_rejectBadArguments() {
    assertEquals(
        "documentFrequencyCap must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> PassageCandidates.of(new int[1][], 0))
            .getMessage());
    PassageCandidates empty = PassageCandidates.of(new int[2][], 5);
    assertEquals(
        "fromDocument must be <= toDocument, got 2 > 1",
        assertThrows(
                IllegalArgumentException.class,
                () -> empty.forEachCandidatePair(2, 1, (a, b, shared) -> {}))
            .getMessage());
  }
}
