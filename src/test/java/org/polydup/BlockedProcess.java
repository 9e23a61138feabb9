package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test's child JVM stopped midway through writing, then killed with SIGTERM: how a user's kill or
 * a job scheduler ends a run. The child's main calls {@link #announceAndWait} where it blocks.
 */
public final class BlockedProcess {
  /** What the child prints once it is blocked. */
  public static final String BLOCKED = "blocked while writing";

  private BlockedProcess() {}

  /** In the child: says it is blocked, then waits to be killed. */
  public static void announceAndWait() {
    System.out.println(BLOCKED);
    System.out.flush();
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs {@code main} with {@code args} in a child JVM on the test's class path, waits until it is
   * blocked, kills it with SIGTERM and waits for it to end.
   */
  public static void runAndKillWhenBlocked(Class<?> main, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader printed =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line;
    StringBuilder all = new StringBuilder();
    while ((line = printed.readLine()) != null && !line.equals(BLOCKED)) {
      all.append(line).append('\n');
    }
    assertEquals(BLOCKED, line, all.toString());
    child.destroy(); // SIGTERM
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
  }
}
