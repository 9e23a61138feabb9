package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save cut short by SIGTERM leaves the earlier file and no temporary as large as the archive. */
class ArchiveFileInterruptedTest {
  @Test
  void aSaveKilledWhileWriting_leavesTheEarlierFileAndNoTemporary(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("archive.pdx");
    Files.writeString(file, "the earlier save");
    BlockedProcess.runAndKillWhenBlocked(SaveBlockedWhileWriting.class, file.toString());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(file), left.toList());
    }
    assertEquals("the earlier save", Files.readString(file));
  }
}
