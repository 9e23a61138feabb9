package org.polydup.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, UTF_8);
  private final AtomicLong nanos = new AtomicLong();

  private Progress.Builder builder() {
    return Progress.builder("scan").output(out).clock(nanos::get);
  }

  @Test
  void disabled_printsNothing_butStillCounts() {
    try (Progress progress = builder().enabled(false).build()) {
      nanos.set(10_000_000_000L);
      progress.advance(3, 100);
      assertEquals(3, progress.documents());
      assertEquals(100, progress.bytes());
    }
    assertEquals("", bytes.toString(UTF_8));
  }

  @Test
  void defaultsToDisabled_whenStandardErrorIsNotATerminal() {
    // Surefire pipes standard error, so the default must stay quiet here.
    assertFalse(Progress.standardErrorIsTerminal());
    assertFalse(Progress.create("scan", -1).enabled());
  }

  @Test
  void enabled_printsAtMostOncePerInterval_andAFinalLine() {
    try (Progress progress = builder().enabled(true).totalBytes(4_000_000).build()) {
      nanos.set(100_000_000L);
      progress.advance(1, 1_000_000); // before the first 500 ms: silent
      assertEquals("", bytes.toString(UTF_8));
      nanos.set(1_000_000_000L);
      progress.advance(1, 1_000_000);
      progress.advance(1, 0); // same instant: silent
      assertEquals(
          "\rscan: 2 documents, 2.0 MB / 4.0 MB (50%), 2 documents/s, 0:01 left",
          bytes.toString(UTF_8));
      nanos.set(2_000_000_000L);
    }
    String output = bytes.toString(UTF_8);
    assertTrue(
        output.endsWith(
            "\rscan: 3 documents, 2.0 MB / 4.0 MB (50%), 2 documents/s, 0:02 left"
                + System.lineSeparator()),
        output);
  }

  @Test
  void advance_isThreadSafe() throws InterruptedException {
    Progress progress = builder().enabled(true).build();
    Thread[] threads = new Thread[8];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 10_000; i++) {
                  nanos.addAndGet(1_000_000);
                  progress.advance(1, 10);
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    progress.close();
    assertEquals(80_000, progress.documents());
    assertEquals(800_000, progress.bytes());
    String output = bytes.toString(UTF_8);
    assertTrue(output.contains("scan: 80,000 documents, 0.8 MB"), output);
  }
}
