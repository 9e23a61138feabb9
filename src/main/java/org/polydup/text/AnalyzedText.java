package org.polydup.text;

/**
 * The output of {@link TextAnalyzer}: the tokens of one text, with their offsets in the original
 * text, and the hashed shingles built from them. Immutable.
 *
 * <p>Token {@code i} covers the characters {@code [start(i), end(i))} of {@link #text()} (the raw
 * input, before any normalisation), so evidence can point at what a person sees. {@link
 * #shingles()} holds one 64-bit hash per shingle position: shingle {@code j} covers tokens {@code
 * [shingleFirstToken(j), shingleFirstToken(j) + shingleTokenCount(j))}.
 */
public final class AnalyzedText {
  private final String text;
  private final String[] tokens;
  private final int[] starts;
  private final int[] ends;
  private final long[] shingles;
  private final int[] shingleFirstToken;
  private final int[] shingleTokenCount;

  /** Package-private: built by the analyzer, which owns the arrays it passes. */
  AnalyzedText(
      String text,
      String[] tokens,
      int[] starts,
      int[] ends,
      long[] shingles,
      int[] shingleFirstToken,
      int[] shingleTokenCount) {
    this.text = text;
    this.tokens = tokens;
    this.starts = starts;
    this.ends = ends;
    this.shingles = shingles;
    this.shingleFirstToken = shingleFirstToken;
    this.shingleTokenCount = shingleTokenCount;
  }

  /** The raw input text. */
  public String text() {
    return text;
  }

  /** Number of tokens. */
  public int tokenCount() {
    return tokens.length;
  }

  /** The normalised (NFKC, case-folded) form of token {@code i}. */
  public String token(int i) {
    return tokens[i];
  }

  /** Offset of the first character of token {@code i} in {@link #text()}. */
  public int start(int i) {
    return starts[i];
  }

  /** Offset one past the last character of token {@code i} in {@link #text()}. */
  public int end(int i) {
    return ends[i];
  }

  /** Number of shingles. */
  public int shingleCount() {
    return shingles.length;
  }

  /** Shingle hashes in text order (may repeat); do not modify the returned array. */
  public long[] shingles() {
    return shingles;
  }

  /** Index of the first token of shingle {@code j}. */
  public int shingleFirstToken(int j) {
    return shingleFirstToken[j];
  }

  /** Number of tokens in shingle {@code j}. */
  public int shingleTokenCount(int j) {
    return shingleTokenCount[j];
  }

  /** Character offset in {@link #text()} where shingle {@code j} starts. */
  public int shingleStart(int j) {
    return starts[shingleFirstToken[j]];
  }

  /** Character offset in {@link #text()} where shingle {@code j} ends. */
  public int shingleEnd(int j) {
    return ends[shingleFirstToken[j] + shingleTokenCount[j] - 1];
  }
}
