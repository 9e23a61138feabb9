package org.polydup.io;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A one-line progress report for long runs, rewritten in place with {@code \r}: documents, bytes
 * (with a percentage and remaining time when the total is known) and the document rate.
 *
 * <pre>{@code
 * scan: 41,200 documents, 120.5 / 301.2 MB (40%), 2,310 documents/s, 1:18 left
 * }</pre>
 *
 * <p>It prints at most once per interval (default 500 ms), and only when enabled: by default when
 * standard error is a terminal, so nothing appears in tests, pipes or log files. On Linux this is
 * checked through {@code /proc/self/fd/2}; elsewhere {@link System#console()} stands in for it.
 *
 * <p>{@link #advance} is thread-safe and cheap (two atomic additions and a clock read); one thread
 * at a time prints. Written by hand rather than with a progress-bar library: it needs no terminal
 * library and no extra dependency.
 */
public final class Progress implements AutoCloseable {
  /** Default minimum time between two printed lines: 500 ms. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);

  private final String label;
  private final long totalBytes;
  private final PrintStream out;
  private final boolean enabled;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final long startNanos;
  private final AtomicLong documents = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong nextPrintNanos;
  private int lastLength;
  private boolean closed;

  private Progress(Builder builder) {
    this.label = builder.label;
    this.totalBytes = builder.totalBytes;
    this.out = builder.out;
    this.enabled = builder.enabled != null ? builder.enabled : standardErrorIsTerminal();
    this.intervalNanos = builder.interval.toNanos();
    this.clock = builder.clock;
    this.startNanos = clock.getAsLong();
    this.nextPrintNanos = new AtomicLong(startNanos + intervalNanos);
  }

  /**
   * A reporter on standard error, enabled only if standard error is a terminal.
   *
   * @param label the word before the counts, e.g. {@code "scan"}
   * @param totalBytes the input size in bytes, or a negative number if unknown
   */
  public static Progress create(String label, long totalBytes) {
    return builder(label).totalBytes(totalBytes).build();
  }

  /**
   * A builder.
   *
   * @param label the word before the counts, e.g. {@code "scan"}; never null
   */
  public static Builder builder(String label) {
    return new Builder(label);
  }

  /** Whether this reporter prints at all. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Adds to the counts, and prints the line if the interval has passed. Thread-safe.
   *
   * @param documents documents finished since the last call (may be 0)
   * @param bytes bytes consumed since the last call (may be 0)
   */
  public void advance(long documents, long bytes) {
    long documentCount = this.documents.addAndGet(documents);
    long byteCount = this.bytes.addAndGet(bytes);
    if (!enabled) {
      return;
    }
    long now = clock.getAsLong();
    long due = nextPrintNanos.get();
    if (now - due >= 0 && nextPrintNanos.compareAndSet(due, now + intervalNanos)) {
      print(documentCount, byteCount, now, false);
    }
  }

  /** Documents counted so far. */
  public long documents() {
    return documents.get();
  }

  /** Bytes counted so far. */
  public long bytes() {
    return bytes.get();
  }

  /** The line that would be printed now, without {@code \r} or padding. */
  public String line() {
    return format(documents.get(), bytes.get(), clock.getAsLong());
  }

  /** Prints the final line followed by a newline (if enabled). Later calls do nothing. */
  @Override
  public void close() {
    if (!enabled) {
      return;
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    print(documents.get(), bytes.get(), clock.getAsLong(), true);
  }

  private synchronized void print(long documentCount, long byteCount, long now, boolean last) {
    if (closed && !last) {
      return;
    }
    String line = format(documentCount, byteCount, now);
    StringBuilder text = new StringBuilder(line.length() + lastLength + 2).append('\r');
    text.append(line);
    for (int i = line.length(); i < lastLength; i++) {
      text.append(' ');
    }
    lastLength = line.length();
    if (last) {
      text.append(System.lineSeparator());
    }
    out.print(text);
    out.flush();
  }

  private String format(long documentCount, long byteCount, long now) {
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    StringBuilder line = new StringBuilder(label).append(": ");
    line.append(String.format(Locale.ROOT, "%,d documents", documentCount));
    if (totalBytes > 0) {
      line.append(
          String.format(
              Locale.ROOT,
              ", %s / %s (%d%%)",
              megabytes(byteCount),
              megabytes(totalBytes),
              Math.min(100, 100 * byteCount / totalBytes)));
    } else if (byteCount > 0) {
      line.append(", ").append(megabytes(byteCount));
    }
    line.append(String.format(Locale.ROOT, ", %,.0f documents/s", documentCount / seconds));
    if (totalBytes > 0 && byteCount > 0 && byteCount < totalBytes) {
      long left = Math.round(seconds * (totalBytes - byteCount) / byteCount);
      line.append(String.format(Locale.ROOT, ", %d:%02d left", left / 60, left % 60));
    }
    return line.toString();
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  /**
   * Whether standard error is an interactive terminal: on Linux, whether file descriptor 2 links to
   * a {@code /dev/pts} or {@code /dev/tty} device; elsewhere, whether {@link System#console()} is
   * present (true when both standard input and output are terminals).
   */
  static boolean standardErrorIsTerminal() {
    Path descriptor = Path.of("/proc/self/fd/2");
    try {
      if (Files.exists(descriptor)) {
        String target = Files.readSymbolicLink(descriptor).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      // fall through to the portable check
    }
    return System.console() != null;
  }

  /** Settings for a {@link Progress}. */
  public static final class Builder {
    private final String label;
    private long totalBytes = -1;
    private PrintStream out = System.err;
    private Boolean enabled;
    private Duration interval = DEFAULT_INTERVAL;
    private LongSupplier clock = System::nanoTime;

    private Builder(String label) {
      this.label = Objects.requireNonNull(label, "label");
    }

    /** The input size in bytes, or a negative number (the default) if unknown. */
    public Builder totalBytes(long totalBytes) {
      this.totalBytes = totalBytes;
      return this;
    }

    /** Where to print; default {@link System#err}. */
    public Builder output(PrintStream out) {
      this.out = Objects.requireNonNull(out, "out");
      return this;
    }

    /** Forces printing on or off; by default it is on only when standard error is a terminal. */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * The minimum time between printed lines; default 500 ms.
     *
     * @throws IllegalArgumentException if {@code interval} is negative
     */
    public Builder interval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("interval must not be negative, got " + interval);
      }
      this.interval = interval;
      return this;
    }

    /** The time source in nanoseconds, for tests; default {@link System#nanoTime()}. */
    public Builder clock(LongSupplier clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The reporter; its clock starts now. */
    public Progress build() {
      return new Progress(this);
    }
  }
}
