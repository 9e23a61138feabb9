package org.polydup.align.extract;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Romanises words with the language-specific ICU transform where ICU has one, letter by letter
 * where a {@link LetterRomaniser} reads the script, else word by word through a copy of the
 * transform with rule data of its own ({@link OwnTransliterator}); results are cached (bounded).
 * Not thread-safe: one per {@link KeyEncoder}, so one per thread.
 */
final class Romaniser {
  /** Entries a cache of romanised words (or of {@link HanKeys}) holds before it is emptied. */
  static final int CACHE_LIMIT = 200_000;

  private final Map<String, Transliterator> transliterators = new HashMap<>();

  /**
   * Copies of {@link #transliterators} that share no locked rule data with other threads, for the
   * scripts romanised word by word (kana, Devanagari, ...): each distinct word is a call.
   */
  private final Map<String, Transliterator> ownTransliterators = new HashMap<>();

  private final ClearingCache<String, String> romanCache = new ClearingCache<>(CACHE_LIMIT);

  /** Letter-wise romanisers by script and transform; empty where the script has none. */
  private final Map<String, Optional<LetterRomaniser>> letterRomanisers = new HashMap<>();

  /**
   * {@link KeyEncoder#romanise}: {@code word} in lower-case ASCII letters and digits (other chars
   * removed).
   *
   * @param word a single token (any script), at most {@link KeyEncoder#MAXIMUM_WORD} long
   * @param language ISO 639-1 code, picks the language-specific transform
   */
  String romanise(String word, String language) {
    String ascii = asciiLowerCase(word);
    if (ascii != null) {
      return ascii;
    }
    return romanCache.get(language + '\u0000' + word, k -> romaniseUncached(word, language));
  }

  private String romaniseUncached(String word, String language) {
    int script = KeyEncoder.dominantScript(word);
    String transform = transformFor(script, language);
    Transliterator transliterator = transliterator(transform);
    Optional<LetterRomaniser> letterWise =
        letterRomanisers.computeIfAbsent(
            script + transform,
            k -> Optional.ofNullable(LetterRomaniser.forScript(script, transliterator)));
    if (letterWise.isEmpty()) {
      // Every word of the script goes through the transform whole: this thread's own copy.
      return LetterRomaniser.fold(
          TransliterationBuffer.transliterate(ownTransliterator(transform), word));
    }
    String result = letterWise.get().romanise(word);
    return result != null
        ? result
        : LetterRomaniser.fold(TransliterationBuffer.transliterate(transliterator, word));
  }

  /** Fast path: a word of ASCII letters and digits only, lower-cased; else {@code null}. */
  private static String asciiLowerCase(String word) {
    char[] out = null;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (out == null) {
          out = word.toCharArray();
        }
        out[i] = (char) (c + ('a' - 'A'));
      } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
        return null;
      }
    }
    return out == null ? word : new String(out);
  }

  private Transliterator transliterator(String id) {
    return transliterators.computeIfAbsent(
        id, k -> Transliterator.getInstance(k + "; Latin-ASCII"));
  }

  /** {@link #transliterator} with rule data of this encoder's own ({@link OwnTransliterator}). */
  private Transliterator ownTransliterator(String id) {
    return ownTransliterators.computeIfAbsent(id, k -> OwnTransliterator.copyOf(transliterator(k)));
  }

  private static String transformFor(int script, String language) {
    switch (script) {
      case UScript.LATIN:
      case UScript.COMMON:
        return "Any-Latin";
      case UScript.CYRILLIC:
        if ("uk".equals(language)) {
          return "Ukrainian-Latin/BGN";
        }
        if ("ru".equals(language)) {
          return "Russian-Latin/BGN";
        }
        return "Cyrillic-Latin";
      case UScript.HAN:
        return "Han-Latin";
      case UScript.KATAKANA:
      case UScript.HIRAGANA:
        return "Katakana-Latin; Hiragana-Latin";
      case UScript.DEVANAGARI:
        return "Devanagari-Latin";
      default:
        return "Any-Latin";
    }
  }
}
