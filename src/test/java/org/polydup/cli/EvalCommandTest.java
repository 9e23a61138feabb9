package org.polydup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code polydup eval}'s options: where each applies, and where {@code all} writes its reports. */
class EvalCommandTest {

  @Test
  void optionsGivenForASetTheyDoNotApplyTo_areUsageErrors_namingTheOptionAndItsSets(
      @TempDir Path dir) {
    String file = dir.resolve("fp.txt").toString();
    String[][] cases = {
      {"eval", "seeds", "--distractors", file},
      {"eval", "syndication", "--distractors", file},
      {"eval", "seeds", "--false-positives", file},
      {"eval", "msrp", "--false-positives", file},
      {"eval", "align", "--false-positives", file},
      {"eval", "lsh", "--incremental"},
      {"eval", "align", "--incremental"},
      {"eval", "seeds", "--limit", "5"},
      {"eval", "all", "--limit", "5"},
      // align runs the matcher alone, at its defaults: no scan to set up.
      {"eval", "align", "--threshold", "0.5"},
      {"eval", "align", "--languages", "en,de"},
      {"eval", "align", "--threads", "1"},
      {"eval", "align", "--no-cross-language"},
      {"eval", "align", "--include-related"},
      {"eval", "align", "--max-chars", "1000"},
      {"eval", "lsh", "--threads", "1"},
    };
    for (String[] args : cases) {
      String command = String.join(" ", args);
      int[] code = new int[1];
      String stderr = Captured.stderr(() -> code[0] = Main.run(args));
      assertEquals(Main.EXIT_USAGE, code[0], command + ": " + stderr);
      assertTrue(stderr.startsWith(args[2] + " applies to "), command + ": " + stderr);
      assertTrue(stderr.contains("not to " + args[1]), command + ": " + stderr);
      assertFalse(stderr.contains("\tat "), command + ": " + stderr);
    }
    assertTrue(
        Captured.stderr(() -> Main.run("eval", "seeds", "--distractors", file))
            .startsWith("--distractors applies to xling, rewrites and all, not to seeds"));
    assertFalse(Files.exists(dir.resolve("fp.txt")), "nothing written");
  }

  @Test
  void optionsForTheirOwnSets_run() {
    // A cheap run that passes the check: the seeds, one at a time.
    Captured.stdout(() -> assertEquals(0, Main.run("eval", "seeds", "--incremental")));
  }

  @Test
  void align_skipsRewritesAndSeeds_withANote_whenAbsent(@TempDir Path dir) throws IOException {
    Path data = dir.resolve("data");
    List<String> sample =
        Files.readAllLines(Path.of("testdata", "sketch", "rewrites-sample.jsonl")).subList(0, 20);
    Files.write(Files.createDirectories(data.resolve("xling")).resolve("docs.jsonl"), sample);

    int[] code = new int[1];
    String stdout =
        Captured.stdout(
            () -> code[0] = Main.run("eval", "align", data.toString(), "--no-progress"));

    assertEquals(0, code[0], stdout);
    assertTrue(stdout.contains("== xling: "), stdout);
    assertTrue(
        stdout.contains("== rewrites: skipped, no " + data.resolve("rewrites/docs.jsonl")), stdout);
    assertTrue(stdout.contains("== seeds: skipped, no "), stdout);
  }

  @Test
  void perSet_insertsTheSetNameBeforeTheExtension() {
    assertEquals(
        Path.of("out", "fp.xling.txt"), EvalCommand.perSet(Path.of("out", "fp.txt"), "xling"));
    assertEquals(Path.of("fp.xling"), EvalCommand.perSet(Path.of("fp"), "xling"));
    assertEquals(
        Path.of("a.b", "fp.rewrites"), EvalCommand.perSet(Path.of("a.b", "fp"), "rewrites"));
    assertEquals(Path.of(".fp.xling"), EvalCommand.perSet(Path.of(".fp"), "xling"));
  }

  @Test
  void evalAll_withFalsePositives_writesOneReportPerSet(@TempDir Path dir) throws IOException {
    Path data = dir.resolve("data");
    // Small sets of the real layouts: syndication from the test data, xling and rewrites the
    // first stories of the rewrites sample, msrp two sentences.
    Path syndication = Files.createDirectories(data.resolve("syndication"));
    for (String name : List.of("docs.jsonl", "pairs.jsonl", "clusters.tsv", "translations.tsv")) {
      Files.copy(Path.of("testdata", "syndication", name), syndication.resolve(name));
    }
    List<String> sample =
        Files.readAllLines(Path.of("testdata", "sketch", "rewrites-sample.jsonl")).subList(0, 20);
    for (String set : List.of("xling", "rewrites")) {
      Files.write(Files.createDirectories(data.resolve(set)).resolve("docs.jsonl"), sample);
    }
    Path msrp = Files.createDirectories(data.resolve("msrp"));
    try (BufferedWriter w = Files.newBufferedWriter(msrp.resolve("docs.jsonl"))) {
      w.write("{\"id\": \"m1\", \"lang\": \"en\", \"text\": \"The cat sat on the mat today.\"}\n");
      w.write("{\"id\": \"m2\", \"lang\": \"en\", \"text\": \"Today the cat sat on the mat.\"}\n");
    }
    Files.writeString(
        msrp.resolve("pairs.jsonl"), "{\"a\": \"m1\", \"b\": \"m2\", \"label\": 1}\n");
    Path report = dir.resolve("fp.txt");

    int[] code = new int[1];
    String stdout =
        Captured.stdout(
            () ->
                code[0] =
                    Main.run(
                        "eval",
                        "all",
                        data.toString(),
                        "--false-positives",
                        report.toString(),
                        "--no-cross-language",
                        "--no-progress"));

    assertEquals(0, code[0], stdout);
    for (String set : List.of("syndication", "xling", "rewrites")) {
      Path written = dir.resolve("fp." + set + ".txt");
      assertTrue(Files.isRegularFile(written), set + ": " + stdout);
      assertTrue(stdout.contains("false positives written to " + written), set + ": " + stdout);
    }
    assertFalse(Files.exists(report), "each set has its own file, FILE itself is not written");
  }
}
