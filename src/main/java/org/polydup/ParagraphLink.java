package org.polydup;

/**
 * Two stretches of text that a paragraph-structure alignment pairs: a paragraph of one document and
 * the paragraph (or the run of paragraphs, where one text split what the other kept together) of
 * the other in the same bead. The evidence of a translation found by its structure alone, such as a
 * chat or a forum thread that names nothing, where no entity was aligned. Offsets are UTF-16
 * indices into the raw texts, end exclusive, like every other offset of a {@link Match}.
 *
 * @param aStart start of the stretch in document a
 * @param aEnd end of the stretch in document a
 * @param bStart start of the stretch in document b
 * @param bEnd end of the stretch in document b
 */
public record ParagraphLink(int aStart, int aEnd, int bStart, int bEnd) {

  /** Checks that each side is a range: {@code 0 <= start <= end}. */
  public ParagraphLink {
    if (aStart < 0 || aEnd < aStart || bStart < 0 || bEnd < bStart) {
      throw new IllegalArgumentException(
          "not ranges: a [" + aStart + ", " + aEnd + "), b [" + bStart + ", " + bEnd + ")");
    }
  }
}
