package org.polydup.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The progress bar's default: on when stderr, and only stderr, is a terminal. */
class ProgressBarTest {
  @Test
  void theLaunchersAnswer_winsOverEverythingElse() {
    assertTrue(ProgressBar.stderrIsTerminal("true", "pipe:[123]", false));
    assertFalse(ProgressBar.stderrIsTerminal("false", "/dev/pts/3", true));
  }

  @Test
  void withoutTheLauncher_whatDescriptorTwoIsOpenOn_decides_notTheConsole() {
    // `java -jar ... 2>err.txt` on a terminal: there is a console (stdin and stdout are
    // terminals), but stderr is a file.
    assertFalse(ProgressBar.stderrIsTerminal(null, "/tmp/err.txt", true));
    assertFalse(ProgressBar.stderrIsTerminal(null, "pipe:[4711]", true));
    assertFalse(ProgressBar.stderrIsTerminal(null, "/dev/null", true));
    // `java -jar ... >out.txt` on a terminal: no console, but stderr is the terminal.
    assertTrue(ProgressBar.stderrIsTerminal(null, "/dev/pts/0", false));
    assertTrue(ProgressBar.stderrIsTerminal(null, "/dev/tty1", false));
    // A property the launcher never writes is ignored, not read as false.
    assertTrue(ProgressBar.stderrIsTerminal("yes", "/dev/pts/0", false));
  }

  @Test
  void whereDescriptorTwoCannotBeSeen_theConsoleDecides() {
    assertTrue(ProgressBar.stderrIsTerminal(null, null, true));
    assertFalse(ProgressBar.stderrIsTerminal(null, null, false));
  }
}
