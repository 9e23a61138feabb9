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
import org.polydup.Document;
import org.polydup.EntityLink;
import org.polydup.Match;
import org.polydup.Relation;
import org.polydup.ScanResult;
import org.polydup.Scores;

/** Scoring of a cluster-labelled set, alone and among unscored distractors. */
class ClusterPairEvaluationTest {
  private static final String TEXT = "A story long enough to be measured. ".repeat(12);

  @TempDir Path folder;

  @Test
  void table_scoresOnlyLabelledPairs_whenDistractorsAreScannedAlong() throws IOException {
    Files.writeString(
        folder.resolve("docs.jsonl"),
        doc("a-en", "en", "c1")
            + doc("a-de", "de", "c1")
            + doc("b-en", "en", "c2")
            + doc("b-fr", "fr", "c2")
            + doc("short", "en", "c3").replace(TEXT, "too short"));
    Path distractors = folder.resolve("distractors.jsonl");
    Files.writeString(distractors, doc("d1", "en", "x") + doc("d2", "de", "y"));

    ClusterPairEvaluation e =
        ClusterPairEvaluation.load(folder, true).withDistractors(distractors, 10);
    List<String> ids = e.documents().stream().map(Document::id).toList();
    assertEquals(List.of("a-en", "a-de", "b-en", "b-fr", "distractor:d1", "distractor:d2"), ids);

    ScanResult result =
        new ScanResult(
            6,
            List.of(
                translation("a-en", "a-de"),
                translation("a-en", "distractor:d2"),
                translation("distractor:d1", "b-fr"),
                translation("b-en", "a-de")),
            List.of(),
            List.of(),
            null);
    String table = e.table(result);
    assertTrue(table.contains("4 documents >= 400 chars among 2 unscored distractors"), table);
    // a-en~a-de found, b-en~b-fr missed, b-en~a-de false; the distractor pairs are not counted.
    assertTrue(Pattern.compile("(?m)^all\\s+1\\s+1\\s+1\\s").matcher(table).find(), table);
  }

  @Test
  void recallAtOne_ranksShingleAndAlignedPairsOnOneScale_whateverTheirOrder() throws IOException {
    Files.writeString(
        folder.resolve("docs.jsonl"),
        doc("a-1", "en", "c1") + doc("a-2", "en", "c1") + doc("b-1", "en", "c2"));
    ClusterPairEvaluation e = ClusterPairEvaluation.load(folder, false);
    // a-1's gold partner is found as a weak reworded copy, its false one as a contained passage
    // covering 90% of a-1: the passage is the stronger evidence, so a-1's best partner is wrong.
    Match weakRight =
        new Match(
            "a-1",
            "a-2",
            Relation.DERIVED,
            null,
            "en",
            "en",
            Scores.ofAlignment(0.4, 0.4, 0.4, 0.5),
            List.of(),
            List.<EntityLink>of());
    Match strongWrong =
        new Match(
            "a-1",
            "b-1",
            Relation.CONTAINED,
            "b-1",
            "en",
            "en",
            Scores.ofShingles(null, 0.5, 0.9, 0.5, 0.9, 0.5),
            List.of(),
            List.<EntityLink>of());
    for (List<Match> order :
        List.of(List.of(weakRight, strongWrong), List.of(strongWrong, weakRight))) {
      String table = e.table(new ScanResult(3, order, List.of(), List.of(), null));
      // a-1 ranks b-1 first (a miss); a-2's only partner is a-1 (a hit).
      assertTrue(table.contains("recall@1 0.5000 (1 of 2"), table);
    }
  }

  @Test
  void rewrites_scoresDerivedPairsAlone_andCountsTheRelationsOfTrueOnes() throws IOException {
    Files.writeString(
        folder.resolve("docs.jsonl"),
        doc("a-1", "en", "c1")
            + doc("a-2", "en", "c1")
            + doc("a-3", "en", "c1")
            + doc("b-1", "en", "c2"));
    ClusterPairEvaluation e = ClusterPairEvaluation.load(folder, false);
    Scores shingles = Scores.ofShingles(null, 0.5, 0.6, 0.6, 0.6, 0.6);
    List<Match> matches =
        List.of(
            new Match(
                "a-1", "a-2", Relation.DERIVED, null, "en", "en", shingles, List.of(), List.of()),
            new Match(
                "a-1",
                "a-3",
                Relation.CONTAINED,
                "a-3",
                "en",
                "en",
                shingles,
                List.of(),
                List.of()),
            new Match(
                "a-3", "b-1", Relation.DERIVED, null, "en", "en", shingles, List.of(), List.of()));
    String table = e.table(new ScanResult(4, matches, List.of(), List.of(), null));
    // Any copy relation: 2 of the 3 gold pairs found, 1 false. As derived: 1 found, 1 false.
    assertTrue(Pattern.compile("(?m)^all\\s+2\\s+1\\s+1\\s").matcher(table).find(), table);
    assertTrue(Pattern.compile("(?m)^as derived\\s+1\\s+1\\s+2\\s").matcher(table).find(), table);
    assertTrue(table.contains("relations of the true pairs: contained 1 derived 1"), table);
  }

