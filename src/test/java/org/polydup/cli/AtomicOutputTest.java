package org.polydup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polydup.BlockedProcess;

/** A run's files appear in --out together, or not at all. */
class AtomicOutputTest {
  @AfterEach
  void restoreStreams() {
    RunFiles.filterForTests = RunFiles.UNFILTERED;
  }

  /** A run's exit code and what it printed on stderr. */
  private record Run(int code, String stderr) {}

  /** Runs polydup on the seeds without alignment or progress bar, into {@code out}. */
  private static Run seeds(String command, Path out) {
    int[] code = new int[1];
    String stderr =
        Captured.stderr(
            () ->
                Captured.stdout(
                    () ->
                        code[0] =
                            Main.run(
                                command,
                                "testdata/seeds",
                                "--no-cross-language",
                                "--no-progress",
                                "--out",
                                out.toString())));
    return new Run(code[0], stderr);
  }

  /** The first run, whose files the second must leave as they are. */
  private static Map<String, String> earlierDedup(Path out) throws IOException {
    Captured.stdout(
        () ->
            assertEquals(
                0, Main.run("dedup", "testdata/seeds", "--html", "--out", out.toString())));
    return OutputFolderSnapshot.of(out);
  }

  @Test
  void aDedupWhoseDiskFillsMidway_leavesTheEarlierRunsFilesAsTheyWere_andNoTemporaries(
      @TempDir Path out) throws IOException {
    Map<String, String> before = earlierDedup(out);
    // pairs, clusters and problems are written before kept.jsonl, which fails after 20 bytes.
    RunFiles.filterForTests =
        (file, temporary) ->
            file.equals(out.resolve("kept.jsonl")) ? new FailingStream(temporary, 20) : temporary;
    Run run = seeds("dedup", out);
    assertEquals(1, run.code(), run.stderr());
    assertEquals(
        "polydup: cannot write " + out.resolve("kept.jsonl") + ": No space left on device",
        run.stderr().strip());
    assertEquals(before, OutputFolderSnapshot.of(out));
    assertEquals("", OutputFolderSnapshot.temporaries(out));
  }

  @Test
  void aScanAfterADedup_replacesItsFilesAndDeletesTheOthers_andLeavesNoTemporaries(
      @TempDir Path out) throws IOException {
    Map<String, String> before = earlierDedup(out);
    Run run = seeds("scan", out);
    assertEquals(0, run.code(), run.stderr());
    Map<String, String> after = OutputFolderSnapshot.of(out);
    assertEquals(
        java.util.Set.of("pairs.jsonl", "clusters.jsonl", "problems.jsonl", OutputOptions.RECORD),
        after.keySet());
    assertNotEquals(before.get("pairs.jsonl"), after.get("pairs.jsonl"));
    assertTrue(
        run.stderr().contains("deleted kept.jsonl, dropped.jsonl, report.html in " + out),
        run.stderr());
    assertEquals("", OutputFolderSnapshot.temporaries(out));
  }

  @Test
  void aDedupKilledWhileWriting_leavesTheEarlierRunsFilesAsTheyWere_andNoTemporaries(
      @TempDir Path out) throws Exception {
    Map<String, String> before = earlierDedup(out);
    BlockedProcess.runAndKillWhenBlocked(
        BlockedWhileWriting.class,
        "kept.jsonl",
        "dedup",
        "testdata/seeds",
        "--no-cross-language",
        "--no-progress",
        "--out",
        out.toString());
    assertEquals(before, OutputFolderSnapshot.of(out));
    assertEquals("", OutputFolderSnapshot.temporaries(out));
  }

  /**
   * A folder where one of the run's files goes: the run fails naming that file, before any file is
   * moved into place (moved one by one, pairs.jsonl was the new run's beside the old problems).
   */
  @Test
  void aFolderWhereAFileGoes_failsTheRunBeforeAnyFileIsReplaced(@TempDir Path out)
      throws IOException {
    earlierDedup(out);
    java.nio.file.Files.delete(out.resolve("clusters.jsonl"));
    java.nio.file.Files.createDirectories(out.resolve("clusters.jsonl").resolve("inside"));
    Map<String, String> before = OutputFolderSnapshot.of(out);
    Run run = seeds("scan", out);
    assertEquals(1, run.code(), run.stderr());
    assertEquals(
        "polydup: " + out.resolve("clusters.jsonl") + ": is a folder, not a file",
        run.stderr().strip());
    assertEquals(before, OutputFolderSnapshot.of(out));
    assertEquals("", OutputFolderSnapshot.temporaries(out));
  }
}
