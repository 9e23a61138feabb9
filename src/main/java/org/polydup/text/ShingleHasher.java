package org.polydup.text;

/**
 * Hashes word shingles from the hashes of their tokens: a position-weighted sum of the token hashes
 * followed by a 64-bit finaliser (MurmurHash3-style), so a k-gram costs k multiply-adds, not a hash
 * of the joined string. The hashes are pinned by a golden test.
 *
 * <p>Immutable, thread-safe.
 */
final class ShingleHasher {
  private static final long SHINGLE_MULTIPLIER = 0x9E3779B97F4A7C15L;

  private final long shingleSeed;

  /** A hasher for the analyzer seed {@code seed} ({@link TextOptions#seed()}). */
  ShingleHasher(long seed) {
    this.shingleSeed = finalizeHash(seed ^ 0x5F3C_6A1E_D2B4_8C97L);
  }

  /**
   * The hashes of the shingles of {@code width} consecutive tokens, one per start position, over
   * the first {@code tokenCount} of {@code tokenHashes}.
   */
  long[] shingleHashes(long[] tokenHashes, int tokenCount, int width) {
    int shingleCount = tokenCount == 0 ? 0 : tokenCount - width + 1;
    long[] shingles = new long[shingleCount];
    for (int j = 0; j < shingleCount; j++) {
      long accumulator = width;
      for (int t = j; t < j + width; t++) {
        accumulator = (accumulator + tokenHashes[t]) * SHINGLE_MULTIPLIER;
      }
      shingles[j] = finalizeHash(accumulator ^ shingleSeed);
    }
    return shingles;
  }

  /**
   * A MurmurHash3-style 64-bit finaliser. Its second multiplier differs from fmix64's
   * (0xC4CEB9FE1A85EC53); it is an odd constant with the same avalanche structure and is kept
   * because the shingle hashes are pinned by a golden test.
   */
  private static long finalizeHash(long value) {
    value ^= value >>> 33;
    value *= 0xFF51AFD7ED558CCDL;
    value ^= value >>> 33;
    value *= 0xC4CEB93053EC3FE5L;
    value ^= value >>> 33;
    return value;
  }
}
