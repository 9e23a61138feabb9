package org.polydup.verify;

/**
 * A stretch of text that two documents share verbatim (after normalisation), as character offsets
 * into each raw text: {@code [aStart, aEnd)} in the first document and {@code [bStart, bEnd)} in
 * the second.
 *
 * @param aStart first char in document a
 * @param aEnd one past the last char in document a
 * @param bStart first char in document b
 * @param bEnd one past the last char in document b
 * @param shingles number of consecutive shared shingles the passage spans
 */
public record SharedPassage(int aStart, int aEnd, int bStart, int bEnd, int shingles) {

  /** The same passage seen from the other document. */
  public SharedPassage swapped() {
    return new SharedPassage(bStart, bEnd, aStart, aEnd, shingles);
  }
}
