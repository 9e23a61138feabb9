package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The side links between two families of versions that a scan drops. */
class SideLinksTest {

  private static CrossLanguageStage.IndexedMatch derived(int x, int y, double score) {
    Match m =
        new Match(
            "d" + x,
            "d" + y,
            Relation.DERIVED,
            null,
            "de",
            "de",
            Scores.ofAlignment(score, score, score, score),
            List.of(),
            List.of());
    return new CrossLanguageStage.IndexedMatch(x, y, m);
  }

  @Test
  void withoutSideLinks_dropsTemplateLink_whenBothDocumentsHaveACloserVersion() {
    // Two chats, each with a close version (0 ~ 1, 2 ~ 3), linked only through the template
    // phrases they share (1 ~ 2); a retelling (4) whose only partner is its source (0).
    List<CrossLanguageStage.IndexedMatch> matches =
        List.of(derived(0, 1, 0.9), derived(2, 3, 0.8), derived(1, 2, 0.35), derived(0, 4, 0.3));
    List<String> kept =
        SideLinks.without(matches, new java.util.BitSet(), 5).stream()
            .map(m -> m.x() + "~" + m.y())
            .toList();
    assertEquals(List.of("0~1", "2~3", "0~4"), kept);
  }

  @Test
  void withoutSideLinks_countsAWholeCopyAsTheClosestVersion() {
    // 0 and 1 each have a verbatim copy the shingle stage settled; their aligned pair is weak.
    java.util.BitSet wholeCopies = new java.util.BitSet();
    wholeCopies.set(0);
    wholeCopies.set(1);
    List<CrossLanguageStage.IndexedMatch> matches = List.of(derived(0, 1, 0.45));
    assertTrue(SideLinks.without(matches, wholeCopies, 2).isEmpty());
    assertEquals(1, SideLinks.without(matches, new java.util.BitSet(), 2).size());
  }
}
