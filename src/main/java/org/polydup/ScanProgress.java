package org.polydup;

/**
 * Receives progress of a long scan, e.g. to draw a progress bar. Called from worker threads;
 * implementations must be thread-safe and cheap.
 */
@FunctionalInterface
public interface ScanProgress {
  /** Ignores every update. */
  ScanProgress NONE = (stage, done, total) -> {};

  /**
   * @param stage short name of the running stage ("fingerprint", "verify", "align")
   * @param done units of work finished in this stage
   * @param total units of work in this stage
   */
  void update(String stage, long done, long total);
}
