package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RelationTest {
  @Test
  void fromLabel_null_throwsNamingTheParameter() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Relation.fromLabel(null));
    assertEquals("label", e.getMessage());
  }

  @Test
  void fromLabel_readsEveryLabel_ignoringCaseAndSpace() {
    for (Relation relation : Relation.values()) {
      assertEquals(relation, Relation.fromLabel(relation.label()));
      assertEquals(relation, Relation.fromLabel(" " + relation.name() + "\n"));
    }
    assertThrows(IllegalArgumentException.class, () -> Relation.fromLabel("bogus"));
  }
}
