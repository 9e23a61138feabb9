package org.polydup.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polydup.Document;
import org.polydup.Match;
import org.polydup.Polydup;
import org.polydup.Relation;
import org.polydup.ScanResult;
import org.polydup.Scores;
import org.polydup.eval.SyndicationEvaluation;
import org.polydup.sketch.Estimate;

class DeduplicatorTest {
  private static final Deduplicator LONGEST =
      new Deduplicator(Deduplicator.Keep.LONGEST, Deduplicator.DEFAULT_MINIMUM_COVERAGE);
  private static final Deduplicator FIRST =
      new Deduplicator(Deduplicator.Keep.FIRST, Deduplicator.DEFAULT_MINIMUM_COVERAGE);

  private static Document doc(String id, int length) {
    return new Document(id, "x".repeat(length), null);
  }

  private static Match match(
      String a, String b, Relation relation, String container, double coverageA, double coverageB) {
    Scores scores =
        Scores.ofShingles(new Estimate(0.5, 0.4, 0.6), 0.5, 0.5, 0.5, coverageA, coverageB);
    return new Match(a, b, relation, container, "en", "en", scores, List.of(), List.of());
  }

  @Test
  void duplicates_keepTheLongest_orTheFirst() {
    List<Document> docs = List.of(doc("a", 100), doc("b", 120), doc("c", 90));
    List<Match> matches =
        List.of(
            match("a", "b", Relation.DUPLICATE, null, 0.9, 0.85),
            match("b", "c", Relation.DUPLICATE, null, 0.8, 0.95));

    Deduplicator.Result longest = LONGEST.deduplicate(docs, matches);
    Deduplicator.Result first = FIRST.deduplicate(docs, matches);

    assertEquals(List.of("b"), longest.kept());
    assertEquals(
        List.of(
            new Deduplicator.Dropped("a", "b", Relation.DUPLICATE, 0.9),
            new Deduplicator.Dropped("c", "b", Relation.DUPLICATE, 0.95)),
        longest.dropped());
    // a is kept first; b is a's duplicate; c is b's, but b is gone and c is not a's duplicate.
    assertEquals(List.of("a", "c"), first.kept());
  }

  @Test
  void aDuplicateTooShortForPassages_reportsTheShareOfItsShinglesFound() {
    List<Document> docs = List.of(doc("a", 12), doc("b", 12));
    Scores noPassages = Scores.ofShingles(new Estimate(1, 0.9, 1), 1.0, 1.0, 1.0, 0.0, 0.0);
    Match m =
        new Match("a", "b", Relation.DUPLICATE, null, "en", "en", noPassages, List.of(), List.of());

    Deduplicator.Result result = FIRST.deduplicate(docs, List.of(m));

    assertEquals(
        List.of(new Deduplicator.Dropped("b", "a", Relation.DUPLICATE, 1.0)), result.dropped());
  }

  @Test
  void aContainedText_isDroppedOnlyIntoItsContainer_andOnlyWhenNearlyAllOfItIsThere() {
    List<Document> docs =
        List.of(doc("story", 500), doc("page", 900), doc("digest", 1000), doc("other", 400));
    List<Match> matches =
        List.of(
            match("story", "page", Relation.CONTAINED, "page", 0.97, 0.55),
            // A digest quotes the lead of "other": a fifth of it. Not enough to drop it.
            match("digest", "other", Relation.CONTAINED, "digest", 0.05, 0.2));

    Deduplicator.Result longest = LONGEST.deduplicate(docs, matches);
    Deduplicator.Result first = FIRST.deduplicate(docs, matches);

    assertEquals(List.of("page", "digest", "other"), longest.kept());
    assertEquals(
        List.of(new Deduplicator.Dropped("story", "page", Relation.CONTAINED, 0.97)),
        longest.dropped());
    // The story comes first and is kept; the page is not inside the story, so it stays too.
    assertEquals(List.of("story", "page", "digest", "other"), first.kept());
    Deduplicator lenient = new Deduplicator(Deduplicator.Keep.LONGEST, 0.2);
    assertEquals(List.of("page", "digest"), lenient.deduplicate(docs, matches).kept());
  }

  @Test
  void translationsAndDerivedCopies_areNeverDropped() {
    List<Document> docs = List.of(doc("en", 500), doc("uk", 480), doc("retold", 300));
    List<Match> matches =
        List.of(
            match("en", "uk", Relation.TRANSLATION, null, 0.95, 0.95),
            match("en", "retold", Relation.DERIVED, null, 0.9, 0.9));

    assertEquals(List.of("en", "uk", "retold"), LONGEST.deduplicate(docs, matches).kept());
  }

