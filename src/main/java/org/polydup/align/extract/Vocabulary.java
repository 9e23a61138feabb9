package org.polydup.align.extract;

import java.util.HashMap;
import java.util.Map;

/**
 * The words an {@link EntityExtractor} has met, per language, each with its answers ({@link Word}),
 * and what computing those answers needs: the extractor's key encoder, a stemmer per language and
 * the gazetteer. Not thread-safe: owned by one extractor, as its key encoder and stemmers are.
 *
 * <h2>Rationale</h2>
 *
 * A word's answers are a pure function of its surface and language, so they are computed once and
 * kept ({@link #word}); the cache is bounded by emptying it when full ({@link #WORD_CACHE_LIMIT})
 * rather than by evicting word by word, like the other word caches ({@link ClearingCache}). It
 * belongs to one extractor, the owner of the key encoder and stemmers its words use, so no lookup
 * pays for a lock.
 */
final class Vocabulary {
  /**
   * Words an extractor keeps before it empties its word cache ({@link #word(String, int, int,
   * String, SpanMap)}). A scan's extractors stay with their threads for its whole batch, and a bulk
   * batch's vocabulary is larger than 200,000 words per thread: at that limit the first 50,000 bulk
   * documents (bench, two threads) emptied the caches four times, and 1.1 million of 7.7 million
   * word lookups missed, each paying the case mapping, romanisation and stemming again. Without
   * emptying, 639,000 missed (the distinct words). A cached word holds about 250 bytes.
   */
  private static final int WORD_CACHE_LIMIT = 1_000_000;

  /** The extractor's key encoder, which the words' keys come from. */
  final KeyEncoder encoder;

  final Gazetteer gazetteer = Gazetteer.get();
  private final Map<String, WordStemmer> stemmers = new HashMap<>();
  private final Map<String, SpanMap<Word>> wordsByLanguage = new HashMap<>();
  private int cachedWords;

  /**
   * @param encoder the owning extractor's key encoder
   */
  Vocabulary(KeyEncoder encoder) {
    this.encoder = encoder;
  }

  /** The words of {@code language} met so far, for {@link #word}. */
  SpanMap<Word> wordsOf(String language) {
    return wordsByLanguage.computeIfAbsent(language, k -> new SpanMap<>());
  }

  /**
   * The cached {@link Word} of {@code text[start, end)} in {@code language} ({@link SpanMap}: no
   * copy of the word is made to look it up). Words repeat (Zipf's law), and each was case-mapped,
   * romanised, stemmed, hashed and looked up in the gazetteer several times per occurrence: about a
   * third of the align stage's CPU. Emptied when full, like the other word caches.
   */
  Word word(String text, int start, int end, String language, SpanMap<Word> known) {
    Word word = known.get(text, start, end);
    if (word == null) {
      if (cachedWords >= WORD_CACHE_LIMIT) {
        for (SpanMap<Word> words : wordsByLanguage.values()) {
          words.clear();
        }
        cachedWords = 0;
      }
      String surface = text.substring(start, end);
      word = new Word(surface, language, this);
      known.put(surface, word);
      cachedWords++;
    }
    return word;
  }

  /** The stemmer of {@code language}, made on first use. */
  WordStemmer stemmer(String language) {
    return stemmers.computeIfAbsent(language, WordStemmer::new);
  }
}
