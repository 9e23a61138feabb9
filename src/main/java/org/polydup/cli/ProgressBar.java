package org.polydup.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.polydup.ScanProgress;

/**
 * A one-line progress bar on stderr for scans, redrawn at most twice a second. Off unless stderr is
 * a terminal or it was asked for, so logs and tests stay clean.
 */
final class ProgressBar implements ScanProgress, AutoCloseable {
  private static final long REDRAW_NANOS = 500_000_000L;

  private final PrintStream out;
  private final boolean enabled;
  private final AtomicLong lastDraw = new AtomicLong();
  private volatile boolean drawn;

  private ProgressBar(PrintStream out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  /**
   * The system property the launcher sets to {@code true} or {@code false} from the shell's {@code
   * [ -t 2 ]}, which asks about stderr itself.
   */
  static final String STDERR_IS_TERMINAL = "polydup.stderrIsTerminal";

  /** A bar on stderr; {@code requested} null means "when stderr is a terminal". */
  static ProgressBar forStderr(Boolean requested) {
    boolean enabled =
        requested != null
            ? requested
            : stderrIsTerminal(
                System.getProperty(STDERR_IS_TERMINAL), stderrTarget(), System.console() != null);
    return new ProgressBar(System.err, enabled);
  }

  /**
   * Whether stderr is a terminal, from what can be known about it: the launcher's answer when it
   * gave one; else, where {@code /proc} shows what file descriptor 2 is open on, whether that is a
   * terminal device; else whether there is a console. The console is the last resort because on
   * Java 17 it exists only when stdin and stdout are terminals, whatever stderr is: {@code 2>file}
   * would get the bar's carriage returns and {@code >file} on a terminal no bar.
   *
   * @param property the {@value #STDERR_IS_TERMINAL} property, or null when not set
   * @param target what {@code /proc/self/fd/2} links to, or null when that cannot be read
   * @param console whether {@link System#console()} is non-null
   */
  static boolean stderrIsTerminal(String property, String target, boolean console) {
    if ("true".equals(property) || "false".equals(property)) {
      return Boolean.parseBoolean(property);
    }
    if (target != null) {
      // Pseudo-terminals (/dev/pts/N) and the consoles and serial lines (/dev/tty, /dev/ttyN,
      // /dev/ttyS0); anything else (a file, "pipe:[N]", "socket:[N]", /dev/null) is not.
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    }
    return console;
  }

  /** What {@code /proc/self/fd/2} links to, or null where there is no such link (not Linux). */
  private static String stderrTarget() {
    try {
      return Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null;
    }
  }

  @Override
  public void update(String stage, long done, long total) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    long last = lastDraw.get();
    if ((now - last < REDRAW_NANOS && done != total) || !lastDraw.compareAndSet(last, now)) {
      return;
    }
    int width = 30;
    int filled = total == 0 ? width : (int) (width * done / total);
    synchronized (out) {
      out.printf(
          Locale.ROOT,
          "\r%-11s [%s%s] %d/%d",
          stage,
          "#".repeat(filled),
          " ".repeat(width - filled),
          done,
          total);
      drawn = true;
    }
  }

  @Override
  public void close() {
    if (drawn) {
      synchronized (out) {
        out.println();
      }
    }
  }
}
