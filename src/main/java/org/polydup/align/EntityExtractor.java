package org.polydup.align;

import static org.polydup.align.GazetteerNames.codeEntity;

import com.ibm.icu.lang.UScript;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.polydup.align.ja.JapaneseReadings;

/**
 * Extracts the entities of a raw text: names, acronyms, names in another script, Katakana runs,
 * numbers with magnitude words, CLDR names (countries, cities, languages, months, weekdays;
 * currencies beside an amount), links, and every other word for same-language alignment. Not
 * thread-safe: use one per thread (ICU transliterators and break iterators are stateful).
 *
 * <h2>Rationale</h2>
 *
 * Translations share no words but keep what cannot be translated: names, numbers, dates, codes, and
 * their order. Words come from ICU's word break iterator (dictionary segmentation for Chinese and
 * Japanese), an article elided before a French, Italian or Catalan word left out ({@link Elision}:
 * {@code l'Allemagne} is {@code Allemagne}). A capitalised word is a name unless it starts a
 * sentence and is not seen capitalised elsewhere in the same text (a corpus-free filter for English
 * sentence starts); an all-capital word of two to six letters is an acronym; a word in a script
 * other than the language's own is a name ({@code Shanghai Anxun} inside Ukrainian); Katakana runs
 * and Han words of two or more characters are names. Katakana is mostly borrowed: a Katakana
 * country, city or language is a CLDR code, and a Katakana word also carries keys by its likely
 * source spelling ({@link EntityKind#SPELLING}), since the sound Japanese gives a loanword hides
 * the consonants and drops the vowels the source language spells it with. Numbers are parsed with
 * their grouping and decimal separators and multiplied by a following CLDR magnitude word, so
 * {@code 20 billion}, {@code 20 мільярдів} and {@code 200亿} share one key. Keys come from {@link
 * KeyEncoder} (romanisation + consonant skeleton) and {@link Gazetteer} (CLDR codes); word keys
 * from {@link WordStemmer}. Links are found by {@link LinkFinder}, number values read by {@link
 * Numbers}, and a language tag's code and native script given by {@link LanguageTags}.
 */
public final class EntityExtractor {
  private static final int MAXIMUM_ACRONYM_LENGTH = 6;

  private final KeyEncoder encoder = new KeyEncoder();
  private final Vocabulary vocabulary = new Vocabulary(encoder);
  private final Tokenizer tokenizer = new Tokenizer(vocabulary);
  private final Gazetteer gazetteer = Gazetteer.get();
  private final GazetteerNames names = new GazetteerNames();
  private JapaneseReadings japaneseReadings;

  private JapaneseReadings japanese() {
    if (japaneseReadings == null) {
      japaneseReadings = new JapaneseReadings();
    }
    return japaneseReadings;
  }

  /** Creates a worker; the first one in a JVM also loads the CLDR gazetteer. */
  public EntityExtractor() {}

