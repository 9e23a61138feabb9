package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InputOrderTest {
  private static Match match(String a, String b, Relation relation) {
    return new Match(
        a,
        b,
        relation,
        null,
        "en",
        "en",
        Scores.ofAlignment(0.5, 0.5, 0.5, 0.5),
        List.of(),
        List.of());
  }

  @Test
  void sort_ordersByInputPositionOfAThenB_notById() {
    // Ids whose alphabetical order is not the input order, so a sort by id would fail.
    List<Document> documents = new ArrayList<>();
    String[] ids = {"zeta", "alpha", "mu", "beta", "omega", "delta"};
    for (String id : ids) {
      documents.add(new Document(id, "text of " + id, null));
    }
    List<Match> expected = new ArrayList<>();
    for (int x = 0; x < ids.length; x++) {
      for (int y = 0; y < ids.length; y++) {
        if (x != y) {
          expected.add(match(ids[x], ids[y], Relation.DUPLICATE));
        }
      }
    }
    List<Match> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new Random(7));
    new InputOrder(documents).sort(shuffled);
    assertEquals(expected, shuffled);
  }

  @Test
  void sort_keepsTheOrderOfMatchesOfOnePair() {
    List<Document> documents =
        List.of(new Document("b", "one", null), new Document("a", "two", null));
    List<Match> matches = new ArrayList<>();
    matches.add(match("a", "b", Relation.RELATED));
    matches.add(match("b", "a", Relation.DERIVED));
    matches.add(match("a", "b", Relation.TRANSLATION));
    matches.add(match("b", "a", Relation.DUPLICATE));
    new InputOrder(documents).sort(matches);
    assertEquals(
        List.of(Relation.DERIVED, Relation.DUPLICATE, Relation.RELATED, Relation.TRANSLATION),
        matches.stream().map(Match::relation).toList());
  }

  @Test
  void sort_isStable_beyondTheInsertionSortOfShortRuns() {
    // fastutil sorts runs under 16 elements by insertion; 200 matches over 3 pairs of positions,
    // shuffled, reach its merges. Each match carries its number in a score, to read its order.
    List<Document> documents =
        List.of(
            new Document("c", "one", null),
            new Document("a", "two", null),
            new Document("b", "three", null));
    String[][] pairs = {{"b", "a"}, {"c", "b"}, {"a", "c"}};
    List<Match> matches = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String[] pair = pairs[(i * 7) % 3];
      matches.add(
          new Match(
              pair[0],
              pair[1],
              Relation.DUPLICATE,
              null,
              "en",
              "en",
              Scores.ofAlignment(i, 0, 0, 0),
              List.of(),
              List.of()));
    }
    Collections.shuffle(matches, new Random(11));
    List<Double> shuffledOrder = matches.stream().map(m -> m.scores().alignment()).toList();
    new InputOrder(documents).sort(matches);
    String previousPair = "";
    double previousNumber = -1;
    int pairsSeen = 0;
    for (Match m : matches) {
      String pair = m.a() + m.b();
      if (!pair.equals(previousPair)) {
        pairsSeen++;
        previousPair = pair;
        previousNumber = -1;
      }
      // Stable: within one pair, the order the shuffle gave.
      double number = m.scores().alignment();
      assertTrue(
          shuffledOrder.indexOf(number) > shuffledOrder.indexOf(previousNumber),
          "match " + number + " after " + previousNumber);
      previousNumber = number;
    }
    assertEquals(3, pairsSeen);
    assertEquals(List.of("c", "a", "b"), matches.stream().map(Match::a).distinct().toList());
  }
}
