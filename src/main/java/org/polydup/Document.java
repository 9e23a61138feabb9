package org.polydup;

import java.util.Objects;

/**
 * One text to compare: a news story, a page, a digest.
 *
 * @param id caller's identifier, unique within one scan; never null or blank
 * @param text the raw text as published (may contain HTML entities and markup remnants); never null
 * @param languageHint ISO 639-1 code the caller vouches for, or {@code null} to detect it. A hint
 *     whose primary subtag is two or three ASCII letters other than {@code und} ({@code de}, {@code
 *     pt-BR}, {@code xx}) is taken as the language, unchecked but for CLDR's aliases ({@code deu}
 *     and {@code ger} read as {@code de}, {@code fil} as {@code tl}, the code detection answers);
 *     any other ({@code german}) is ignored, silently, and the language detected ({@link
 *     org.polydup.lang.LanguageIdentifier#isLanguageCode} tells which beforehand; the command line
 *     warns)
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
