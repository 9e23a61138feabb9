package org.polydup.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code polydup}: the command line. Exit codes: 0 success, 1 input could not be read (or output
 * could not be written, or the heap ran out), 2 usage error. Each failure is one line on stderr; a
 * stack trace means a bug.
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
public final class Main implements Callable<Integer> {

  /** Exit code when the input could not be read. */
  static final int EXIT_INPUT = 1;

  /** Exit code for a usage error. */
  static final int EXIT_USAGE = 2;

  /**
   * No command given: a usage error, as a missing argument is, so a script that forgot the command
   * does not read the usage text as a successful run.
   */
  @Override
  public Integer call() {
    System.err.println("polydup: a command is required");
    CommandLine.usage(this, System.err);
    return EXIT_USAGE;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExitCodeExceptionMapper(e -> EXIT_USAGE);
    cli.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          IOException io =
              e instanceof UncheckedIOException unchecked
                  ? unchecked.getCause()
                  : e instanceof IOException checked ? checked : null;
          if (io != null) {
            command.getErr().println("polydup: " + describe(io));
            return EXIT_INPUT;
          }
          // A usage error says what was wrong; one without a message is a fault of polydup's,
          // whose stack trace is worth more than "polydup: null".
          if (e instanceof IllegalArgumentException && e.getMessage() != null) {
            command.getErr().println("polydup: " + e.getMessage());
            return EXIT_USAGE;
          }
          throw e;
        });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      // Caught here, once the command's stack has unwound and its documents are garbage, so the
      // message can be built. Without this a user saw a stack trace, which reads like a bug.
      cli.getErr().println("polydup: " + outOfMemory(Runtime.getRuntime().maxMemory()));
      return EXIT_INPUT;
    }
  }

  /**
   * What to do when the heap ran out, given its limit in bytes. The ratios are the bulk set's
   * (README, "Memory"): peak heap 1.8 GB for its 120 MB of text without alignment, and a 4 GB heap
   * enough with it.
   */
  static String outOfMemory(long maximumHeapBytes) {
    return String.format(
        Locale.ROOT,
        "out of memory: the Java heap may grow to %,d MB, and this run needed more. Every story"
            + " is kept in memory, about 15 times the input's size (35 times with cross-language"
            + " alignment, the default). Give Java more (JAVA_OPTS=-Xmx8g ./polydup ...), or add"
            + " --no-cross-language.",
        maximumHeapBytes >> 20);
  }

  /** An I/O failure in words, naming the file. */
  static String describe(IOException e) {
    if (e instanceof UnwritableOutputException) {
      return e.getMessage(); // names the output, not the temporary that failed
    }
    if (e instanceof FileSystemException fs && fs.getFile() != null) {
      return fs.getFile() + ": " + reason(e);
    }
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** Why an I/O operation failed, in words, without the file it failed on. */
  static String reason(IOException e) {
    if (e instanceof FileSystemException fs) {
      return fs.getReason() != null
          ? fs.getReason()
          : e instanceof NoSuchFileException
              ? "no such file or folder"
              : e instanceof FileAlreadyExistsException
                  ? "already exists and is not a folder"
                  : e instanceof AccessDeniedException
                      ? "permission denied"
                      : e.getClass().getSimpleName();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
