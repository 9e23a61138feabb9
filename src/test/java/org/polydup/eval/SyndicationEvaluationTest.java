package org.polydup.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polydup.EntityLink;
import org.polydup.Match;
import org.polydup.Relation;
import org.polydup.Scores;

class SyndicationEvaluationTest {

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
    assertEquals("digest              3      -      1   R 0.7500", digest.recallRow("digest"));
  }
}
