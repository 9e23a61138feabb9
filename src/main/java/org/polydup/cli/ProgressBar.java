package org.polydup.cli;

import java.io.PrintStream;
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

  /** A bar on stderr; {@code requested} null means "when stderr is a terminal". */
  static ProgressBar forStderr(Boolean requested) {
    boolean enabled = requested != null ? requested : System.console() != null;
    return new ProgressBar(System.err, enabled);
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
