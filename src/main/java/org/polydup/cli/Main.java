package org.polydup.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code polydup}: the command line. Exit codes: 0 success, 1 input could not be read, 2 usage
 * error.
 */
@Command(
    name = "polydup",
    mixinStandardHelpOptions = true,
    version = "polydup 0.1.0",
    description = "Finds reposted, syndicated and translated copies of news stories.",
    subcommands = {
      ScanCommand.class,
      DedupCommand.class,
      QueryCommand.class,
      EvalCommand.class,
      BenchCommand.class
    })
public final class Main implements Runnable {

  /** Exit code when the input could not be read. */
  static final int EXIT_INPUT = 1;

  /** Exit code for a usage error. */
  static final int EXIT_USAGE = 2;

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExitCodeExceptionMapper(e -> EXIT_USAGE);
    return cli.execute(args);
  }
}
