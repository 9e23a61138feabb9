package org.polydup.text;

import java.util.Objects;

/**
 * Immutable settings for {@link TextAnalyzer}. Build with {@link #builder()}; {@link #defaults()}
 * gives 3-token shingles, seed 0, at most 2,000,000 analysed characters and dictionary segmentation
 * of Chinese and Japanese.
 *
 * @param shingleSize number of consecutive tokens per shingle, in [1, 64]
 * @param seed seed of the 64-bit token and shingle hashes; texts are only comparable when analysed
 *     with the same seed
 * @param maximumCharacters only the first {@code maximumCharacters} characters (UTF-16 units) of a
 *     text are analysed, so one huge input cannot stall a worker; at least 1
 * @param hanAndKanaSegmentation how runs of Han and kana become tokens
 */
public record TextOptions(
    int shingleSize,
    long seed,
    int maximumCharacters,
    HanAndKanaSegmentation hanAndKanaSegmentation) {

  /**
   * How runs of Han characters and kana (Chinese, Japanese), which have no spaces, become tokens.
   * Thai, Lao, Khmer and Myanmar always use the dictionary.
   */
  public enum HanAndKanaSegmentation {
    /**
     * Words from ICU's dictionary-based word BreakIterator: real words, and offsets that do not
     * overlap; ICU's segmentation runs at about 10-12 MB/s (UTF-8) on Chinese and Japanese news.
     */
    DICTIONARY,
    /**
     * Overlapping character bigrams (a run of one character is one token), as in Lucene's CJK
     * bigram filter: no dictionary, about 8 times faster (85-95 MB/s), but consecutive tokens
     * overlap by one character in the raw text and there are about twice as many tokens.
     */
    BIGRAMS
  }

  /** Default number of tokens per shingle. */
  public static final int DEFAULT_SHINGLE_SIZE = 3;

  /** Default analysed prefix length, in UTF-16 characters. */
  public static final int DEFAULT_MAXIMUM_CHARACTERS = 2_000_000;

  /** Largest accepted shingle size. */
  public static final int MAXIMUM_SHINGLE_SIZE = 64;

  private static final TextOptions DEFAULTS =
      new TextOptions(DEFAULT_SHINGLE_SIZE, 0L, DEFAULT_MAXIMUM_CHARACTERS);

  /**
   * Settings with dictionary segmentation of Han and kana.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public TextOptions(int shingleSize, long seed, int maximumCharacters) {
    this(shingleSize, seed, maximumCharacters, HanAndKanaSegmentation.DICTIONARY);
  }

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if {@code shingleSize} is outside [1, 64] or {@code
   *     maximumCharacters} is below 1
   * @throws NullPointerException if {@code hanAndKanaSegmentation} is null
   */
  public TextOptions {
    Objects.requireNonNull(hanAndKanaSegmentation, "hanAndKanaSegmentation");
    if (shingleSize < 1 || shingleSize > MAXIMUM_SHINGLE_SIZE) {
      throw new IllegalArgumentException(
          "shingleSize must be in [1, " + MAXIMUM_SHINGLE_SIZE + "], got " + shingleSize);
    }
    if (maximumCharacters < 1) {
      throw new IllegalArgumentException(
          "maximumCharacters must be >= 1, got " + maximumCharacters);
    }
  }

  /** The default options: 3-token shingles, seed 0, 2,000,000 characters, dictionary. */
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
    private HanAndKanaSegmentation hanAndKanaSegmentation = HanAndKanaSegmentation.DICTIONARY;

    private Builder() {}

    /** How Han and kana runs become tokens; default {@link HanAndKanaSegmentation#DICTIONARY}. */
    public Builder hanAndKanaSegmentation(HanAndKanaSegmentation hanAndKanaSegmentation) {
      this.hanAndKanaSegmentation =
          Objects.requireNonNull(hanAndKanaSegmentation, "hanAndKanaSegmentation");
      return this;
    }

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
      return new TextOptions(shingleSize, seed, maximumCharacters, hanAndKanaSegmentation);
    }
  }
}
