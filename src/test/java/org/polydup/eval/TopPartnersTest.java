package org.polydup.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopPartnersTest {
  @Test
  void aTieAtTheTop_isAHitOnlyWhenEveryTiedPartnerIsGold_inEitherOrder() {
    for (boolean goldFirst : new boolean[] {true, false}) {
      TopPartners top = new TopPartners();
      top.offer("d", "weak", 0.1, true);
      if (goldFirst) {
        top.offer("d", "gold", 0.5, true);
        top.offer("d", "twin", 0.5, false);
      } else {
        top.offer("d", "twin", 0.5, false);
        top.offer("d", "gold", 0.5, true);
      }
      assertFalse(top.hit("d"), "gold listed first: " + goldFirst);
    }
    TopPartners both = new TopPartners();
    both.offer("d", "gold", 0.5, true);
    both.offer("d", "other gold", 0.5, true);
    both.offer("d", "below", 0.4, false);
    assertTrue(both.hit("d"));
    assertTrue(both.hit("gold"));
    assertFalse(both.hit("below"));
    assertFalse(both.hit("never offered"));
  }

  @Test
  void aHigherScore_replacesTheTop_whateverCameBefore() {
    TopPartners top = new TopPartners();
    top.offer("d", "wrong", 0.5, false);
    top.offer("d", "wrong too", 0.5, false);
    top.offer("d", "gold", 0.6, true);
    assertTrue(top.hit("d"));
  }

  @Test
  void characters_countCodePoints_notUtf16Units() {
    assertEquals(3, ClusterPairEvaluation.characters("a😀b"));
    assertEquals(4, "a😀b".length());
  }
}
