package org.polydup.text;

/**
 * Immutable settings for {@link TextAnalyzer}. Build with {@link #builder()}; {@link #defaults()}
 * gives 3-token shingles, seed 0 and at most 2,000,000 analysed characters.
 *
 * @param shingleSize number of consecutive tokens per shingle, in [1, 64]
 * @param seed seed of the 64-bit token and shingle hashes; texts are only comparable when analysed
 *     with the same seed
 * @param maximumCharacters only the first {@code maximumCharacters} characters (UTF-16 units) of a
 *     text are analysed, so one huge input cannot stall a worker; at least 1
 */
public record TextOptions(int shingleSize, long seed, int maximumCharacters) {

  /** Default number of tokens per shingle. */
  public static final int DEFAULT_SHINGLE_SIZE = 3;

  /** Default analysed prefix length, in UTF-16 characters. */
  public static final int DEFAULT_MAXIMUM_CHARACTERS = 2_000_000;

  /** Largest accepted shingle size. */
  public static final int MAXIMUM_SHINGLE_SIZE = 64;

  private static final TextOptions DEFAULTS =
      new TextOptions(DEFAULT_SHINGLE_SIZE, 0L, DEFAULT_MAXIMUM_CHARACTERS);

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if {@code shingleSize} is outside [1, 64] or {@code
   *     maximumCharacters} is below 1
   */
  public TextOptions {
    if (shingleSize < 1 || shingleSize > MAXIMUM_SHINGLE_SIZE) {
      throw new IllegalArgumentException(
          "shingleSize must be in [1, " + MAXIMUM_SHINGLE_SIZE + "], got " + shingleSize);
    }
    if (maximumCharacters < 1) {
      throw new IllegalArgumentException(
          "maximumCharacters must be >= 1, got " + maximumCharacters);
    }
  }

  /** The default options: 3-token shingles, seed 0, 2,000,000 characters. */
  public static TextOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder for {@link TextOptions}; validation happens in {@link #build()}. */
  public static final class Builder {
    private int shingleSize = DEFAULT_SHINGLE_SIZE;
    private long seed;
    private int maximumCharacters = DEFAULT_MAXIMUM_CHARACTERS;

    private Builder() {}

    /** Tokens per shingle, in [1, 64]; checked by {@link #build()}. */
    public Builder shingleSize(int shingleSize) {
      this.shingleSize = shingleSize;
      return this;
    }

    /** Seed of the token and shingle hashes; any value. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Longest analysed prefix in UTF-16 characters, at least 1; checked by {@link #build()}. */
    public Builder maximumCharacters(int maximumCharacters) {
      this.maximumCharacters = maximumCharacters;
      return this;
    }

    /**
     * Builds the options.
     *
     * @throws IllegalArgumentException if a value is out of range (the message names it)
     */
    public TextOptions build() {
      return new TextOptions(shingleSize, seed, maximumCharacters);
    }
  }
}
