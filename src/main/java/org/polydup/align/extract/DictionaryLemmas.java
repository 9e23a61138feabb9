package org.polydup.align.extract;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * Lemmas of Polish and Ukrainian words from the morfologik dictionaries that Lucene's morfologik
 * analysis module uses. Not thread-safe (a dictionary lookup reuses its buffers): one per {@link
 * WordStemmer}, so one per thread; the dictionaries themselves are read once per JVM, on the first
 * word of their language.
 *
 * <h2>Rationale</h2>
 *
 * Polish and Ukrainian inflect names in seven cases ({@code Indiami}, {@code Indii}, {@code Indie};
 * {@code Києві}, {@code Києва}, {@code Київ}), and Snowball has no stemmer for either. The
 * dictionaries give a word's lemma, so every case meets its nominative, which is what CLDR lists.
 * Reading them costs about 0.2 s (Polish, 1.9 MB) and 0.4 s (Ukrainian, 4.1 MB; measured alone,
 * once per JVM), held as the compressed automata they are, and only a scan with such text pays it.
 *
 * <p>A word may have several lemmas ({@code києві}: {@code кий}, a cue, and {@code Київ}); the one
 * kept is the one sharing the longest beginning with the word, then the longest, then the first in
 * code-point order, so every form of a word picks the same. The Polish dictionary lists names under
 * their capitalised forms ({@code Indiami}, but {@code chinami} is porcelain): a capitalised form
 * found there wins, since what the lemma serves most is meeting a name in the gazetteer. The
 * Ukrainian dictionary lists every form in lower case with {@code ґ} written {@code г}.
 */
final class DictionaryLemmas {
  private final String language;
  private final DictionaryLookup lookup;

  private DictionaryLemmas(String language, Dictionary dictionary) {
    this.language = language;
    this.lookup = new DictionaryLookup(dictionary);
  }

  /** A lemmatiser of {@code language}, or {@code null} when there is no dictionary for it. */
  static DictionaryLemmas of(String language) {
    return switch (language) {
      case "pl" -> new DictionaryLemmas(language, PolishHolder.DICTIONARY);
      case "uk" -> new DictionaryLemmas(language, UkrainianHolder.DICTIONARY);
      default -> null;
    };
  }

  /** The lower-case lemma of a lower-case word, or {@code null} when the dictionary lacks it. */
  String lemma(String lowerCaseWord) {
    if (lowerCaseWord.isEmpty()) {
      return null;
    }
    if ("uk".equals(language)) {
      return best(lowerCaseWord, lookup.lookup(lowerCaseWord.replace('ґ', 'г')));
    }
    int first = lowerCaseWord.codePointAt(0);
    String capitalised =
        new StringBuilder()
            .appendCodePoint(UCharacter.toTitleCase(first))
            .append(lowerCaseWord, Character.charCount(first), lowerCaseWord.length())
            .toString();
    String name = best(lowerCaseWord, lookup.lookup(capitalised));
    return name != null ? name : best(lowerCaseWord, lookup.lookup(lowerCaseWord));
  }

  private String best(String word, List<WordData> found) {
    String best = null;
    int bestShared = -1;
    for (WordData data : found) {
      CharSequence stem = data.getStem();
      if (stem == null || stem.length() == 0) {
        continue;
      }
      String lemma = UCharacter.toLowerCase(ULocale.ROOT, stem.toString());
      int shared = sharedBeginning(word, lemma);
      if (best == null
          || shared > bestShared
          || (shared == bestShared
              && (lemma.length() > best.length()
                  || (lemma.length() == best.length() && lemma.compareTo(best) < 0)))) {
        best = lemma;
        bestShared = shared;
      }
    }
    return best;
  }

  private static int sharedBeginning(String a, String b) {
    int length = 0;
    while (length < a.length() && length < b.length() && a.charAt(length) == b.charAt(length)) {
      length++;
    }
    return length;
  }

  private static Dictionary read(String resource) {
    URL url = DictionaryLemmas.class.getResource(resource);
    if (url == null) {
      throw new IllegalStateException("missing dictionary resource " + resource);
    }
    try {
      return Dictionary.read(url);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Read on first use: a scan without Polish never loads it. */
  private static final class PolishHolder {
    static final Dictionary DICTIONARY = read("/morfologik/stemming/polish/polish.dict");
  }

  /** Read on first use: a scan without Ukrainian never loads it. */
  private static final class UkrainianHolder {
    static final Dictionary DICTIONARY = read("/ua/net/nlp/ukrainian.dict");
  }
}
