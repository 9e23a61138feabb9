package org.polydup.align.extract;

import java.util.Objects;

/**
 * One token of a document as the aligner sees it.
 *
 * @param key language-independent 64-bit key (transliteration + phonetic skeleton, a CLDR code or a
 *     normalised number); equal keys in two languages mean "probably the same thing"
 * @param wordKey language-specific 64-bit key (stemmed lower-case form) used within one language
 * @param kind what the token stands for
 * @param start offset of the first char in the raw text, inclusive
 * @param end offset after the last char in the raw text, exclusive
 * @param surface the raw text between {@code start} and {@code end}
 */
public record Entity(long key, long wordKey, EntityKind kind, int start, int end, String surface) {

  /** Validates the fields. */
  public Entity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(surface, "surface");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
