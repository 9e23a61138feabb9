package org.polydup.align.extract;

import static org.polydup.align.extract.GazetteerNames.codeEntity;
import static org.polydup.align.extract.Token.entity;

import com.ibm.icu.lang.UScript;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads the entities that start at a number token: the number, with thousands grouped by spaces
 * joined ({@code 250 000}) and a following magnitude word multiplied in ({@code 20 billion}, {@code
 * 20 мільярдів}, {@code 200亿}, {@code $20bn}); a currency sign or word before or after it; a month
 * that CLDR writes as digits and a character ({@code 8月}, {@code 8월}). Values are read by {@link
 * Numbers}. Not thread-safe: it remembers the list of numbers being read in the current text, and
 * shares its owning {@link EntityExtractor}'s key encoder and words.
 *
 * <h2>Rationale</h2>
 *
 * Translations keep numbers, but not how they are written: parsed with their grouping and decimal
 * separators and multiplied by a magnitude word, {@code 20 billion}, {@code 20 мільярдів} and
 * {@code 200亿} share one key. A currency word counts only after an amount ({@link #currencyAfter}):
 * units are words too often elsewhere.
 */
final class NumberEntities {
  /**
   * Space-separated groups of three digits after a number's first group that still make one number:
   * six reach 10^21, more than any quantity a story states ("1 000 000 000 000" is four).
   */
  private static final int MAXIMUM_GROUPS = 6;

  /** What separates thousands in "250 000": a space, or a no-break, narrow or thin space. */
  private static final String GROUP_SEPARATORS = " \u00a0\u202f\u2009";

  /** The last token of the list of numbers being read in the text ({@link #startText}), or -1. */
  private int listEnd = -1;

  private final Vocabulary vocabulary;
  private final KeyEncoder encoder;
  private final Gazetteer gazetteer;

  /**
   * @param vocabulary the owning extractor's words, with its key encoder and the gazetteer
   */
  NumberEntities(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
    this.encoder = vocabulary.encoder;
    this.gazetteer = vocabulary.gazetteer;
  }

  /** Starts a text: no list of numbers is being read. */
  void startText() {
    listEnd = -1;
  }

  /**
   * Whether {@code next} is a group of three digits one space after {@code token}, a group of
   * digits itself. The group may carry the number's decimal part ({@code 234,5} of French {@code 1
   * 234,5}), which ends it: no group follows a decimal part.
   */
  private static boolean isNextGroup(String text, Token token, Token next) {
    return next.type == TokenType.NUMBER
        && next.start - token.end == 1
        && GROUP_SEPARATORS.indexOf(text.charAt(token.end)) >= 0
        && Numbers.isDigits(token.surface)
        && (next.length() == 3 && Numbers.isDigits(next.surface) || isLastGroup(next.surface));
  }

  /** Whether {@code surface} is three digits, a decimal separator and one or more digits. */
  private static boolean isLastGroup(String surface) {
    return surface.length() > 4
        && Numbers.isDigits(surface.substring(0, 3))
        && DECIMAL_SEPARATORS.indexOf(surface.charAt(3)) >= 0
        && Numbers.isDigits(surface.substring(4));
  }

  /** Decimal separators after space-grouped thousands: comma, point, their fullwidth forms. */
  private static final String DECIMAL_SEPARATORS = ",.\uff0c\uff0e\u066b";

  /**
   * Adds the entities of the number {@code tokens[index]} and what it takes with it: the groups of
   * its thousands, a magnitude word, a currency before or after, or the character of a month;
   * returns the last token consumed. A token that is no number is a word keyed by its surface.
   */
  int number(String text, List<Token> tokens, int index, String language, List<Entity> entities) {
    Token token = tokens.get(index);
    BigDecimal value = Numbers.parseNumber(token.surface);
    if (value == null) {
      long key = KeyEncoder.hash("w:" + token.surface);
      entities.add(entity(key, key, EntityKind.WORD, token));
      return index;
    }
    int end = token.end;
    int consumed = index;
    // French, Czech, Russian and Ukrainian group thousands with a space: 250 000 is one number.
    int groups = 0;
    if (token.surface.length() <= 3 && Numbers.isDigits(token.surface) && index > listEnd) {
      while (consumed + 1 < tokens.size()) {
        if (!isNextGroup(text, tokens.get(consumed), tokens.get(consumed + 1))) {
          break;
        }
        if (groups == MAXIMUM_GROUPS) {
          // A list of numbers, not one number: each of its groups stands alone, and the run is
          // passed once, not from each group again (that made long lists quadratic).
          listEnd = consumed + 1;
          while (listEnd + 1 < tokens.size()
              && isNextGroup(text, tokens.get(listEnd), tokens.get(listEnd + 1))) {
            listEnd++;
          }
          groups = 0;
          break;
        }
        groups++;
        consumed++;
        end = tokens.get(consumed).end;
      }
      // The spaces become narrow no-break spaces, which the number reader takes for grouping
      // (removed, 1 234,567 read as 1234,567 grouped thousands again: 1234567).
      BigDecimal joined =
          groups == 0
              ? null
              : Numbers.parseNumber(
                  text.substring(token.start, end)
                      .replaceAll("[" + GROUP_SEPARATORS + "]", "\u202f"));
      if (joined != null) {
        value = joined;
        token =
            new Token(
                text,
                token.start,
                end,
                TokenType.NUMBER,
                0,
                new Word(text.substring(token.start, end), language, vocabulary));
        index = consumed;
      } else {
        // No groups (or a list of numbers, above): the first group alone.
        consumed = index;
        end = token.end;
      }
    }
    if (index + 1 < tokens.size()) {
      Token next = tokens.get(index + 1);
      boolean attached = next.start == token.end;
      boolean spaced =
          next.start - token.end <= 2 && text.substring(token.end, next.start).isBlank();
      if (attached && !UScript.isCased(next.script)) {
        // CLDR writes Chinese, Japanese and Korean months as digits + a character: 8月, 8월. The
        // character may begin a longer word (8月份, 8월에).
        String digits = value.toPlainString();
        String month = next.surface.substring(0, Character.charCount(next.surface.codePointAt(0)));
        for (String own : GazetteerNames.writtenLanguages(language, next.script)) {
          String code = gazetteer.lookupWritten(own, digits + next.surface);
          if (code == null) {
            code = gazetteer.lookupWritten(own, digits + month);
          }
          if (code != null) {
            entities.add(codeEntity(code, text, token.start, next.end));
            return index + 1;
          }
        }
      }
      if ((attached || spaced)
          && (next.type == TokenType.LETTERS || next.type == TokenType.IDEOGRAPHS)) {
        // A Han magnitude is one character whatever follows it in the run: 3万人 is 30,000 people.
        String word =
            next.type == TokenType.IDEOGRAPHS
                ? next.lower.substring(0, Character.charCount(next.lower.codePointAt(0)))
                : next.lower;
        String roman = encoder.romanise(word, language);
        double magnitude = gazetteer.magnitude(roman, language);
        if (magnitude == 0 && next.type == TokenType.LETTERS) {
          magnitude = abbreviatedMagnitude(text, token, next, roman, language);
        }
        if (magnitude > 0) {
          value = value.multiply(BigDecimal.valueOf(magnitude));
          end = next.end;
          consumed = index + 1;
        }
      }
    }
    String normalised = value.stripTrailingZeros().toPlainString();
    long key = KeyEncoder.hash("#:" + normalised);
    if (token.start > 0) {
      int sign = text.codePointBefore(token.start);
      String code = currencySign(language, sign);
      if (code != null) {
        entities.add(codeEntity(code, text, token.start - Character.charCount(sign), token.start));
      }
    }
    entities.add(
        new Entity(
            key, key, EntityKind.NUMBER, token.start, end, text.substring(token.start, end)));
    return currencyAfter(text, tokens, consumed, end, language, entities);
  }

  /**
   * Adds the currency that follows an amount ending at {@code end}, {@code tokens[consumed]} its
   * last token: a sign touching it or one space after ({@code 5 M€}, {@code 20 €}), or a currency
   * word one space after or touching ({@code 20 billion dollars}, {@code 20 мільярдів доларів},
   * {@code 200亿美元}, {@code 500円}); returns the last token consumed. A currency word counts only
   * here, after an amount: units are words too often elsewhere ({@link CurrencyNames}).
   */
  private int currencyAfter(
      String text,
      List<Token> tokens,
      int consumed,
      int end,
      String language,
      List<Entity> entities) {
    boolean separated = end < text.length() && GROUP_SEPARATORS.indexOf(text.charAt(end)) >= 0;
    int at = separated ? end + 1 : end;
    if (at < text.length()) {
      int sign = text.codePointAt(at);
      String code = currencySign(language, sign);
      if (code != null) {
        entities.add(codeEntity(code, text, at, at + Character.charCount(sign)));
        return consumed;
      }
    }
    if (consumed + 1 >= tokens.size()) {
      return consumed;
    }
    Token next = tokens.get(consumed + 1);
    boolean near = next.start == end || (next.start == end + 1 && separated);
    if (!near || next.type == TokenType.NUMBER || next.type == TokenType.LINK) {
      return consumed;
    }
    String code = next.word.currency();
    if (code == null) {
      return consumed;
    }
    entities.add(codeEntity(code, text, next.start, next.end));
    return consumed + 1;
  }

  /** The currency code of a currency sign in {@code language}, or {@code null}. */
  private String currencySign(String language, int sign) {
    return Character.getType(sign) == Character.CURRENCY_SYMBOL
        ? gazetteer.lookupCurrencySign(language, sign)
        : null;
  }

  /**
   * The magnitude {@code next} abbreviates after the number {@code token} ({@link
   * Gazetteer#abbreviation}: {@code $20bn}, {@code 5 Md}), or 0. One letter stands for a magnitude
   * only beside a currency sign ({@code $5m}, {@code £300m}, {@code 5M€}): elsewhere it is as often
   * a unit, and the reading would be a guess ({@code 5m} is five metres, {@code 3M} a company, the
   * {@code 5K} of a run five kilometres). Amounts of money are where news abbreviates magnitudes to
   * a letter.
   */
  private double abbreviatedMagnitude(
      String text, Token token, Token next, String roman, String language) {
    double magnitude = gazetteer.abbreviation(roman, language);
    if (magnitude == 0 || next.surface.codePointCount(0, next.length()) > 1) {
      return magnitude;
    }
    boolean currencyBefore =
        token.start > 0
            && Character.getType(text.codePointBefore(token.start)) == Character.CURRENCY_SYMBOL;
    boolean currencyAfter =
        next.end < text.length()
            && Character.getType(text.codePointAt(next.end)) == Character.CURRENCY_SYMBOL;
    return currencyBefore || currencyAfter ? magnitude : 0;
  }
}
