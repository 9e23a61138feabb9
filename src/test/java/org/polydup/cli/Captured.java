package org.polydup.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** What a command prints, for the CLI tests. */
final class Captured {
  private Captured() {}

  /** What {@code r} prints on standard output. */
  static String stdout(Runnable r) {
    return capture(r, System.out, System::setOut);
  }

  /** What {@code r} prints on standard error. */
  static String stderr(Runnable r) {
    return capture(r, System.err, System::setErr);
  }

  /** What {@code r} prints on the stream {@code set} replaces ({@code old} until then). */
  private static String capture(Runnable r, PrintStream old, Consumer<PrintStream> set) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    set.accept(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      set.accept(old);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
