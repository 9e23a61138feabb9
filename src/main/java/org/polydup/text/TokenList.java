package org.polydup.text;

import java.util.Arrays;

/**
 * The tokens of the text a {@link TextAnalyzer} is reading, in order: each token's hash, its
 * offsets into the raw text, and its string when the call keeps strings. Parallel arrays reused
 * from one text to the next, so adding a token allocates nothing once they have grown.
 *
 * <p>Not thread-safe: owned by one worker.
 */
final class TokenList {
  private String[] tokens = new String[256];
  private int[] starts = new int[256];
  private int[] ends = new int[256];
  private long[] tokenHashes = new long[256];
  private int tokenCount;

  /** Number of tokens added since the last {@link #clear}. */
  int count() {
    return tokenCount;
  }

  /** Forgets the tokens of the last text; the arrays are kept. */
  void clear() {
    tokenCount = 0;
  }

  void add(long hash, String token, int start, int end) {
    if (tokenCount == tokenHashes.length) {
      int capacity = tokenCount * 2;
      tokens = Arrays.copyOf(tokens, capacity);
      starts = Arrays.copyOf(starts, capacity);
      ends = Arrays.copyOf(ends, capacity);
      tokenHashes = Arrays.copyOf(tokenHashes, capacity);
    }
    tokens[tokenCount] = token;
    starts[tokenCount] = start;
    ends[tokenCount] = end;
    tokenHashes[tokenCount] = hash;
    tokenCount++;
  }

  /** The token hashes; the first {@link #count()} are this text's. */
  long[] hashes() {
    return tokenHashes;
  }

  /** The raw start offsets; the first {@link #count()} are this text's. */
  int[] starts() {
    return starts;
  }

  /** The raw end offsets; the first {@link #count()} are this text's. */
  int[] ends() {
    return ends;
  }

  /**
   * This text's token strings, copied, and drops the references this list held to them, so a worker
   * does not keep the strings of its last text alive.
   */
  String[] takeTokens() {
    String[] copy = Arrays.copyOf(tokens, tokenCount);
    Arrays.fill(tokens, 0, tokenCount, null);
    return copy;
  }

  /** Drops the arrays if a large text grew them past {@code retained} tokens. */
  void release(int retained) {
    if (tokenHashes.length > retained) {
      tokens = new String[256];
      starts = new int[256];
      ends = new int[256];
      tokenHashes = new long[256];
    }
  }

  /** Capacity of the arrays now kept, in array elements, for tests. */
  int retainedCapacity() {
    return tokens.length + starts.length + ends.length + tokenHashes.length;
  }
}