  @Test
  void lengthBuckets_holdEachPairByItsShorterDocument_falsePairsToo() throws IOException {
    Files.writeString(
        folder.resolve("docs.jsonl"),
        doc("a-en", "en", "c1", 500)
            + doc("a-de", "de", "c1", 2000)
            + doc("b-en", "en", "c2", 2000)
            + doc("b-fr", "fr", "c2", 4000)
            + doc("c-en", "en", "c3", 3500)
            + doc("c-de", "de", "c3", 5000));
    ClusterPairEvaluation e = ClusterPairEvaluation.load(folder, true);
    List<Match> matches =
        List.of(
            translation("a-en", "a-de", 0.5), // gold, shorter 500
            translation("c-en", "c-de", 0.5), // gold, shorter 3500
            // False, each listed longer document first: by the shorter, 500 and 2000.
            translation("b-fr", "a-en", 0.3),
            translation("c-de", "b-en", 0.6));
    String table = e.table(new ScanResult(6, matches, List.of(), List.of(), null));
    // b-en~b-fr (shorter 2000) missed.
    assertTrue(row("len 400-1000", 1, 1, 0).matcher(table).find(), table);
    assertTrue(row("len 1000-3000", 0, 1, 1).matcher(table).find(), table);
    assertTrue(row("len >3000", 1, 0, 0).matcher(table).find(), table);
    // recall@1 by each document's own length: a-en (500) hit; a-de hit and b-en miss (2000);
    // b-fr miss, c-en hit, c-de miss (its false partner b-en scores higher).
    assertTrue(table.contains("recall@1 in len 400-1000  1.0000 (1 of 1 "), table);
    assertTrue(table.contains("recall@1 in len 1000-3000 0.5000 (1 of 2 "), table);
    assertTrue(table.contains("recall@1 in len >3000     0.3333 (1 of 3 "), table);
  }

  @Test
  void lengthBucket_putsTheBoundsOf1000And3000InTheMiddleBucket() {
    assertEquals("len 400-1000", ClusterPairEvaluation.lengthBucket(999));
    assertEquals("len 1000-3000", ClusterPairEvaluation.lengthBucket(1000));
    assertEquals("len 1000-3000", ClusterPairEvaluation.lengthBucket(3000));
    assertEquals("len >3000", ClusterPairEvaluation.lengthBucket(3001));
  }

  @Test
  void withDistractors_takesTheFirstLimitDocuments() throws IOException {
    Files.writeString(folder.resolve("docs.jsonl"), doc("a-en", "en", "c1"));
    Path distractors = folder.resolve("distractors.jsonl");
    Files.writeString(
        distractors, doc("d1", "en", "x") + doc("d2", "de", "y") + doc("d3", "fr", "z"));
    ClusterPairEvaluation e =
        ClusterPairEvaluation.load(folder, true).withDistractors(distractors, 2);
    assertEquals(3, e.documents().size());
  }

  private static String doc(String id, String language, String cluster) {
    return String.format(
        Locale.ROOT,
        "{\"id\": \"%s\", \"lang\": \"%s\", \"cluster\": \"%s\", \"text\": \"%s\"}%n",
        id,
        language,
        cluster,
        TEXT);
  }

  /** A document whose text has exactly {@code length} characters. */
  private static String doc(String id, String language, String cluster, int length) {
    String text = TEXT.repeat(length / TEXT.length() + 1).substring(0, length);
    return doc(id, language, cluster).replace(TEXT, text);
  }

  /** The row of {@code label} with these counts. */
  private static Pattern row(String label, int truePositives, int falsePositives, int misses) {
    return Pattern.compile(
        String.format(
            Locale.ROOT,
            "(?m)^%s\\s+%d\\s+%d\\s+%d\\s",
            Pattern.quote(label),
            truePositives,
            falsePositives,
            misses));
  }

  private static Match translation(String a, String b, double score) {
    return new Match(
        a,
        b,
        Relation.TRANSLATION,
        null,
        "en",
        "de",
        Scores.ofAlignment(score, score, score, 0.5),
        List.of(),
        List.<EntityLink>of());
  }

  private static Match translation(String a, String b) {
    return new Match(
        a,
        b,
        Relation.TRANSLATION,
        null,
        "en",
        "de",
        Scores.ofAlignment(0.5, 0.5, 0.5, 0.5),
        List.of(),
        List.<EntityLink>of());
  }
}
