package org.polydup.lang;

import java.util.Objects;

/**
 * The language of a text as {@link LanguageIdentifier} decided it. Immutable.
 *
 * @param language an ISO 639-1 code such as {@code "en"}; {@code "und-<Script>"} with an ISO 15924
 *     script code such as {@code "und-Latn"} when only the script is known; {@code "und"} when the
 *     text has no letters. A caller's hint is returned as given (lower-cased primary subtag), so it
 *     may also be a three-letter ISO 639-2/3 code such as {@code "sah"}
 * @param method how the answer was found
 * @param confidence in [0, 1]: 1 for a hint, the share of letters in the deciding script for {@link
 *     Method#SCRIPT}, Lingua's confidence for {@link Method#LINGUA}, 0 when nothing was known
 */
public record LanguageGuess(String language, Method method, double confidence) {

  /** How a {@link LanguageGuess} was made, from cheapest to least informative. */
  public enum Method {
    /** The caller's language hint was taken as is. */
    HINT,
    /** The Unicode script alone decided (for example Hangul means Korean). */
    SCRIPT,
    /** Lingua chose among the configured languages written in the text's script. */
    LINGUA,
    /** No configured language fits: only the script (or nothing) is known. */
    FALLBACK
  }

  /**
   * Validates the guess.
   *
   * @throws NullPointerException if {@code language} or {@code method} is null
   * @throws IllegalArgumentException if {@code language} is empty or {@code confidence} is outside
   *     [0, 1] (or NaN)
   */
  public LanguageGuess {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(method, "method");
    if (language.isEmpty()) {
      throw new IllegalArgumentException("language must not be empty");
    }
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
    }
  }

  /** True when no language, only a script or nothing, is known ({@code und...}). */
  public boolean isUndetermined() {
    return isUndetermined(language);
  }

  /**
   * Whether {@code language}, an answer of {@link LanguageIdentifier#identify}, says no language
   * was identified: {@code und} (no letters) or {@code und-} and the script's code ({@code
   * und-Cher}), where script-level rules stand in for a language's.
   */
  public static boolean isUndetermined(String language) {
    return language.startsWith("und");
  }
}
