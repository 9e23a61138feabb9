package org.polydup.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polydup.EntityLink;
import org.polydup.Match;
import org.polydup.Relation;
import org.polydup.ScanResult;
import org.polydup.Scores;

class SyndicationEvaluationTest {
  private static final Scores SHINGLES = Scores.ofShingles(null, 0.5, 0.6, 0.6, 0.6, 0.6);

  @TempDir Path folder;

  @Test
  void relationRows_chargeLabelledPairsByTheirLabel_andFalseOnesByTheReportedRelation()
      throws IOException {
    StringBuilder docs = new StringBuilder();
    for (String id : List.of("d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9")) {
      docs.append(
          String.format(Locale.ROOT, "{\"id\": \"%s\", \"lang\": \"en\", \"text\": \"x\"}%n", id));
    }
    docs.append("{\"id\": \"t1\", \"lang\": \"de\", \"text\": \"x\"}\n");
    Files.writeString(folder.resolve("docs.jsonl"), docs);
    Files.writeString(
        folder.resolve("pairs.jsonl"),
        pair("d1", "d2", "duplicate", "light_edit")
            + pair("d3", "d4", "duplicate", "light_edit")
            + pair("d5", "d6", "contained", "repost")
            + pair("d7", "d8", "contained", "truncated"));
    Files.writeString(
        folder.resolve("clusters.tsv"),
        "cluster_id\tmember_ids\nc1\td1 d2\nc2\td3 d4\nc3\td5 d6 d9\nc4\td7 d8\nc5\tt1\n");
    Files.writeString(
        folder.resolve("translations.tsv"), "translation_id\tmember_ids\ng1\td1 t1\n");
    SyndicationEvaluation e = SyndicationEvaluation.load(folder);
    List<Match> matches =
        List.of(
            match("d1", "d2", Relation.DUPLICATE, null), // right
            match("d4", "d3", Relation.CONTAINED, "d4"), // a labelled duplicate, reversed
            match("d5", "d6", Relation.CONTAINED, "d5"), // right
            match("d2", "d7", Relation.DUPLICATE, null), // false
            match("d9", "d5", Relation.CONTAINED, "d5"), // implied (cluster c3): ignored
            match("d1", "t1", Relation.TRANSLATION, null), // translation group g1: ignored
            match("d3", "d8", Relation.CONTAINED, "d3")); // false; d7~d8 is missed
    String table = e.score(new ScanResult(10, matches, List.of(), List.of(), null)).table();

    assertTrue(row("all", 3, 2, 1).matcher(table).find(), table);
    assertTrue(row("en", 3, 2, 1).matcher(table).find(), table);
    // By the labelled relation: d3~d4 is a found duplicate; the false pairs by their reported one.
    assertTrue(
        row("duplicate", 2, 1, 0).matcher(table).find() && table.contains("P 0.6667  R 1.0000"),
        table);
    assertTrue(row("contained", 1, 1, 1).matcher(table).find(), table);
    // With the right relation: d3~d4 is a miss of duplicate and a false contained pair.
    assertTrue(row("as duplicate", 1, 1, 1).matcher(table).find(), table);
    assertTrue(row("as contained", 1, 2, 1).matcher(table).find(), table);
    assertTrue(table.contains("relation right 2/3"), table);
    assertTrue(table.contains("implied (ignored) 1, translations (ignored) 1"), table);
  }

  private static String pair(String a, String b, String relation, String transform) {
    return String.format(
        Locale.ROOT,
        "{\"a\": \"%s\", \"b\": \"%s\", \"relation\": \"%s\", \"transform\": \"%s\"}%n",
        a,
        b,
        relation,
        transform);
  }

  private static Match match(String a, String b, Relation relation, String container) {
    return new Match(a, b, relation, container, "en", "en", SHINGLES, List.of(), List.of());
  }

  /** The row of {@code label} with these counts. */
  private static Pattern row(String label, int truePositives, int falsePositives, int misses) {
    return Pattern.compile(
        String.format(
            Locale.ROOT,
            "(?m)^%s\\s+%d\\s+%d\\s+%d\\s+P",
            Pattern.quote(label),
            truePositives,
            falsePositives,
            misses));
  }

  @Test
  void example_showsAlignmentScores_forAnAlignStagePair() {
    Scores aligned = Scores.ofAlignment(0.12, 0.05, 0.12, 0.8);
    Match m =
        new Match(
            "s1",
            "s2",
            Relation.TRANSLATION,
            null,
            "is",
            "en",
            aligned,
            List.of(),
            List.of(new EntityLink("name", "Bitcoin", 0, 7, "Bitcoin", 3, 10)));
    assertEquals(
        "  s1 s2 translation (align) score 0.120 aligned 0.050/0.120 density 0.800, 1 entities",
        SyndicationEvaluation.example(m));
  }

  @Test
  void example_showsCoverageAndJaccard_forAShinglePair() {
    Scores shingles =
        new Scores(null, 0.4, 0.5, 0.6, 0.5, 0.6, Double.NaN, Double.NaN, Double.NaN, 0);
    Match m =
        new Match("s1", "s2", Relation.CONTAINED, "s2", "en", "en", shingles, List.of(), List.of());
    assertEquals("  s1 s2 contained cov 0.50/0.60 J 0.400", SyndicationEvaluation.example(m));
  }

  @Test
  void transformRow_showsRecallOnly_sinceNoFalsePairBelongsToATransform() {
    Counts digest = new Counts();
    digest.truePositives = 3;
    digest.falseNegatives = 1;
    assertEquals(
        "                   TP     FP     FN\ndigest              3      -      1   R 0.7500\n",
        new Counts.Table().recallRow("digest", digest).toString());
  }
}
