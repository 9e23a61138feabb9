package org.polydup.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polydup.EntityLink;
import org.polydup.Match;
import org.polydup.Relation;
import org.polydup.Scores;
import org.polydup.verify.SharedPassage;

class FalsePositiveReportTest {
  private static final String A = "Headline one\nThe mayor of Springfield said on Monday.";
  private static final String B = "Other page\nThe mayor of Springfield said on Monday.\nFooter";

  @Test
  void write_namesStageEvidenceAndRoles_forEachFalsePositive(@TempDir Path folder)
      throws Exception {
    FalsePositiveReport report =
        new FalsePositiveReport(Map.of("a", A, "b", B), Map.of("a", "digest of x"));
    report.add(
        new Match(
            "a",
            "b",
            Relation.CONTAINED,
            "b",
            "en",
            "en",
            new Scores(null, 0.4, 0.5, 0.6, 0.5, 0.6, Double.NaN, Double.NaN, Double.NaN, 0),
            List.of(new SharedPassage(13, 53, 11, 51, 6)),
            List.of()));
    report.add(
        new Match(
            "a",
            "b",
            Relation.DERIVED,
            null,
            "en",
            "en",
            Scores.ofAlignment(0.3, 0.3, 0.2, 0.9),
            List.of(),
            List.of(new EntityLink("name", "Springfield", 26, 37, "Springfield", 24, 35))));
    Path file = folder.resolve("fp.txt");
    report.write(file);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertEquals(2, report.size());
    assertTrue(text.contains("contained in b by the shingle stage"), text);
    assertTrue(text.contains("«The mayor of Springfield said on Monday.»"), text);
    assertTrue(text.contains("derived by the align stage"), text);
    assertTrue(text.contains("[Springfield]"), text);
    assertTrue(text.contains("a (digest of x)"), text);
    assertTrue(text.contains("b (?)"), text);
  }
}
