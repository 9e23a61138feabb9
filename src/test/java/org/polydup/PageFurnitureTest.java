package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polydup.align.AlignedEntityPair;
import org.polydup.align.Entity;
import org.polydup.align.EntityKind;
import org.polydup.verify.ShingleRarity;
import org.polydup.verify.ShingleSequence;

class PageFurnitureTest {
  //                                0         1         2         3         4
  //                                0123456789012345678901234567890123456789012345
  private static final String TEXT = "Mayor Alda Brent wins. Unsubscribe from this list";

  /** Word 3-gram shingles of TEXT: hashes 1..6, the last two (the footer) boilerplate. */
  private static ShingleSequence shingles() {
    int[] starts = {0, 6, 11, 17, 23, 35};
    int[] ends = {16, 21, 34, 39, 44, 49};
    return new ShingleSequence(TEXT, new long[] {1, 2, 3, 4, 5, 6}, starts, ends);
  }

  private static final ShingleRarity FOOTER = hash -> hash >= 5;

  private static AlignedEntityPair aligned(int start, int end) {
    Entity e = new Entity(start, start, EntityKind.WORD, start, end, TEXT.substring(start, end));
    return new AlignedEntityPair(e, e, 0.5);
  }

  @Test
  void touchesBoilerplate_isTrueOnlyWhereACommonShingleOverlapsTheEntity() {
    assertFalse(PageFurniture.touchesBoilerplate(shingles(), FOOTER, 6, 10), "Alda");
    assertFalse(PageFurniture.touchesBoilerplate(shingles(), FOOTER, 17, 21), "wins");
    assertTrue(PageFurniture.touchesBoilerplate(shingles(), FOOTER, 23, 34), "Unsubscribe");
    assertTrue(PageFurniture.touchesBoilerplate(shingles(), FOOTER, 45, 49), "list");
    assertFalse(PageFurniture.touchesBoilerplate(shingles(), ShingleRarity.NONE, 23, 34));
  }

  @Test
  void without_dropsFurnitureEntities_andKeepsTheStoryInOrder() {
    List<AlignedEntityPair> evidence = List.of(aligned(0, 5), aligned(11, 16), aligned(23, 34));
    List<AlignedEntityPair> story = PageFurniture.without(evidence, shingles(), shingles(), FOOTER);
    assertEquals(evidence.subList(0, 2), story);
    assertSame(
        evidence, PageFurniture.without(evidence, shingles(), shingles(), ShingleRarity.NONE));
  }
}
