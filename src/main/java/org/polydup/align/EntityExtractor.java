package org.polydup.align;

import static org.polydup.align.Token.entity;

import com.ibm.icu.lang.UScript;
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
  private final NumberEntities numbers = new NumberEntities(encoder, vocabulary);
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
    numbers.startText();
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
        case NUMBER -> i = numbers.number(text, tokens, i, code, entities);
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
}
