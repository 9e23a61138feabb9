package org.polydup;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall-clock time per pipeline stage, for the scan statistics. Not thread-safe. */
final class StageClock {
  private final Map<String, Double> laps = new LinkedHashMap<>();
  private long last = System.nanoTime();

  /** Ends the stage {@code name}, started at the previous lap. */
  void lap(String name) {
    long now = System.nanoTime();
    laps.merge(name, (now - last) / 1e9, Double::sum);
    last = now;
  }

  Map<String, Double> laps() {
    return laps;
  }
}
