package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.polydup.align.extract.Entity;
import org.polydup.align.extract.EntityKind;
import org.polydup.align.pairwise.AlignedEntityPair;
import org.polydup.align.pairwise.AlignmentResult;

/** The evidence a reported aligned pair carries: its strongest aligned entities. */
class AlignedMatchTest {

  @Test
  void strongest_keepsTheRarestEntitiesInTextOrder_whenEvidenceIsLong() {
    List<AlignedEntityPair> evidence = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      // Every third entity is rare (weight 0.9), the rest common (0.1 .. 0.3).
      double weight = i % 3 == 0 ? 0.9 : 0.1 + (i % 5) * 0.05;
      Entity first = new Entity(i, i, EntityKind.NAME, 10 * i, 10 * i + 5, "n" + i);
      Entity second = new Entity(i, i, EntityKind.NAME, 12 * i, 12 * i + 5, "m" + i);
      evidence.add(new AlignedEntityPair(first, second, weight));
    }
    List<AlignedEntityPair> shown = shown(alignmentOf(evidence));
    assertEquals(AlignedMatch.MAXIMUM_EVIDENCE, shown.size());
    for (int i = 1; i < shown.size(); i++) {
      assertTrue(shown.get(i - 1).first().start() < shown.get(i).first().start(), "text order");
    }
    // 67 rare ones exist; the 64 shown are all rare, and the earliest on the tie.
    assertTrue(shown.stream().allMatch(e -> e.weight() == 0.9));
    assertEquals(0, shown.get(0).first().start());
    assertEquals(10 * 3 * 63, shown.get(63).first().start());
    assertEquals(evidence.subList(0, 10), shown(alignmentOf(evidence.subList(0, 10))));
  }

  @Test
  void strongest_choosesAsTheComparatorSortDid_onRandomWeightsWithManyTies() {
    long seed = 20_261_123L;
    Random random = new Random(seed);
    for (int trial = 0; trial < 200; trial++) {
      int size = AlignedMatch.MAXIMUM_EVIDENCE + random.nextInt(300);
      List<AlignedEntityPair> evidence = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        // Few distinct weights, so most comparisons are ties broken by position.
        double weight = 0.25 * (1 + random.nextInt(6));
        Entity first = new Entity(i, i, EntityKind.NAME, 10 * i, 10 * i + 5, "n" + i);
        Entity second = new Entity(i, i, EntityKind.NAME, 12 * i, 12 * i + 5, "m" + i);
        evidence.add(new AlignedEntityPair(first, second, weight));
      }
      // The definition: a stable sort by weight, heaviest first, then the kept ones in text order.
      List<Integer> order = new ArrayList<>(IntStream.range(0, size).boxed().toList());
      order.sort(
          Comparator.comparingDouble((Integer i) -> -evidence.get(i).weight())
              .thenComparingInt(i -> i));
      List<AlignedEntityPair> expected =
          order.subList(0, AlignedMatch.MAXIMUM_EVIDENCE).stream()
              .sorted()
              .map(evidence::get)
              .toList();
      assertEquals(expected, shown(alignmentOf(evidence)), "seed " + seed + " trial " + trial);
    }
  }

  /** The evidence {@link AlignedMatch#strongest} keeps, in the order it gives. */
  private static List<AlignedEntityPair> shown(AlignmentResult alignment) {
    return Arrays.stream(AlignedMatch.strongest(alignment))
        .mapToObj(alignment.evidence()::get)
        .toList();
  }

  /** A result carrying {@code evidence}, its scores left at 0. */
  private static AlignmentResult alignmentOf(List<AlignedEntityPair> evidence) {
    return new AlignmentResult(Relation.TRANSLATION, 0, 0, 0, 0, 0, true, evidence, false);
  }
}
