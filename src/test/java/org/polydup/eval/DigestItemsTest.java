package org.polydup.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestItemsTest {
  private static final String DIGEST =
      "www.daily-digest.ch — Der Morgen-Newsletter | 17.04.2022\n"
          + "\n"
          + "1. Theaterhistoriker Günther Rühle 97-jährig gestorben\n"
          + "Er hat sich als Theaterkritiker profiliert und als Intendant.\n"
          + "Weiterlesen → https://www.daily-digest.ch/2022/04/dxnunre0ys\n"
          + "\n"
          + "2. Yorbe Vertessen verhilft PSV zur Tabellenführung\n"
          + "Weiterlesen → https://www.daily-digest.ch/2022/04/knpq6s9opi\n"
          + "\n"
          + "Sie erhalten diese E-Mail, weil Sie den Newsletter abonniert haben. Abmelden";

  @Test
  void items_dropMastheadNumberingAndFooter() {
    List<String> items = DigestItems.items(DIGEST);
    assertEquals(
        List.of(
            "Theaterhistoriker Günther Rühle 97-jährig gestorben\n"
                + "Er hat sich als Theaterkritiker profiliert und als Intendant.",
            "Yorbe Vertessen verhilft PSV zur Tabellenführung"),
        items);
  }

  @Test
  void shape_countsLinesAndWideCharactersThreeTimes() {
    int twoShortLines = DigestItems.shape("Headline\nteaser");
    int oneWideLine = DigestItems.shape("東京".repeat(60));
    assertEquals(3, twoShortLines); // 2 lines, < 150
    assertEquals(2, oneWideLine); // 1 line, 120 Han characters count 360
  }

  @Test
  void testdataSubset_attributesMostDigestItemsToTheirStories() {
    DigestItems.Table table = DigestItems.count(Path.of("testdata/syndication"), null);
    int own = Arrays.stream(table.own).sum();
    assertTrue(table.digests > 0, "the subset has digests");
    // Every digest quotes its own story once; a subset may miss the story of a few.
    assertTrue(own >= 0.9 * table.digests && own <= table.digests, own + " of " + table.digests);
    // The subset keeps few bystander stories, but some: quoted as a headline and one snippet,
    // the shape most own items also have.
    int twoLinesShort = DigestItems.shape("Headline\nteaser");
    assertTrue(table.bystander[twoLinesShort] > 0, "bystanders of the link-preview shape");
    assertTrue(table.own[twoLinesShort] > 0, "own items of the link-preview shape");
    // Each item counts once, in one column: an own item used to count again as a bystander for
    // each copy of its story that keeps its opening (1,623 bystanders on the full set, 1,401 now).
    int bystander = Arrays.stream(table.bystander).sum();
    assertEquals(table.items, own + bystander + table.unattributed + table.ownCopies);
  }
}