  /**
   * Extracts the entities of {@code text}.
   *
   * @param text raw text, any length; never null
   * @param language ISO 639-1 code ({@code en}, {@code uk}, ...), or a tag such as {@code und-Latn}
   *     when the language is unknown; never null
   * @return the entities in text order, with char offsets into {@code text}
   */
  public EntityProfile extract(String text, String language) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
    String code = LanguageTags.primaryLanguage(language);
    int nativeScript = LanguageTags.nativeScript(language);
    List<Token> tokens = tokenizer.tokenize(text, nativeScript, code);
    listEnd = -1;
    // Corpus-free name filter: words seen capitalised away from a sentence start.
    Set<String> capitalisedInside = new HashSet<>();
    for (Token token : tokens) {
      if (token.type == TokenType.LETTERS && token.capitalised && !token.sentenceInitial) {
        capitalisedInside.add(token.lower);
      }
    }
    if ("ja".equals(code)) {
      japanese().analyse(text);
    }
    List<Entity> entities = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      switch (token.type) {
        case LINK -> {
          long key = KeyEncoder.hash("l:" + LinkFinder.linkForm(token.surface));
          entities.add(entity(key, key, EntityKind.LINK, token));
        }
        case NUMBER -> i = number(text, tokens, i, code, entities);
        case IDEOGRAPHS, KANA, LETTERS -> i = word(tokens, i, code, capitalisedInside, entities);
        default -> {}
      }
    }
    return new EntityProfile(code, text, entities);
  }

  private int word(
      List<Token> tokens,
      int index,
      String language,
      Set<String> capitalisedInside,
      List<Entity> entities) {
    Token token = tokens.get(index);
    Word word = token.word;
    long wordKey = word.wordKey();
    boolean uncased = !UScript.isCased(token.script);
    if (token.type == TokenType.IDEOGRAPHS || (token.type == TokenType.LETTERS && uncased)) {
      int consumed = names.writtenName(tokens, index, language, entities);
      if (consumed > 0) {
        return index + consumed - 1;
      }
    } else if (token.type == TokenType.LETTERS && (token.capitalised || token.upper)) {
      int consumed = names.gazetteerName(tokens, index, language, capitalisedInside, entities);
      if (consumed > 0) {
        return index + consumed - 1;
      }
    } else if (token.type == TokenType.LETTERS) {
      String code = word.lowerCaseDate();
      if (code != null
          && (!Gazetteer.isShortDate(word.form(), false)
              || GazetteerNames.besideNumber(tokens, index))) {
        entities.add(entity(KeyEncoder.hash("c:" + code), wordKey, EntityKind.CODE, token));
        return index;
      }
    } else if (token.type == TokenType.KANA && token.script == UScript.KATAKANA) {
      int consumed = names.katakanaName(tokens, index, entities);
      if (consumed > 0) {
        return index + consumed - 1;
      }
    }
    EntityKind kind = EntityKind.WORD;
    long key;
    switch (token.type) {
      case KANA -> {
        if (token.script == UScript.KATAKANA
            && token.surface.codePointCount(0, token.length()) > 1) {
          kind = EntityKind.NAME;
          long spelling = word.spellingKey();
          long cognate = word.katakanaCognateKey();
          if (spelling != 0 || cognate != 0) {
            entities.add(entity(word.nameKey(), wordKey, kind, token));
            if (spelling != 0) {
              entities.add(entity(spelling, wordKey, EntityKind.SPELLING, token));
            }
            if (cognate != 0 && cognate != spelling) {
              entities.add(entity(cognate, wordKey, EntityKind.SPELLING, token));
            }
            return index;
          }
        }
        key = word.nameKey();
      }
      case IDEOGRAPHS -> {
        if (token.pureHan && token.surface.codePointCount(0, token.length()) > 1) {
          kind = EntityKind.NAME;
          if ("ja".equals(language)) {
            // Kanji names meet romanised ones by their Japanese reading, Chinese words by their
            // written form. The Mandarin skeleton is left out: it met Chinese on unrelated words
            // (through the scan: ja-zh true pairs 38 -> 53 without it, all pairs 2,072 -> 2,096).
            // Key 0 keeps the word for same-language alignment only.
            String reading = japanese().reading(token.start, token.end);
            if (reading != null) {
              long readingKey = encoder.nameKey(reading, language);
              entities.add(entity(readingKey, wordKey, EntityKind.NAME, token));
            }
            entities.add(entity(0, wordKey, EntityKind.WORD, token));
            entities.add(
                entity(encoder.hanKey(token.surface), wordKey, EntityKind.HAN_FORM, token));
            return index;
          }
          if (LanguageTags.writesHan(language)) {
            // The Mandarin skeleton meets romanised names, the written form the same word in
            // another Han-writing language.
            entities.add(entity(word.nameKey(), wordKey, kind, token));
            entities.add(
                entity(encoder.hanKey(token.surface), wordKey, EntityKind.HAN_FORM, token));
            return index;
          }
        }
        key = word.nameKey();
      }
      default -> {
        int letters = token.surface.codePointCount(0, token.length());
        if (token.upper && letters >= 2 && letters <= MAXIMUM_ACRONYM_LENGTH) {
          kind = EntityKind.ACRONYM;
          key = word.acronymKey();
        } else {
          boolean continuesName = continuesTransliteratedName(tokens, index, entities);
          key = token.capitalised || continuesName ? word.nameKey() : word.cognateKey();
          if (continuesName) {
            kind = EntityKind.NAME;
          }
          if (letters < 2) {
            kind = EntityKind.WORD;
          } else if (continuesName) {
            kind = EntityKind.NAME;
          } else if (token.foreignScript
              || (token.capitalised && !token.sentenceInitial)
              || (token.capitalised && capitalisedInside.contains(token.lower))
              || (token.upper && letters > 1)) {
            kind = EntityKind.NAME;
          }
        }
      }
    }
    entities.add(entity(key, wordKey, kind, token));
    if (token.type == TokenType.LETTERS
        && token.capitalised
        && !token.upper
        && kind == EntityKind.NAME) {
      // German nouns and English proper adjectives meet lower-case cognates elsewhere.
      long cognate = word.lowerCognateKey();
      if (cognate != 0) {
        entities.add(entity(cognate, wordKey, EntityKind.WORD, token));
      }
    }
    return index;
  }

  /**
   * Whether a lower-case word outside the Latin script continues the name just before it, as
   * transliterated names do ({@code Файненшл таймс}, {@code Білий дім}): the previous token is a
   * capitalised name that does not start a sentence, one space away.
   */
  private static boolean continuesTransliteratedName(
      List<Token> tokens, int index, List<Entity> entities) {
    Token token = tokens.get(index);
    if (index == 0 || token.capitalised || token.script == UScript.LATIN || entities.isEmpty()) {
      return false;
    }
    Token previous = tokens.get(index - 1);
    Entity last = entities.get(entities.size() - 1);
    if (last.kind() == EntityKind.WORD && entities.size() > 1 && last.start() == previous.start) {
      last = entities.get(entities.size() - 2); // skip the cognate twin of the previous name
    }
    return previous.capitalised
        && !previous.upper
        && !previous.sentenceInitial
        && previous.script == token.script
        && token.start - previous.end == 1
        && token.text.charAt(previous.end) == ' '
        && last.kind() == EntityKind.NAME
        && last.end() == previous.end;
  }

  /**
   * Space-separated groups of three digits after a number's first group that still make one number:
   * six reach 10^21, more than any quantity a story states ("1 000 000 000 000" is four).
   */
  private static final int MAXIMUM_GROUPS = 6;

  /** What separates thousands in "250 000": a space, or a no-break, narrow or thin space. */
  private static final String GROUP_SEPARATORS = " \u00a0\u202f\u2009";

  /** The last token of the list of numbers being read in {@link #extract}, or -1. */
  private int listEnd = -1;

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

  private int number(
      String text, List<Token> tokens, int index, String language, List<Entity> entities) {
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

  private static Entity entity(long key, long wordKey, EntityKind kind, Token token) {
    return new Entity(key, wordKey, kind, token.start, token.end, token.surface);
  }
}
