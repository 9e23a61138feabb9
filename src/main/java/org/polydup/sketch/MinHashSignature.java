package org.polydup.sketch;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.polydup.IncompatibleDataException;
import org.polydup.MinHashScheme;

/**
 * A MinHash signature of one shingle set, with the set's size (needed to turn a Jaccard estimate
 * into a containment estimate). Immutable. Made by a {@link MinHasher} (scheme {@link
 * MinHashScheme#ONE_PASS}) or a {@link ClassicMinHasher} ({@link MinHashScheme#CLASSIC}); two
 * signatures can be compared only when made with the same scheme, number of permutations and seed.
 * The scheme is part of the signature because the two fill their slots with different hash
 * functions: signatures of one set under the two schemes agree on almost no slot, so comparing them
 * would silently estimate a Jaccard similarity near 0. The estimators and {@link MinHasher#decode}
 * refuse such a mix instead.
 *
 * <p>The signature of the empty set ({@link #setSize()} {@code == 0}) has every slot equal to
 * {@code -1} ({@code 0xFFFFFFFF}); estimators treat it as similar to nothing (see {@link
 * SimilarityEstimator}).
 *
 * <h2>Serialised form</h2>
 *
 * {@link #toBytes()} writes, big-endian: the magic {@code "PDMH"} (4 bytes), the format version
 * {@value #FORMAT_VERSION} (1 byte), the scheme (1 byte: {@code 0} one-pass, {@code 1} classic),
 * the seed (8 bytes), the number of permutations {@code k} (4 bytes), the set size (4 bytes), then
 * the {@code k} slot values (4 bytes each): {@code 22 + 4k} bytes in all. The format is pinned by a
 * golden test.
 *
 * <p>{@link #fromBytes} also reads version 1, the same layout without the scheme byte ({@code 21 +
 * 4k} bytes), as a one-pass signature. That is what a version-1 signature is unless it was written
 * from the classic reference: one-pass is the only scheme the detector uses by default, and its
 * slot values are the same bit for bit in both versions (the golden test pins them), so refusing
 * version 1 would force every stored signature to be recomputed for no change. A version-1
 * signature made by {@link ClassicMinHasher}, a benchmark reference, is misread as one-pass; that
 * was already the case when it was written, as version 1 could not tell the two apart.
 */
public final class MinHashSignature {
  /** The first four bytes of every serialised signature: ASCII {@code "PDMH"}. */
  public static final int MAGIC = 0x50444D48;

  /** The serialised format version written by {@link #toBytes()}: 2, which records the scheme. */
  public static final byte FORMAT_VERSION = 2;

  /**
   * The version before the scheme was recorded; still read, as one-pass (see the class Javadoc).
   */
  private static final byte UNLABELLED_FORMAT_VERSION = 1;

  private static final int HEADER_BYTES = 4 + 1 + 1 + 8 + 4 + 4;
  private static final int UNLABELLED_HEADER_BYTES = HEADER_BYTES - 1;

  /** Scheme codes in the serialised form, by {@link MinHashScheme} ordinal; never reorder. */
  private static final byte ONE_PASS_CODE = 0;

  private static final byte CLASSIC_CODE = 1;

  private final int[] values;
  private final int setSize;
  private final long seed;
  private final MinHashScheme scheme;

  /**
   * @param values one 32-bit value per permutation (slot), {@code 1} to {@value
   *     MinHasher#MAX_PERMUTATIONS} of them (the range {@link #fromBytes} reads back); copied, so
   *     later changes to the array do not reach the signature
   * @param setSize number of distinct shingles in the set, {@code >= 0}
   * @param seed the seed of the hasher that made it
   * @param scheme the scheme of the hasher that made it
   * @throws NullPointerException if {@code values} or {@code scheme} is null
   * @throws IllegalArgumentException if {@code values} has no slot or more than {@value
   *     MinHasher#MAX_PERMUTATIONS}, or {@code setSize} is negative
   */
  public MinHashSignature(int[] values, int setSize, long seed, MinHashScheme scheme) {
    this(Objects.requireNonNull(values, "values").clone(), setSize, seed, scheme, true);
  }

