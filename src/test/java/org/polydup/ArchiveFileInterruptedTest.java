package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    Process save =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SaveBlockedWhileWriting.class.getName(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader printed =
        new BufferedReader(new InputStreamReader(save.getInputStream(), StandardCharsets.UTF_8));
    String line;
    StringBuilder all = new StringBuilder();
    while ((line = printed.readLine()) != null && !line.equals(SaveBlockedWhileWriting.WRITING)) {
      all.append(line).append('\n');
    }
    assertEquals(SaveBlockedWhileWriting.WRITING, line, all.toString());
    save.destroy(); // SIGTERM
    assertTrue(save.waitFor(60, TimeUnit.SECONDS));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(file), left.toList());
    }
    assertEquals("the earlier save", Files.readString(file));
  }
}
