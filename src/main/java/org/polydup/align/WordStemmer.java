package org.polydup.align;

import java.util.Locale;
import org.apache.lucene.analysis.cz.CzechStemmer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.German2Stemmer;
import org.tartarus.snowball.ext.HindiStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SerbianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * Stems lower-case words of one language. Not thread-safe: one per thread.
 *
 * <p>Snowball stemmers (Lucene's copies) where they exist, Lucene's Czech light stemmer for Czech,
 * Snowball's Serbian for Croatian; other languages (Ukrainian, Polish, Icelandic and any unknown
 * one) are cut to their first {@value #PREFIX_LENGTH} code points, which for inflected languages
 * works about as well as a light stemmer.
 */
final class WordStemmer {
  private static final int PREFIX_LENGTH = 6;

  /** Stems kept per stemmer: words follow Zipf's law, so a small cache answers most lookups. */
  private static final int CACHE_LIMIT = 50_000;

  private final ClearingCache<String, String> cache = new ClearingCache<>(CACHE_LIMIT);

  private final String language;
  private final SnowballStemmer snowball;
  private final CzechStemmer czech;
  private char[] buffer = new char[64];

  WordStemmer(String language) {
    this.language = language;
    this.snowball = snowballFor(language);
    this.czech = "cs".equals(language) ? new CzechStemmer() : null;
  }

  /**
   * Whether this stemmer removes a language's endings (a Snowball or light stemmer) rather than
   * cutting every word to a prefix: only then is a stem a form of the word a name may be looked up
   * by.
   */
  boolean removesEndings() {
    return snowball != null || czech != null;
  }

  String language() {
    return language;
  }

  /** The stem of a lower-case word. */
  String stem(String lowerCaseWord) {
    return cache.get(lowerCaseWord, this::computeStem);
  }

  private String computeStem(String lowerCaseWord) {
    if (snowball != null) {
      snowball.setCurrent(lowerCaseWord);
      snowball.stem();
      return snowball.getCurrent();
    }
    if (czech != null) {
      if (buffer.length < lowerCaseWord.length()) {
        buffer = new char[lowerCaseWord.length() * 2];
      }
      lowerCaseWord.getChars(0, lowerCaseWord.length(), buffer, 0);
      int length = czech.stem(buffer, lowerCaseWord.length());
      return new String(buffer, 0, length);
    }
    if (lowerCaseWord.codePointCount(0, lowerCaseWord.length()) <= PREFIX_LENGTH) {
      return lowerCaseWord;
    }
    return lowerCaseWord.substring(0, lowerCaseWord.offsetByCodePoints(0, PREFIX_LENGTH));
  }

  private static SnowballStemmer snowballFor(String language) {
    switch (language.toLowerCase(Locale.ROOT)) {
      case "en":
        return new EnglishStemmer();
      case "de":
        return new German2Stemmer();
      case "fr":
        return new FrenchStemmer();
      case "es":
        return new SpanishStemmer();
      case "it":
        return new ItalianStemmer();
      case "pt":
        return new PortugueseStemmer();
      case "ru":
        return new RussianStemmer();
      case "hr":
      case "sr":
      case "bs":
        return new SerbianStemmer();
      case "hi":
        return new HindiStemmer();
      default:
        return null;
    }
  }
}