  @Test
  void rejectsCoverageOutOfRange_andMatchesOfUnknownDocuments() {
    assertThrows(
        IllegalArgumentException.class, () -> new Deduplicator(Deduplicator.Keep.FIRST, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new Deduplicator(Deduplicator.Keep.FIRST, 1.5));
    List<Match> stranger = List.of(match("a", "z", Relation.DUPLICATE, null, 0.9, 0.9));
    assertThrows(
        IllegalArgumentException.class, () -> LONGEST.deduplicate(List.of(doc("a", 5)), stranger));
  }

  /**
   * The real syndication subset (testdata/syndication): every dropped document belongs to the
   * labelled story of the document it was dropped for, and no story is dropped for a digest that
   * quotes only its lead.
   */
  @Test
  void syndicationSubset_dropsOnlyCopiesOfTheKeptStory() throws IOException {
    Path set = Path.of("testdata/syndication");
    SyndicationEvaluation evaluation = SyndicationEvaluation.load(set);
    List<Document> docs = evaluation.documents();
    ScanResult scan = Polydup.builder().crossLanguage(false).build().scan(docs);
    Map<String, String> story = new HashMap<>();
    List<String> lines = Files.readAllLines(set.resolve("clusters.tsv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] columns = line.split("\t");
      for (String member : columns[1].split(" ")) {
        story.put(member, columns[0]);
      }
    }
    Set<String> digestPairs = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(set.resolve("pairs.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode pair = json.readTree(line);
      if (pair.get("transform").asText().equals("digest")) {
        digestPairs.add(pair.get("a").asText() + " " + pair.get("b").asText());
        digestPairs.add(pair.get("b").asText() + " " + pair.get("a").asText());
      }
    }

    Deduplicator.Result result = LONGEST.deduplicate(docs, scan.matches());

    // 101 of the subset's documents are redundant (labelled copies other than digests, one kept per
    // story); the full set drops 903 of its 996 (0.91). The bound leaves room for a small sample.
    assertTrue(result.dropped().size() >= 80, () -> "dropped " + result.dropped().size());
    Set<String> kept = new HashSet<>(result.kept());
    for (Deduplicator.Dropped d : result.dropped()) {
      assertTrue(kept.contains(d.kept()), d::toString);
      assertEquals(story.get(d.kept()), story.get(d.id()), d::toString);
      // A duplicate is dropped whatever its coverage: a light edit's replaced words cut its
      // verbatim passages below the bar that a containment must reach.
      assertTrue(
          d.relation() == Relation.DUPLICATE
              || d.coverage() >= Deduplicator.DEFAULT_MINIMUM_COVERAGE,
          d::toString);
      assertTrue(
          !digestPairs.contains(d.id() + " " + d.kept()), () -> "dropped into its digest: " + d);
    }
    assertEquals(docs.size(), result.kept().size() + result.dropped().size());
  }

  /**
   * A scan pairs later copies of one text with the first copy only; when a later copy is the one
   * kept (the longest, its spacing wider), the other copies are still dropped for it.
   */
  @Test
  void copiesOfOneText_areDroppedForTheKeptCopy_whicheverItIs() {
    String text =
        "The city council approved the new budget for schools and roads on Tuesday evening, after"
            + " a long debate about taxes and the cost of repairing the old bridge over the river.";
    List<Document> documents =
        List.of(
            new Document("first", text, "en"),
            new Document("second", text.toUpperCase(java.util.Locale.ROOT), "en"),
            new Document("widest", text.replace(" ", "   "), "en"),
            new Document("fourth", text.replace(",", " ,"), "en"));
    ScanResult scan = Polydup.builder().crossLanguage(false).build().scan(documents);

    Deduplicator.Result longest = LONGEST.deduplicate(documents, scan.matches());
    assertEquals(List.of("widest"), longest.kept());
    for (Deduplicator.Dropped d : longest.dropped()) {
      assertEquals("widest", d.kept(), d.toString());
      assertEquals(Relation.DUPLICATE, d.relation());
    }
    Deduplicator.Result first = FIRST.deduplicate(documents, scan.matches());
    assertEquals(List.of("first"), first.kept());
    assertEquals(3, first.dropped().size());
  }
}
