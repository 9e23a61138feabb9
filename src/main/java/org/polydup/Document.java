package org.polydup;

import java.util.Objects;

/**
 * One text to compare: a news story, a page, a digest.
 *
 * @param id caller's identifier, unique within one scan; never null or blank
 * @param text the raw text as published (may contain HTML entities and markup remnants); never null
 * @param languageHint ISO 639-1 code the caller vouches for, or {@code null} to detect it
 */
public record Document(String id, String text, String languageHint) {

  /** Validates the fields. */
  public Document {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank");
    }
    if (languageHint != null && languageHint.isBlank()) {
      languageHint = null;
    }
  }

  /** A document whose language is to be detected. */
  public static Document of(String id, String text) {
    return new Document(id, text, null);
  }
}
