package org.polydup.align.extract;

import static org.polydup.align.extract.Token.entity;

import com.ibm.icu.lang.UScript;
import java.util.List;
import java.util.Set;
import org.polydup.align.extract.ja.JapaneseReadings;

/**
 * Reads the entities of a word token (letters, ideographs or kana): the gazetteer name it starts
 * ({@link GazetteerNames}) or a month or weekday written in lower case, else its own keys: a name,
 * an acronym, a Katakana word's name and spelling keys, a Han word's name key, reading and written
 * form, or a word. The keys come from the token's cached {@link Word}; a Japanese Kanji word's
 * reading from {@link JapaneseReadings}, which analyses the whole text first ({@link #startText}).
 * Not thread-safe: it keeps the current text's readings and shares its owning {@link
 * EntityExtractor}'s key encoder.
 *
 * <h2>Rationale</h2>
 *
 * The gazetteer is tried first: a name it knows becomes its code, which translations share however
 * they write the name. Which words are names is decided from the text alone (its capitals, scripts
 * and sentence starts; see {@link EntityExtractor}), a corpus-free filter.
 */
final class WordEntities {
  private static final int MAXIMUM_ACRONYM_LENGTH = 6;

  private final KeyEncoder encoder;
  private final GazetteerNames names = new GazetteerNames();
  private JapaneseReadings japaneseReadings;

  /**
   * @param encoder the owning extractor's key encoder
   */
  WordEntities(KeyEncoder encoder) {
    this.encoder = encoder;
  }

  private JapaneseReadings japanese() {
    if (japaneseReadings == null) {
      japaneseReadings = new JapaneseReadings();
    }
    return japaneseReadings;
  }

  /** Starts the text {@code text} in {@code language}: a Japanese one is analysed for readings. */
  void startText(String text, String language) {
    if ("ja".equals(language)) {
      japanese().analyse(text);
    }
  }

  /**
   * Adds the entities of the word {@code tokens[index]}, and of the following words when it starts
   * a name of several; returns the last token consumed.
   *
   * @param capitalisedInside the lower-case forms of the text's words seen capitalised away from a
   *     sentence start
   */
  int word(
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
