package org.polydup.sketch;

import java.util.Arrays;
import java.util.Objects;
import org.polydup.IncompatibleDataException;
import org.polydup.MinHashScheme;
import org.polydup.internal.Mixing;

/**
 * Classic MinHash with {@code k} independent hash functions: the reference that {@link MinHasher}
 * is tested and benchmarked against. Immutable and thread-safe; deterministic for a given seed.
 *
 * <h2>Rationale</h2>
 *
 * A. Z. Broder, "On the resemblance and containment of documents", SEQUENCES 1997: for a random
 * hash function {@code h}, {@code P[min h(A) = min h(B)] = J(A, B)}; {@code k} independent
 * functions give {@code k} independent Bernoulli trials. Here function {@code i} is the MurmurHash3
 * 64-bit finaliser applied to the shingle hash XOR a per-slot seed (drawn from SplitMix64 seeded
 * with the user's seed), keeping the upper 32 bits. Each distinct shingle costs {@code k} mixes, so
 * signing is {@code O(n * k)}: slow, but with no densification step its estimator is exactly
 * binomial, which makes it the baseline for the statistical tests.
 *
 * <p>Its signatures use the same type as {@link MinHasher}'s but are NOT comparable with them, even
 * for equal seeds and {@code k}: the slot values come from different hash functions. They say so:
 * their {@link MinHashSignature#scheme()} is {@link MinHashScheme#CLASSIC}, and the estimators and
 * decoders refuse to mix the two.
 */
public final class ClassicMinHasher {
  private final int numberOfPermutations;
  private final long seed;
  private final long[] slotSeeds;

  private ClassicMinHasher(int numberOfPermutations, long seed) {
    this.numberOfPermutations = numberOfPermutations;
    this.seed = seed;
    this.slotSeeds = new long[numberOfPermutations];
    long state = seed;
    for (int i = 0; i < numberOfPermutations; i++) {
      state += 0x9E3779B97F4A7C15L;
      slotSeeds[i] = Mixing.splitMix64(state);
    }
  }

  /**
   * Creates a hasher.
   *
   * @param numberOfPermutations number of independent hash functions {@code k}, in {@code [1,
   *     4096]}
   * @param seed any value; signatures are comparable only when made with the same seed
   * @return the hasher
   * @throws IllegalArgumentException if {@code numberOfPermutations} is out of range
   */
  public static ClassicMinHasher create(int numberOfPermutations, long seed) {
    MinHasher.checkNumberOfPermutations(numberOfPermutations);
    return new ClassicMinHasher(numberOfPermutations, seed);
  }

  /** Number of slots in each signature, in {@code [1, 4096]}. */
  public int numberOfPermutations() {
    return numberOfPermutations;
  }

  /** The seed this hasher was created with. */
  public long seed() {
    return seed;
  }

  /**
   * Signs a shingle set.
   *
   * @param shingleHashes 64-bit shingle hashes, any order, repeats allowed (they count once); not
   *     modified; may be empty
   * @return a new {@link MinHashScheme#CLASSIC} signature; for an empty input every slot is {@code
   *     -1} and the set size 0
   */
  public MinHashSignature sign(long[] shingleHashes) {
    long[] sorted = Objects.requireNonNull(shingleHashes, "shingleHashes").clone();
    Arrays.sort(sorted);
    final int k = numberOfPermutations;
    final long[] seeds = slotSeeds;
    int[] values = new int[k];
    Arrays.fill(values, -1);
    int distinct = 0;
    for (int j = 0; j < sorted.length; j++) {
      long shingle = sorted[j];
      if (j > 0 && shingle == sorted[j - 1]) {
        continue;
      }
      distinct++;
      for (int i = 0; i < k; i++) {
        int value = (int) (Mixing.fmix64(shingle ^ seeds[i]) >>> 32);
        if (Integer.compareUnsigned(value, values[i]) < 0) {
          values[i] = value;
        }
      }
    }
    return MinHashSignature.adopt(values, distinct, seed, MinHashScheme.CLASSIC);
  }

  /**
   * Reads a serialised signature and checks that this hasher could have made it.
   *
   * @param bytes the output of {@link MinHashSignature#toBytes()}
   * @return the signature
   * @throws IncompatibleDataException if the bytes are corrupt, or the signature was made by the
   *     one-pass scheme or with another seed or number of permutations than this hasher's
   */
  public MinHashSignature decode(byte[] bytes) {
    return MinHashSignature.fromBytes(bytes)
        .checkMadeBy(MinHashScheme.CLASSIC, seed, numberOfPermutations);
  }

  @Override
  public String toString() {
    return "ClassicMinHasher[numberOfPermutations=" + numberOfPermutations + ", seed=" + seed + "]";
  }
}
