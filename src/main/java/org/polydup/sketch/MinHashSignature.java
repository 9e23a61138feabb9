package org.polydup.sketch;

/**
 * A MinHash signature of one shingle set, with the set's size (needed to turn a Jaccard estimate
 * into a containment estimate). Immutable. Made by a {@link MinHasher}; two signatures can be
 * compared only when made with the same number of permutations and seed.
 */
public final class MinHashSignature {
  private final int[] values;
  private final int setSize;
  private final long seed;

  /**
   * @param values one 32-bit value per permutation (slot); the array is owned by the signature
   * @param setSize number of distinct shingles in the set, {@code >= 0}
   * @param seed the seed of the hasher that made it
   */
  public MinHashSignature(int[] values, int setSize, long seed) {
    if (setSize < 0) {
      throw new IllegalArgumentException("setSize must be >= 0, got " + setSize);
    }
    this.values = values;
    this.setSize = setSize;
    this.seed = seed;
  }

  /** Number of slots (permutations). */
  public int numberOfPermutations() {
    return values.length;
  }

  /** Value of slot {@code i}. */
  public int value(int i) {
    return values[i];
  }

  /** Number of distinct shingles in the signed set. */
  public int setSize() {
    return setSize;
  }

  /** Seed of the hasher that made this signature. */
  public long seed() {
    return seed;
  }

  /** The slot values; do not modify. */
  public int[] values() {
    return values;
  }
}
