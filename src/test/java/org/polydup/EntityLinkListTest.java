package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityLinkListTest {
  private static final String[] KINDS = {"name", "number"};
  private static final String UK = "Малайзія заплатить 20 мільярдів";
  private static final String EN = "Malaysia will pay 20 billion";

  private static EntityLinkList links() {
    return new EntityLinkList(
        UK, EN, KINDS, new byte[] {0, 1}, new int[] {0, 8, 0, 8, 19, 21, 18, 20});
  }

  @Test
  void get_buildsTheLinkWithTheSurfacesItsOffsetsCover() {
    assertEquals(
        List.of(
            new EntityLink("name", "Малайзія", 0, 8, "Malaysia", 0, 8),
            new EntityLink("number", "20", 19, 21, "20", 18, 20)),
        links());
  }

  @Test
  void match_keepsTheListItself_andEqualsOneWithTheSameLinksAsRecords() {
    EntityLinkList links = links();
    Match compact = match(links);
    assertSame(links, compact.entities());
    assertEquals(match(List.copyOf(links)), compact);
  }

  @Test
  void constructor_rejectsOffsetsOutsideTheTexts_andAMissingOffset() {
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> new EntityLinkList(UK, EN, KINDS, new byte[] {0}, new int[] {0, 8, 25, 29}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EntityLinkList(UK, EN, KINDS, new byte[] {0}, new int[] {0, 8, 0}));
    assertThrows(IndexOutOfBoundsException.class, () -> links().get(2));
  }

  @Test
  void list_isImmutable() {
    assertThrows(UnsupportedOperationException.class, () -> links().remove(0));
  }

  private static Match match(List<EntityLink> links) {
    return new Match(
        "uk",
        "en",
        Relation.TRANSLATION,
        null,
        "uk",
        "en",
        Scores.ofAlignment(0.9, 0.9, 0.9, 0.9),
        List.of(),
        links);
  }
}
