package org.polydup.verify;

import org.polydup.internal.Mixing;

/**
 * Where a shingle's two counters lie in a count-min sketch of depth 2: shared by {@link
 * DocumentFrequencies} and {@link BatchDocumentFrequencies}, which must agree on it for their
 * counts to agree.
 */
final class CountMinCells {
  private static final long SECOND_SEED = 0x9E3779B97F4A7C15L;

  /** Largest row width: 2^26 cells. */
  static final int MAX_WIDTH = 1 << 26;

  private CountMinCells() {}

  /**
   * Cells per row for a sizing hint: the power of two at or above it, at least 1,024 and at most
   * {@link #MAX_WIDTH}.
   *
   * @throws IllegalArgumentException unless {@code expectedDistinctShingles >= 1}
   */
  static int width(long expectedDistinctShingles) {
    if (expectedDistinctShingles < 1) {
      throw new IllegalArgumentException(
          "expectedDistinctShingles must be >= 1, got " + expectedDistinctShingles);
    }
    int width =
        Integer.highestOneBit((int) Math.min(MAX_WIDTH, Math.max(1024L, expectedDistinctShingles)));
    if (width < expectedDistinctShingles && width < MAX_WIDTH) {
      width <<= 1;
    }
    return width;
  }

  /** The shingle's cell in the first row; {@code mask} is the width less one. */
  static int first(long h, int mask) {
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** The shingle's cell in the second row, from an independent mix of the hash. */
  static int second(long h, int mask) {
    return first(Mixing.splitMix64(h ^ SECOND_SEED), mask);
  }
}
