package org.polydup.align.extract;

import com.ibm.icu.lang.UScript;

/**
 * One word, number or link of a text as {@link Tokenizer} cut it: its span and type, its {@link
 * Word}'s case and script copied in, whether it starts a sentence, and whether its script is
 * foreign to the text's language.
 */
final class Token {
  final String text;
  final int start;
  final int end;
  final TokenType type;
  final String surface;
  final String lower;
  final int script;
  final boolean capitalised;
  final boolean upper;
  final boolean sentenceInitial;
  final boolean foreignScript;
  final boolean pureHan;

  /** The token's {@link Word}: cached for words, uncached for numbers and links. */
  final Word word;

  Token(String text, int start, int end, TokenType type, int nativeScript, Word word) {
    this.text = text;
    this.start = start;
    this.end = end;
    this.type = type;
    this.word = word;
    this.surface = word.surface;
    this.script = word.script;
    this.capitalised = word.capitalised;
    this.lower = word.lower;
    this.upper = word.upper;
    this.pureHan = word.pureHan;
    this.sentenceInitial = isSentenceInitial(text, start);
    boolean nativeIsHan = nativeScript == UScript.HAN;
    this.foreignScript =
        type == TokenType.LETTERS
            && script != UScript.COMMON
            && script != nativeScript
            && !(nativeIsHan && (script == UScript.HIRAGANA || script == UScript.KATAKANA));
  }

  int length() {
    return surface.length();
  }

  private static boolean isSentenceInitial(String text, int start) {
    // By code point: a letter outside the BMP (mathematical bold, many scripts' supplements) is
    // two surrogates, neither of them a letter, and a walk by char went back to the start of the
    // text for every such word, quadratic in it.
    for (int i = start; i > 0; ) {
      int c = text.codePointBefore(i);
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == '…' || c == ':'
          || c == '•' || c == '。' || c == '！' || c == '？') {
        return true;
      }
      if (Character.isLetterOrDigit(c) || c == ',' || c == ';') {
        return false;
      }
      i -= Character.charCount(c);
    }
    return true;
  }

  /** The entity of {@code token}'s span and surface, with these keys and kind. */
  static Entity entity(long key, long wordKey, EntityKind kind, Token token) {
    return new Entity(key, wordKey, kind, token.start, token.end, token.surface);
  }
}
