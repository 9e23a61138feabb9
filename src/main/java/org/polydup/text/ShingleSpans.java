package org.polydup.text;

/**
 * The hashed shingles of one text with the character span of each, without the tokens: what
 * sketching and verification need, from {@link TextAnalyzer#shingle}. Immutable.
 *
 * <p>Shingle {@code j} has the same hash and covers the same characters {@code [start(j), end(j))}
 * of {@link #text()} as shingle {@code j} of {@link TextAnalyzer#analyze} on the same text.
 */
public final class ShingleSpans {
  private final String text;
  private final long[] hashes;
  private final int[] starts;
  private final int[] ends;

  /** Package-private: built by the analyzer, which hands over the arrays. */
  ShingleSpans(String text, long[] hashes, int[] starts, int[] ends) {
    this.text = text;
    this.hashes = hashes;
    this.starts = starts;
    this.ends = ends;
  }

  /** The raw input text. */
  public String text() {
    return text;
  }

  /** Number of shingles. */
  public int count() {
    return hashes.length;
  }

  /** Shingle hashes in text order (may repeat); do not modify the returned array. */
  public long[] hashes() {
    return hashes;
  }

  /** Character offsets in {@link #text()} where each shingle starts; do not modify. */
  public int[] starts() {
    return starts;
  }

  /** Character offsets in {@link #text()} where each shingle ends; do not modify. */
  public int[] ends() {
    return ends;
  }
}