  /**
   * A {@link MinHashScheme#ONE_PASS} signature, as made by {@link MinHasher}; see {@link
   * #MinHashSignature(int[], int, long, MinHashScheme)}.
   *
   * @param values one 32-bit value per slot, {@code 1} to {@value MinHasher#MAX_PERMUTATIONS} of
   *     them; copied
   * @param setSize number of distinct shingles in the set, {@code >= 0}
   * @param seed the seed of the hasher that made it
   * @throws NullPointerException if {@code values} is null
   * @throws IllegalArgumentException if {@code values} has no slot or more than {@value
   *     MinHasher#MAX_PERMUTATIONS}, or {@code setSize} is negative
   */
  public MinHashSignature(int[] values, int setSize, long seed) {
    this(values, setSize, seed, MinHashScheme.ONE_PASS);
  }

  /**
   * {@code owned} only tells this constructor from the public one: it keeps {@code values} as is.
   */
  private MinHashSignature(
      int[] values, int setSize, long seed, MinHashScheme scheme, boolean owned) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(scheme, "scheme");
    if (values.length < 1 || values.length > MinHasher.MAX_PERMUTATIONS) {
      throw new IllegalArgumentException(
          "values.length must be in [1, " + MinHasher.MAX_PERMUTATIONS + "], got " + values.length);
    }
    if (setSize < 0) {
      throw new IllegalArgumentException("setSize must be >= 0, got " + setSize);
    }
    this.values = values;
    this.setSize = setSize;
    this.seed = seed;
    this.scheme = scheme;
  }

  /**
   * A signature over {@code values} itself, not a copy: the caller made the array for this
   * signature and must not keep or change it. Saves a copy per signed document.
   */
  static MinHashSignature adopt(int[] values, int setSize, long seed, MinHashScheme scheme) {
    return new MinHashSignature(values, setSize, seed, scheme, true);
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

  /** The scheme of the hasher that made this signature. */
  public MinHashScheme scheme() {
    return scheme;
  }

  /** The slot values, in a new array (the signature stays immutable whatever the caller does). */
  public int[] values() {
    return values.clone();
  }

  /**
   * The slot values themselves, not a copy, for this package's estimators, which only read them:
   * {@link SimilarityEstimator} compares signatures once per candidate pair, where a copy of both
   * would cost more than the comparison.
   */
  int[] slots() {
    return values;
  }

  /** Whether this is the signature of the empty set ({@link #setSize()} {@code == 0}). */
  public boolean isEmpty() {
    return setSize == 0;
  }

  /**
   * Whether {@code other} was made with the same scheme, seed and number of permutations, so that
   * the two can be compared.
   *
   * @param other another signature, not null
   * @return true if schemes, seeds and numbers of permutations are equal
   */
  public boolean isCompatibleWith(MinHashSignature other) {
    return scheme == other.scheme && seed == other.seed && values.length == other.values.length;
  }

  /**
   * Serialises this signature with its header (see the class Javadoc).
   *
   * @return a new array of {@code 22 + 4 * numberOfPermutations()} bytes
   */
  public byte[] toBytes() {
    ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + 4 * values.length);
    buffer.putInt(MAGIC).put(FORMAT_VERSION).put(code(scheme));
    buffer.putLong(seed).putInt(values.length).putInt(setSize);
    for (int value : values) {
      buffer.putInt(value);
    }
    return buffer.array();
  }

  /**
   * Reads a signature written by {@link #toBytes()}, of this format version or version 1 (read as
   * one-pass; see the class Javadoc).
   *
   * @param bytes the serialised form
   * @return the signature
   * @throws NullPointerException if {@code bytes} is null
   * @throws IncompatibleDataException if the magic, the format version, the scheme code or the
   *     length is wrong, or the number of permutations or set size is out of range
   */
  public static MinHashSignature fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    try {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      int magic = buffer.getInt();
      if (magic != MAGIC) {
        throw new IncompatibleDataException(
            "not a polydup MinHash signature: magic must be 0x50444D48, got 0x"
                + Integer.toHexString(magic));
      }
      byte version = buffer.get();
      if (version != FORMAT_VERSION && version != UNLABELLED_FORMAT_VERSION) {
        throw new IncompatibleDataException(
            "unsupported signature format version: expected "
                + FORMAT_VERSION
                + " or "
                + UNLABELLED_FORMAT_VERSION
                + ", got "
                + version);
      }
      MinHashScheme scheme =
          version == FORMAT_VERSION ? scheme(buffer.get()) : MinHashScheme.ONE_PASS;
      long seed = buffer.getLong();
      int numberOfPermutations = buffer.getInt();
      if (numberOfPermutations < 1 || numberOfPermutations > MinHasher.MAX_PERMUTATIONS) {
        throw new IncompatibleDataException(
            "corrupt signature: numberOfPermutations must be in [1, "
                + MinHasher.MAX_PERMUTATIONS
                + "], got "
                + numberOfPermutations);
      }
      int setSize = buffer.getInt();
      if (setSize < 0) {
        throw new IncompatibleDataException(
            "corrupt signature: setSize must be >= 0, got " + setSize);
      }
      int header = version == FORMAT_VERSION ? HEADER_BYTES : UNLABELLED_HEADER_BYTES;
      int expectedLength = header + 4 * numberOfPermutations;
      if (bytes.length != expectedLength) {
        throw new IncompatibleDataException(
            "corrupt signature: expected " + expectedLength + " bytes, got " + bytes.length);
      }
      int[] values = new int[numberOfPermutations];
      for (int i = 0; i < numberOfPermutations; i++) {
        values[i] = buffer.getInt();
      }
      return adopt(values, setSize, seed, scheme);
    } catch (BufferUnderflowException e) {
      throw new IncompatibleDataException(
          "corrupt signature: truncated at " + bytes.length + " bytes", e);
    }
  }

  private static byte code(MinHashScheme scheme) {
    return switch (scheme) {
      case ONE_PASS -> ONE_PASS_CODE;
      case CLASSIC -> CLASSIC_CODE;
    };
  }

  private static MinHashScheme scheme(byte code) {
    return switch (code) {
      case ONE_PASS_CODE -> MinHashScheme.ONE_PASS;
      case CLASSIC_CODE -> MinHashScheme.CLASSIC;
      default ->
          throw new IncompatibleDataException(
              "corrupt signature: scheme code must be "
                  + ONE_PASS_CODE
                  + " (one-pass) or "
                  + CLASSIC_CODE
                  + " (classic), got "
                  + code);
    };
  }

  /**
   * Checks that this signature was made by a hasher with the given settings.
   *
   * @throws IncompatibleDataException naming both settings if it was not
   */
  MinHashSignature checkMadeBy(
      MinHashScheme hasherScheme, long hasherSeed, int hasherPermutations) {
    if (scheme != hasherScheme) {
      throw new IncompatibleDataException(
          "signature made with the "
              + scheme
              + " scheme, this hasher makes "
              + hasherScheme
              + " signatures: the two are not comparable");
    }
    if (seed != hasherSeed || values.length != hasherPermutations) {
      throw new IncompatibleDataException(
          "signature made with seed "
              + seed
              + " and numberOfPermutations "
              + values.length
              + ", this hasher uses seed "
              + hasherSeed
              + " and numberOfPermutations "
              + hasherPermutations);
    }
    return this;
  }

  /** Equal when scheme, seed, set size and all slot values are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof MinHashSignature that
        && scheme == that.scheme
        && seed == that.seed
        && setSize == that.setSize
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(values) * 31 + Long.hashCode(seed) * 17 + setSize) * 3
        + scheme.ordinal();
  }

  /** A short description: scheme, number of permutations, set size and seed (not the values). */
  @Override
  public String toString() {
    return "MinHashSignature[scheme="
        + scheme
        + ", numberOfPermutations="
        + values.length
        + ", setSize="
        + setSize
        + ", seed="
        + seed
        + "]";
  }
}
