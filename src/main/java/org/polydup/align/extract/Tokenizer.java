package org.polydup.align.extract;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into {@link Token}s: words from ICU's word break iterator (dictionary segmentation
 * for Chinese and Japanese), links taken out whole first ({@link LinkFinder}), a number glued to
 * letters split off them ({@code $20bn}), and an article elided before a French, Italian or Catalan
 * word left out ({@link Elision}). Words get their cached {@link Word} from the extractor's {@link
 * Vocabulary}, numbers and links an uncached one. Not thread-safe: the break iterator is stateful;
 * owned by one {@link EntityExtractor}.
 */
final class Tokenizer {
  private final BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);
  private final Elision elision = new Elision();
  private final Vocabulary vocabulary;

  /**
   * @param vocabulary the owning extractor's words
   */
  Tokenizer(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /**
   * The tokens of {@code text} in text order.
   *
   * @param text raw text, any length
   * @param nativeScript the ICU script code of the language's own script ({@link
   *     LanguageTags#nativeScript})
   * @param language the language code the words are cached and keyed under
   */
  List<Token> tokenize(String text, int nativeScript, String language) {
    SpanMap<Word> known = vocabulary.wordsOf(language);
    List<Token> tokens = new ArrayList<>();
    int[] links = LinkFinder.linkSpans(text);
    int link = 0;
    int nextLinkStart = links.length > 0 ? links[0] : Integer.MAX_VALUE;
    int nextLinkEnd = links.length > 0 ? links[1] : Integer.MAX_VALUE;
    words.setText(text);
    int start = words.first();
    for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
      while (start >= nextLinkEnd) {
        link += 2;
        nextLinkStart = link < links.length ? links[link] : Integer.MAX_VALUE;
        nextLinkEnd = link < links.length ? links[link + 1] : Integer.MAX_VALUE;
      }
      if (end > nextLinkStart) {
        if (start <= nextLinkStart) {
          Word linkWord =
              new Word(text.substring(nextLinkStart, nextLinkEnd), language, vocabulary);
          tokens.add(
              new Token(text, nextLinkStart, nextLinkEnd, TokenType.LINK, nativeScript, linkWord));
        }
        continue;
      }
      int status = words.getRuleStatus();
      TokenType type;
      if (status >= BreakIterator.WORD_IDEO && status < BreakIterator.WORD_IDEO_LIMIT) {
        type = TokenType.IDEOGRAPHS;
      } else if (status >= BreakIterator.WORD_KANA && status < BreakIterator.WORD_KANA_LIMIT) {
        type = TokenType.KANA;
      } else if (status >= BreakIterator.WORD_LETTER && status < BreakIterator.WORD_LETTER_LIMIT) {
        type = TokenType.LETTERS;
      } else if (status >= BreakIterator.WORD_NUMBER && status < BreakIterator.WORD_NUMBER_LIMIT) {
        type = TokenType.NUMBER;
      } else {
        continue;
      }
      if (type == TokenType.LETTERS) {
        int split = numberPrefixEnd(text, start, end);
        if (split > start) {
          // A number glued to letters ($20bn, 5km, the 1990s, 2nd) is one word to ICU: the
          // number stands on its own, and the letters after it as a word that may be its
          // magnitude (see NumberEntities).
          tokens.add(
              new Token(
                  text,
                  start,
                  split,
                  TokenType.NUMBER,
                  nativeScript,
                  new Word(text.substring(start, split), language, vocabulary)));
          start = split;
        }
        // French l'Allemagne, Italian dell'Ucraina: the name starts after the elided article.
        start = elision.wordStart(text, start, end, language);
      }
      Word word =
          type == TokenType.NUMBER
              ? new Word(text.substring(start, end), language, vocabulary)
              : vocabulary.word(text, start, end, language, known);
      if (type == TokenType.LETTERS || type == TokenType.IDEOGRAPHS) {
        // ICU's Japanese dictionary marks Katakana words as ideographic: they are Kana names.
        if (word.script == UScript.HAN) {
          type = TokenType.IDEOGRAPHS;
        } else if (word.script == UScript.KATAKANA || word.script == UScript.HIRAGANA) {
          type = TokenType.KANA;
        }
      }
      tokens.add(new Token(text, start, end, type, nativeScript, word));
    }
    return tokens;
  }

  /**
   * Where the number that starts the word {@code text[start, end)} ends, when the word is a number
   * (digits of any script, single separators between them) followed by letters only; else -1. Words
   * with digits among their letters ({@code 0x1f}, {@code 4x4}) are left whole.
   */
  private static int numberPrefixEnd(String text, int start, int end) {
    int i = start;
    int lastDigitEnd = -1;
    while (i < end) {
      int codePoint = text.codePointAt(i);
      if (UCharacter.digit(codePoint, 10) >= 0) {
        lastDigitEnd = i + Character.charCount(codePoint);
      } else if (lastDigitEnd != i || UCharacter.isLetter(codePoint)) {
        break;
      }
      i += Character.charCount(codePoint);
    }
    if (lastDigitEnd < 0 || lastDigitEnd == end) {
      return -1;
    }
    for (int j = lastDigitEnd; j < end; ) {
      int codePoint = text.codePointAt(j);
      if (!UCharacter.isLetter(codePoint)
          && UCharacter.getType(codePoint) != UCharacter.NON_SPACING_MARK) {
        return -1;
      }
      j += Character.charCount(codePoint);
    }
    return UCharacter.isLetter(text.codePointAt(lastDigitEnd)) ? lastDigitEnd : -1;
  }
}
