package org.polydup.align.extract;

import static org.polydup.align.extract.Token.entity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
 *
 * <p>The extractor runs the rules in text order over the tokens of {@link Tokenizer}: a link is
 * keyed by its form, a number read by {@link NumberEntities}, a word by {@link WordEntities} (which
 * tries the gazetteer's names first, {@link GazetteerNames}). It owns each of them, the words'
 * cached answers ({@link Vocabulary}) and the key encoder they share, so no mutable state is shared
 * between extractors.
 */
public final class EntityExtractor {
  private final KeyEncoder encoder = new KeyEncoder();
  private final Vocabulary vocabulary = new Vocabulary(encoder);
  private final Tokenizer tokenizer = new Tokenizer(vocabulary);
  private final WordEntities words = new WordEntities(encoder);
  private final NumberEntities numbers = new NumberEntities(vocabulary);

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
    words.startText(text, code);
    List<Entity> entities = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      switch (token.type) {
        case LINK -> {
          long key = KeyEncoder.hash("l:" + LinkFinder.linkForm(token.surface));
          entities.add(entity(key, key, EntityKind.LINK, token));
        }
        case NUMBER -> i = numbers.number(text, tokens, i, code, entities);
        case IDEOGRAPHS, KANA, LETTERS ->
            i = words.word(tokens, i, code, capitalisedInside, entities);
        default -> {}
      }
    }
    return new EntityProfile(code, text, entities);
  }
}
