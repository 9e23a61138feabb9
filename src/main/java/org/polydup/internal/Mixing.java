package org.polydup.internal;

/** 64-bit mixing functions shared by the hashers and indexes. Not public API. */
public final class Mixing {
  private Mixing() {}

  /** MurmurHash3's 64-bit finaliser: a bijection with full avalanche. */
  public static long fmix64(long x) {
    x ^= x >>> 33;
    x *= 0xFF51AFD7ED558CCDL;
    x ^= x >>> 33;
    x *= 0xC4CEB9FE1A85EC53L;
    x ^= x >>> 33;
    return x;
  }

  /** SplitMix64's output function applied to {@code x + golden gamma}: derives seeds from seeds. */
  public static long splitMix64(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
