package org.polydup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output folder no file can be created in fails the run at once, before any input is read. */
class UnwritableOutputTest {
  @TempDir Path dir;

  /** Stories with one malformed line: reading them prints a problem on stderr. */
  private Path stories;

  @BeforeEach
  void writeStories() throws IOException {
    stories = dir.resolve("stories.jsonl");
    Files.writeString(
        stories,
        "{\"id\": \"a\", \"text\": \"The council approved the budget on Monday.\"}\nnot json\n");
  }

  @AfterEach
  void restoreStreams() {
    RunFiles.filterForTests = RunFiles.UNFILTERED;
  }

  /**
   * Makes every file created in {@code folder} fail as in a read-only folder: a seam, since a chmod
   * does not stop root, which tests may run as.
   */
  private static void readOnly(Path folder) {
    RunFiles.filterForTests =
        (file, temporary) -> {
          if (folder.equals(file.getParent())) {
            throw new AccessDeniedException(file.toString());
          }
          return temporary;
        };
  }

  /** What {@code args} print on stderr; asserts exit code 1. */
  private static String failing(String... args) {
    int[] code = new int[1];
    String stderr = Captured.stderr(() -> Captured.stdout(() -> code[0] = Main.run(args)));
    assertEquals(1, code[0], stderr);
    return stderr.strip();
  }

  @Test
  void aDedupIntoAReadOnlyFolder_failsNamingIt_beforeReadingTheStories() {
    Path out = dir.resolve("out");
    readOnly(out);
    String stderr = failing("dedup", stories.toString(), "--no-progress", "--out", out.toString());
    // One line: the malformed story line, reported once it is read, never is.
    assertEquals(
        "polydup: cannot write in the output folder " + out + ": permission denied", stderr);
  }

  @Test
  void aQueryIntoAReadOnlyFolder_failsNamingIt_beforeLoadingTheArchive() {
    Path out = dir.resolve("out");
    readOnly(out);
    String stderr =
        failing(
            "query",
            "--archive",
            stories.toString(),
            "--save",
            dir.resolve("a.pdx").toString(),
            "--no-progress",
            "--out",
            out.toString());
    assertEquals(
        "polydup: cannot write in the output folder " + out + ": permission denied", stderr);
  }

  @Test
  void aQueryWhoseSaveFolderIsMissing_failsNamingIt_beforeLoadingTheArchive() {
    Path folder = dir.resolve("missing");
    Path save = folder.resolve("a.pdx");
    String stderr =
        failing(
            "query",
            "--archive",
            stories.toString(),
            "--save",
            save.toString(),
            "--no-progress",
            "--out",
            dir.resolve("out").toString());
    assertEquals(
        "polydup: cannot write --save " + save + " in " + folder + ": no such file or folder",
        stderr);
  }
}
