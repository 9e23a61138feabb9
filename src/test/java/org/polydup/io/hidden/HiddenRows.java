package org.polydup.io.hidden;

/**
 * Records that {@code org.polydup.io} cannot read through their accessors without reflection's
 * help: package-private, in a package of their own, like a caller's {@code record Row(...)}.
 */
public final class HiddenRows {
  private HiddenRows() {}

  record Row(String id, double score) {}

  /** A package-private record with the given components. */
  public static Record row(String id, double score) {
    return new Row(id, score);
  }
}
