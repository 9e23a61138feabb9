package org.polydup.align.extract;

import java.util.List;
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
 * <p>Snowball stemmers (Lucene's copies) for English, German, French, Spanish, Italian, Portuguese,
 * Russian and Hindi, Lucene's Czech light stemmer for Czech, Snowball's Serbian for Croatian (and
 * Serbian, Bosnian); the lemma of the morfologik dictionaries ({@link DictionaryLemmas}) for Polish
 * and Ukrainian, a word the dictionary lacks cut as below; Korean without its particle ({@link
 * #KOREAN_PARTICLES}). Other languages, Icelandic among them (neither Lucene nor Snowball has an
 * Icelandic stemmer), are cut to their first {@value #PREFIX_LENGTH} code points, which for
 * inflected languages works about as well as a light stemmer.
 */
final class WordStemmer {
  private static final int PREFIX_LENGTH = 6;

  /** Stems kept per stemmer: words follow Zipf's law, so a small cache answers most lookups. */
  private static final int CACHE_LIMIT = 50_000;

  private final ClearingCache<String, String> cache = new ClearingCache<>(CACHE_LIMIT);

  private final String language;
  private final SnowballStemmer snowball;
  private final CzechStemmer czech;
  private final DictionaryLemmas lemmas;
  private final boolean korean;
  private char[] buffer = new char[64];

  WordStemmer(String language) {
    this.language = language;
    this.snowball = snowballFor(language);
    this.czech = "cs".equals(language) ? new CzechStemmer() : null;
    this.lemmas = DictionaryLemmas.of(language);
    this.korean = "ko".equals(language);
  }

  /**
   * Whether this stemmer removes a language's endings (a Snowball or light stemmer, a dictionary's
   * lemmas, Korean particles) rather than cutting every word to a prefix: only then is a stem a
   * form of the word a name may be looked up by.
   */
  boolean removesEndings() {
    return snowball != null || czech != null || lemmas != null || korean;
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
    if (korean) {
      return withoutParticle(lowerCaseWord);
    }
    if (lemmas != null) {
      String lemma = lemmas.lemma(lowerCaseWord);
      if (lemma != null) {
        return lemma;
      }
    }
    if (lowerCaseWord.codePointCount(0, lowerCaseWord.length()) <= PREFIX_LENGTH) {
      return lowerCaseWord;
    }
    return lowerCaseWord.substring(0, lowerCaseWord.offsetByCodePoints(0, PREFIX_LENGTH));
  }

  /**
   * Korean case and topic particles, which Korean writes joined to the word before ({@code 미국은},
   * {@code 서울에서}): the word's inflection, as a stemmer removes in other languages. Longest first:
   * {@code 에서는} before {@code 는}.
   */
  private static final List<String> KOREAN_PARTICLES =
      List.of(
          "에서는", "에서도", "에게서", "에게는", "으로는", "으로서", "으로써", "에서", "에게", "한테", "으로", "로서", "로써", "부터",
          "까지", "보다", "처럼", "마다", "조차", "께서", "이나", "이랑", "하고", "은", "는", "이", "가", "을", "를", "의",
          "에", "로", "와", "과", "도", "만");

  /** Syllables a Korean word keeps at least once its particle is removed. */
  private static final int KOREAN_STEM_SYLLABLES = 2;

  /**
   * {@code word} without its particle, when what remains has at least {@value
   * #KOREAN_STEM_SYLLABLES} syllables ({@code 인도}, India, keeps its {@code 도}).
   */
  private static String withoutParticle(String word) {
    for (String particle : KOREAN_PARTICLES) {
      if (word.endsWith(particle)) {
        String stem = word.substring(0, word.length() - particle.length());
        if (stem.codePointCount(0, stem.length()) >= KOREAN_STEM_SYLLABLES) {
          return stem;
        }
      }
    }
    return word;
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
