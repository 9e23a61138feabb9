package org.polydup.align.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.polydup.align.CrossLanguageMatcher;
import org.polydup.align.XlingChats;

/**
 * {@link GrowingStructureIndex} against the batch {@link StructureIndex}: the same tables and
 * buckets, so the same candidate pairs whether the texts come all at once or one at a time.
 */
class GrowingStructureIndexTest {
  /** The structure-only rule's minimum ({@code StructureRule.STRUCTURE_ONLY_PARAGRAPHS}). */
  private static final int MINIMUM_PARAGRAPHS = 8;

  /** The real chats, and random texts of 8-20 paragraphs with translations, some merged. */
  private static List<ParagraphShape> shapes() throws IOException {
    List<ParagraphShape> shapes = new ArrayList<>();
    for (CrossLanguageMatcher.Doc doc : XlingChats.load(false, new HashMap<>())) {
      shapes.add(ParagraphShape.of(doc.text()));
    }
    Random random = new Random(11);
    for (int i = 0; i < 150; i++) {
      int[] lengths =
          IntStream.generate(() -> 20 + random.nextInt(300)).limit(8 + i % 13).toArray();
      shapes.add(StructureIndexTest.shape(lengths));
      int[] translated =
          IntStream.of(lengths).map(n -> (int) (n * (1.0 + 0.1 * random.nextDouble()))).toArray();
      shapes.add(
          StructureIndexTest.shape(
              i % 3 == 0 ? ParagraphShapeTest.merged(translated, random) : translated));
    }
    return shapes;
  }

  @Test
  void candidates_areTheBatchPairs_whenEveryTextIsAdded() throws IOException {
    List<ParagraphShape> shapes = shapes();
    // Every text its own language: the batch then pairs all texts, as the growing index does.
    int[] language = IntStream.range(0, shapes.size()).toArray();
    long[] batch =
        StructureIndex.candidatePairs(
            shapes.toArray(ParagraphShape[]::new), language, MINIMUM_PARAGRAPHS);
    GrowingStructureIndex index = new GrowingStructureIndex(MINIMUM_PARAGRAPHS);
    for (int d = 0; d < shapes.size(); d++) {
      index.add(d, shapes.get(d));
    }
    LongOpenHashSet growing = new LongOpenHashSet();
    for (int d = 0; d < shapes.size(); d++) {
      for (int other : index.candidates(shapes.get(d))) {
        if (other != d) {
          growing.add(d < other ? (long) d << 32 | other : (long) other << 32 | d);
        }
      }
    }
    assertTrue(batch.length > 150, "candidate pairs: " + batch.length);
    assertEquals(new LongOpenHashSet(batch), growing);
  }

  @Test
  void remove_leavesTheCandidatesOfAnIndexThatNeverHadTheText_andReusesItsPlaces()
      throws IOException {
    List<ParagraphShape> shapes = shapes();
    GrowingStructureIndex kept = new GrowingStructureIndex(MINIMUM_PARAGRAPHS);
    GrowingStructureIndex removed = new GrowingStructureIndex(MINIMUM_PARAGRAPHS);
    for (int d = 0; d < shapes.size(); d++) {
      removed.add(d, shapes.get(d));
      if (d % 2 == 0) {
        kept.add(d, shapes.get(d));
      }
    }
    for (int d = 1; d < shapes.size(); d += 2) {
      removed.remove(d, shapes.get(d));
    }
    int found = 0;
    for (ParagraphShape shape : shapes) {
      assertEquals(kept.candidates(shape), removed.candidates(shape));
      found += kept.candidates(shape).size();
    }
    assertTrue(found > shapes.size(), "candidates: " + found);
    // Added again into the freed places: the same as adding them to the index that never had them.
    for (int d = 1; d < shapes.size(); d += 2) {
      removed.add(d, shapes.get(d));
      kept.add(d, shapes.get(d));
    }
    for (ParagraphShape shape : shapes) {
      assertEquals(kept.candidates(shape), removed.candidates(shape));
    }
  }

  @Test
  void shortTexts_takeNoPlace_andFindNothing() {
    GrowingStructureIndex index = new GrowingStructureIndex(MINIMUM_PARAGRAPHS);
    ParagraphShape few = StructureIndexTest.shape(new int[] {100, 200, 300});
    index.add(0, few);
    index.add(1, few);
    assertTrue(index.candidates(few).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> index.add(-1, few));
  }
}
