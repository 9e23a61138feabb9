package org.polydup.align.extract;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.ULocale;
import java.util.List;
import java.util.Locale;

/**
 * What a word's surface gives in one language: its case and script at once, its keys each computed
 * on first use. A pure function of the surface, so one occurrence's answers serve all the others.
 * Numbers and links get an uncached one for their case and script only.
 */
final class Word {
  final String surface;
  final String lower;
  final int script;
  final boolean capitalised;
  final boolean upper;
  final boolean pureHan;
  private final String language;
  private final Vocabulary vocabulary;
  private String roman;
  private String form;
  private boolean hasWordKey;
  private long wordKey;
  private boolean hasLowerCaseDate;
  private String lowerCaseDate;
  private String writtenLanguage;
  private String writtenCode;
  private boolean hasEndingStem;
  private String endingStem;
  private boolean hasSingleNameCode;
  private boolean hasShortNameCode;
  private boolean hasCurrency;
  private String currency;
  private String shortNameCode;
  private String singleNameCode;
  private boolean hasNameKey;
  private long nameKey;
  private boolean hasCognateKey;
  private long cognateKey;
  private boolean hasLowerCognateKey;
  private long lowerCognateKey;
  private boolean hasSpellingKey;
  private long spellingKey;
  private boolean hasKatakanaCognateKey;
  private long katakanaCognateKey;

  Word(String surface, String language, Vocabulary vocabulary) {
    this.surface = surface;
    this.language = language;
    this.vocabulary = vocabulary;
    this.script = KeyEncoder.dominantScript(surface);
    int first = surface.codePointAt(0);
    this.capitalised = UCharacter.isUpperCase(first) || UCharacter.isTitleCase(first);
    // ASCII words (most tokens of the Latin-script languages) change case letter by letter, as
    // ICU's root case mapping does, without its allocations.
    int lowerCase = 0;
    boolean ascii = true;
    for (int i = 0; i < surface.length() && ascii; i++) {
      char c = surface.charAt(i);
      ascii = c < 0x80;
      if (c >= 'a' && c <= 'z') {
        lowerCase++;
      }
    }
    if (ascii) {
      this.lower = surface.toLowerCase(Locale.ROOT);
      this.upper = capitalised && lowerCase == 0;
    } else {
      this.lower = UCharacter.toLowerCase(ULocale.ROOT, surface);
      this.upper =
          capitalised
              && lower.length() == surface.length()
              && !lower.equals(surface)
              && UCharacter.toUpperCase(ULocale.ROOT, surface).equals(surface);
    }
    boolean allHan = true;
    for (int i = 0; i < surface.length(); ) {
      int codePoint = surface.codePointAt(i);
      if (UScript.getScript(codePoint) != UScript.HAN) {
        allHan = false;
        break;
      }
      i += Character.charCount(codePoint);
    }
    this.pureHan = allHan;
  }

  /** The lower-case word romanised. */
  String roman() {
    if (roman == null) {
      roman = vocabulary.encoder.romanise(lower, language);
    }
    return roman;
  }

  /** The {@link Gazetteer#form} of the lower-case word alone. */
  String form() {
    if (form == null) {
      form = Gazetteer.form(List.of(roman()));
    }
    return form;
  }

  long wordKey() {
    if (!hasWordKey) {
      wordKey = KeyEncoder.hash(language + ':' + stem());
      hasWordKey = true;
    }
    return wordKey;
  }

  /** The stem of the lower-case word, for its word key and its gazetteer lookup by stem. */
  private String stem() {
    return vocabulary.stemmer(language).stem(lower);
  }

  /**
   * The code of the lower-case word as a month or weekday of the text's language that CLDR writes
   * in lower case ({@code lipnja}, {@code juillet}), or {@code null}.
   */
  String lowerCaseDate() {
    if (!hasLowerCaseDate) {
      lowerCaseDate =
          Gazetteer.hasNames(language)
              ? vocabulary.gazetteer.lookupDate(language, form(), roman(), false, false)
              : null;
      hasLowerCaseDate = true;
    }
    return lowerCaseDate;
  }

