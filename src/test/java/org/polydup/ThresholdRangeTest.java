package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polydup.cli.Main;
import picocli.CommandLine;

/**
 * The range of the threshold: below {@link Polydup.Builder#lowestThreshold()} no LSH banding
 * reaches the candidate recall, and the builder and the CLI say so by the option's name, with the
 * lowest value that works.
 */
class ThresholdRangeTest {
  @Test
  void lowestThreshold_withDefaults_is0_0354_andIsAccepted() {
    Polydup.Builder builder = Polydup.builder();
    assertEquals(0.0354, builder.lowestThreshold());
    builder.threshold(builder.lowestThreshold()).build();
  }

  @Test
  void build_belowLowestThreshold_namesThreshold_theLowestValue_andWhatItDependsOn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Polydup.builder().threshold(0.03).build());
    assertEquals(
        "threshold must be at least 0.0354 with numberOfPermutations 128 and candidateRecall 0.99"
            + " (below it no LSH banding reaches that recall at the threshold), got 0.03",
        e.getMessage());
  }

  @Test
  void lowestThreshold_followsPermutationsAndRecall_andOtherBandChoicesHaveNoFloor() {
    Polydup.Builder more = Polydup.builder().numberOfPermutations(256);
    assertEquals(0.0179, more.lowestThreshold());
    more.threshold(0.03).build();
    assertEquals(0.0695, Polydup.builder().candidateRecall(0.9999).lowestThreshold());
    assertThrows(
        IllegalArgumentException.class,
        () -> Polydup.builder().candidateRecall(0.9999).threshold(0.05).build());
    // Bands chosen by weights or given explicitly do not promise a recall.
    Polydup.builder().threshold(0.03).errorWeights(0.5, 0.5).build();
    Polydup.builder()
        .threshold(0.01)
        .lshParameters(org.polydup.index.LshParameters.of(16, 2))
        .build();
  }

  @Test
  void build_refusesTwoWaysOfChoosingTheBands_ratherThanIgnoringOne() {
    org.polydup.index.LshParameters bands = org.polydup.index.LshParameters.of(16, 2);

    IllegalArgumentException both =
        assertThrows(
            IllegalArgumentException.class,
            () -> Polydup.builder().lshParameters(bands).candidateRecall(0.9).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Polydup.builder().errorWeights(0.5, 0.5).candidateRecall(0.9).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> Polydup.builder().errorWeights(0.5, 0.5).lshParameters(bands).build());

    assertEquals(
        "give at most one of lshParameters, errorWeights and candidateRecall: each chooses the LSH"
            + " bands, got lshParameters candidateRecall",
        both.getMessage());
  }

  @Test
  void cli_thresholdBelowLowest_isAUsageErrorNamingTheOption_withUsage(@TempDir Path out) {
    String[] command = {
      "scan", "testdata/seeds", "--threshold", "0.01", "--out", out.resolve("r").toString()
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    int code;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      code = Main.run(command);
    } finally {
      System.setErr(old);
    }
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, code, stderr);
    assertTrue(
        stderr.startsWith(
            "--threshold must be in [0.0354, 1], got 0.01 (below it the LSH bands cannot find the"
                + " pairs at the threshold reliably)"),
        stderr);
    assertTrue(stderr.contains("Usage: polydup scan"), stderr);
    assertTrue(!Files.exists(out.resolve("r")), "nothing written");
  }

  /** The option's description states the range; its lower end must be the builder's. */
  @Test
  void cli_thresholdDescription_statesTheLowestThreshold() {
    CommandLine scan = new CommandLine(new Main()).getSubcommands().get("scan");
    String description =
        String.join(" ", scan.getCommandSpec().findOption("--threshold").description());
    assertTrue(
        description.contains("In [" + Polydup.builder().lowestThreshold() + ", 1]"), description);
  }

  /**
   * At and above the threshold a pair is reported, but as contained when one text holds the other:
   * the documentation says "duplicate or contained", not "always a duplicate".
   */
  @Test
  void pairAboveThreshold_whereOneTextHoldsTheOther_isReportedAsContained() throws IOException {
    String story = Files.readString(Path.of("testdata/seeds/001_0e17fbea12fc6044.txt"));
    String longer =
        story
            + "\n\nThe ministry said it would publish the full figures for the region next week,"
            + " together with the names of the districts that received the most help, the"
            + " amounts paid to each of them and the dates of the payments. Officials added that"
            + " a second round of applications would open in the spring for the families who had"
            + " missed the first one because of the floods.";
    Detector detector = Polydup.builder().threshold(0.8).crossLanguage(false).build();
    List<Match> matches =
        detector
            .scan(List.of(Document.of("story", story), Document.of("longer", longer)))
            .matches();
    assertEquals(1, matches.size(), matches.toString());
    Match match = matches.get(0);
    assertTrue(match.scores().jaccard() >= 0.8, match.toString());
    assertEquals(Relation.CONTAINED, match.relation(), match.toString());
    assertEquals("longer", match.container());
  }
}
