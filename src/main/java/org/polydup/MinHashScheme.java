package org.polydup;

/** How MinHash signatures are computed. */
public enum MinHashScheme {
  /**
   * One-permutation hashing with optimal densification: one hash per shingle. The default.
   *
   * @see org.polydup.sketch.MinHasher
   */
  ONE_PASS,
  /**
   * Classic MinHash with one hash function per slot: k hashes per shingle. Same accuracy, k times
   * the work; kept as the reference that benchmarks measure against.
   *
   * @see org.polydup.sketch.ClassicMinHasher
   */
  CLASSIC
}