  /**
   * The code of the word as a country, city or language of one word when its form has {@value
   * Gazetteer#MINIMUM_POOLED_FORM} letters or more, or {@code null}: among the text's own
   * language's names by its form, every language's by its form, the own language's by its stem
   * (and, for a language whose names are not loaded, every language's months and weekdays).
   */
  String singleNameCode() {
    if (!hasSingleNameCode) {
      String single = form();
      boolean ownNames = Gazetteer.hasNames(language);
      if (single.length() >= Gazetteer.MINIMUM_POOLED_FORM) {
        if (ownNames) {
          singleNameCode = vocabulary.gazetteer.lookupOwn(language, single);
        }
        if (singleNameCode == null) {
          singleNameCode = vocabulary.gazetteer.lookupCapitalised(single);
        }
        if (singleNameCode == null) {
          singleNameCode =
              vocabulary.gazetteer.lookupStemmed(
                  language, Gazetteer.form(List.of(vocabulary.encoder.romanise(stem(), language))));
        }
        if (singleNameCode == null && !ownNames) {
          singleNameCode = vocabulary.gazetteer.lookupPooledDate(single);
        }
      }
      hasSingleNameCode = true;
    }
    return singleNameCode;
  }

  /** {@link Gazetteer#lookupCurrency} of the word. */
  String currency() {
    if (!hasCurrency) {
      currency =
          Gazetteer.hasNames(language)
              ? vocabulary.gazetteer.lookupCurrency(language, lower, vocabulary.stemmer(language))
              : null;
      hasCurrency = true;
    }
    return currency;
  }

  /** {@link Gazetteer#lookupShort} of the word's stem. */
  String shortNameCode() {
    if (!hasShortNameCode) {
      shortNameCode = vocabulary.gazetteer.lookupShort(language, stem());
      hasShortNameCode = true;
    }
    return shortNameCode;
  }

  /**
   * The code of the word as written among {@code own}'s names ({@link GazetteerNames#writtenName}).
   */
  String writtenCode(String own) {
    if (!own.equals(writtenLanguage)) {
      writtenCode = vocabulary.gazetteer.lookupWritten(own, surface);
      String stem = endingStem();
      if (writtenCode == null && stem != null) {
        writtenCode = vocabulary.gazetteer.lookupWritten(own, stem);
      }
      writtenLanguage = own;
    }
    return writtenCode;
  }

  /**
   * The stem of the lower-case word when the language's stemmer removes endings from it ({@link
   * WordStemmer#removesEndings}) and it differs from the word, else {@code null}.
   */
  String endingStem() {
    if (!hasEndingStem) {
      WordStemmer stemmer = vocabulary.stemmer(language);
      String stem = stemmer.removesEndings() ? stem() : lower;
      endingStem = stem.equals(lower) || stem.isEmpty() ? null : stem;
      hasEndingStem = true;
    }
    return endingStem;
  }

  long nameKey() {
    if (!hasNameKey) {
      nameKey = vocabulary.encoder.nameKey(surface, language);
      hasNameKey = true;
    }
    return nameKey;
  }

  long cognateKey() {
    if (!hasCognateKey) {
      cognateKey = vocabulary.encoder.cognateKey(surface, language);
      hasCognateKey = true;
    }
    return cognateKey;
  }

  long lowerCognateKey() {
    if (!hasLowerCognateKey) {
      lowerCognateKey = vocabulary.encoder.cognateKey(lower, language);
      hasLowerCognateKey = true;
    }
    return lowerCognateKey;
  }

  /** {@link KeyEncoder#spellingKey} of a Katakana word. */
  long spellingKey() {
    if (!hasSpellingKey) {
      spellingKey = vocabulary.encoder.spellingKey(surface, language);
      hasSpellingKey = true;
    }
    return spellingKey;
  }

  /** {@link KeyEncoder#katakanaCognateKey} of a Katakana word. */
  long katakanaCognateKey() {
    if (!hasKatakanaCognateKey) {
      katakanaCognateKey = vocabulary.encoder.katakanaCognateKey(surface, language);
      hasKatakanaCognateKey = true;
    }
    return katakanaCognateKey;
  }

  long acronymKey() {
    return KeyEncoder.hash("a:" + vocabulary.encoder.romanise(surface, language));
  }
}
