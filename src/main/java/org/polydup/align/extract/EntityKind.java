package org.polydup.align.extract;

/** What an extracted token stands for. Only {@link #isAnchor() anchors} survive translation. */
public enum EntityKind {
  /** A capitalised name, a name in another script, a Katakana run or a Han word. */
  NAME(true),
  /** An all-capital abbreviation such as {@code FT}, {@code UNN}, {@code УНН}. */
  ACRONYM(true),
  /** A number with its magnitude word applied ({@code 20 billion} = {@code 2e10}). */
  NUMBER(true),
  /** A country, language, currency, city, month or weekday name mapped to its CLDR code. */
  CODE(true),
  /** A URL, e-mail address or social-media handle. */
  LINK(true),
  /**
   * A Han word by its written form ({@link KeyEncoder#hanKey}): an anchor only between two
   * languages written in Han characters (Chinese and Japanese), where it stands beside the word's
   * other keys; against any other language it could never match and would only dilute coverage.
   */
  HAN_FORM(true),
  /**
   * A Katakana word's key by the spelling of the word it was borrowed from ({@link
   * KeyEncoder#spellingKey}, {@link KeyEncoder#katakanaCognateKey}), beside the word's own sound
   * key: like {@link #HAN_FORM} a second key of a word already there, so same-language alignment,
   * which compares the words themselves, leaves it out.
   */
  SPELLING(true),
  /** Any other word; matches only within one language (or as a loanword cognate). */
  WORD(false);

  private final boolean anchor;

  EntityKind(boolean anchor) {
    this.anchor = anchor;
  }

  /** Whether this kind survives translation and takes part in cross-language alignment. */
  public boolean isAnchor() {
    return anchor;
  }
}
