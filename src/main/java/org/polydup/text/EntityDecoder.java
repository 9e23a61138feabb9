package org.polydup.text;

/**
 * Decodes an HTML entity where it stands in the raw text, so the characters around it keep their
 * raw offsets. Holds the code point of the last entity decoded, so a decode allocates nothing.
 *
 * <p>Not thread-safe: owned by one {@link TextAnalyzer}.
 */
final class EntityDecoder {
  private int decodedCodePoint;

  /**
   * Decodes an HTML entity starting at {@code position} into {@link #codePoint()}; returns the
   * position after its ';', or -1 if there is no well-formed, known entity there.
   */
  int decodeEntity(char[] text, int position, int limit) {
    int semicolon = HtmlEntities.closingSemicolon(text, position, limit);
    if (semicolon < 0) {
      return -1;
    }
    int codePoint = HtmlEntities.codePoint(text, position, semicolon);
    if (codePoint < 0) {
      return -1;
    }
    decodedCodePoint = codePoint;
    return semicolon + 1;
  }

  /** The code point of the entity the last successful {@link #decodeEntity} read. */
  int codePoint() {
    return decodedCodePoint;
  }
}
