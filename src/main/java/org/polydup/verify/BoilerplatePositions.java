package org.polydup.verify;

/**
 * Which positions of one document's {@link ShingleSequence} hold boilerplate shingles, as a bit per
 * position. Immutable.
 *
 * <p>Why per document: a batch scan verifies each document against several candidates (460k pairs
 * over 103k documents on the bulk corpus), and asking {@link ShingleRarity} about every shingle of
 * every pair is a hash-set probe each, most of them cache misses. Computed once per document after
 * the frequencies are frozen, the same verdicts cost one bit test per position and the boilerplate
 * share of a text is a stored count.
 */
public final class BoilerplatePositions {
  /** No position is boilerplate, whatever the length. */
  public static final BoilerplatePositions NONE = new BoilerplatePositions(new long[0], 0, 0);

  private final long[] bits;
  private final int common;
  private final int length;

  private BoilerplatePositions(long[] bits, int common, int length) {
    this.bits = bits;
    this.common = common;
    this.length = length;
  }

  /**
   * The boilerplate positions of {@code sequence} under {@code rarity}.
   *
   * @param sequence the document's shingles
   * @param rarity which shingles are boilerplate
   * @return the positions; {@link #NONE} when no shingle is boilerplate
   */
  public static BoilerplatePositions of(ShingleSequence sequence, ShingleRarity rarity) {
    int length = sequence.length();
    if (rarity == ShingleRarity.NONE || length == 0) {
      return NONE;
    }
    long[] bits = null;
    int common = 0;
    for (int i = 0; i < length; i++) {
      if (rarity.isCommon(sequence.hashAt(i))) {
        if (bits == null) {
          bits = new long[(length + 63) >>> 6];
        }
        bits[i >>> 6] |= 1L << i;
        common++;
      }
    }
    return bits == null ? NONE : new BoilerplatePositions(bits, common, length);
  }

  /**
   * The boilerplate positions of {@code sequence} given the verdict on each of its distinct
   * shingles, the same as {@link #of(ShingleSequence, ShingleRarity)} under a rarity that answers
   * alike.
   *
   * @param commonDistinct whether {@code sequence.distinct()[k]} is boilerplate, at {@code k}; null
   *     when none is
   */
  static BoilerplatePositions of(ShingleSequence sequence, boolean[] commonDistinct) {
    int length = sequence.length();
    if (commonDistinct == null || length == 0) {
      return NONE;
    }
    long[] bits = new long[(length + 63) >>> 6];
    int common = 0;
    for (int i = 0; i < length; i++) {
      if (commonDistinct[sequence.distinctIndexAt(i)]) {
        bits[i >>> 6] |= 1L << i;
        common++;
      }
    }
    return common == 0 ? NONE : new BoilerplatePositions(bits, common, length);
  }

  /** Whether the shingle at {@code position} is boilerplate; false past the end. */
  public boolean isCommon(int position) {
    int word = position >>> 6;
    return word < bits.length && (bits[word] & (1L << position)) != 0;
  }

  /**
   * Number of boilerplate positions in {@code [from, to)}; positions past the end count as not
   * boilerplate. One population count per 64 positions, so a verifier can know how many informative
   * shingles a stretch holds without testing each position.
   *
   * @throws IllegalArgumentException when {@code from > to} or {@code from < 0}
   */
  public int countCommon(int from, int to) {
    if (from < 0 || from > to) {
      throw new IllegalArgumentException("need 0 <= from <= to, got " + from + ", " + to);
    }
    int end = Math.min(to, bits.length << 6);
    if (from >= end) {
      return 0;
    }
    int first = from >>> 6;
    int last = (end - 1) >>> 6;
    long lowMask = -1L << from; // shifts are mod 64: the bits from `from` within its word
    long highMask = -1L >>> (63 - ((end - 1) & 63)); // the bits up to end - 1 within its word
    if (first == last) {
      return Long.bitCount(bits[first] & lowMask & highMask);
    }
    int n = Long.bitCount(bits[first] & lowMask);
    for (int w = first + 1; w < last; w++) {
      n += Long.bitCount(bits[w]);
    }
    return n + Long.bitCount(bits[last] & highMask);
  }

  /** Share of the sequence's positions that are boilerplate, in [0, 1]; 0 for {@link #NONE}. */
  public double share() {
    return common == 0 ? 0 : (double) common / length;
  }

  /** Approximate heap footprint in bytes, for memory reports. */
  public long estimatedBytes() {
    return this == NONE ? 0 : 24L + 16L + 8L * bits.length;
  }
}
