package org.polydup.lang;

import com.ibm.icu.util.ULocale;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a caller's language hint as the code detection would answer with, or as no hint: see {@link
 * LanguageIdentifier#isLanguageCode}. Memoised per code.
 *
 * <p>Thread-safe: the memo is a concurrent map, the code tables are built once.
 */
final class LanguageHints {
  private LanguageHints() {}

  /**
   * A language tag as callers write one: a primary subtag of two or three letters, then subtags of
   * one to eight letters or digits, each after one {@code -} or {@code _} ({@code pt-BR}, {@code
   * pt_BR}, {@code zh-Hant-TW}). Only the primary subtag is read; the others must still be well
   * formed, so that {@code "uk-"} or {@code "en_US!!"} is reported as no code rather than read as
   * {@code uk} or {@code en}.
   */
  private static final Pattern TAG_PATTERN =
      Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*");

  /** The canonical code of a hint's primary subtag, or null if it is no language code. */
  static String normaliseHint(String hint) {
    if (hint == null) {
      return null;
    }
    String primary = hint.strip();
    if (!TAG_PATTERN.matcher(primary).matches()) {
      return null;
    }
    int separator = primary.indexOf('-');
    if (separator < 0) {
      separator = primary.indexOf('_');
    }
    if (separator >= 0) {
      primary = primary.substring(0, separator);
    }
    primary = primary.toLowerCase(Locale.ROOT);
    if (primary.equals("und")) {
      return null;
    }
    // One language, one code: CLDR's aliases (ICU's canonical form) map ISO 639-2/3 and legacy
    // codes to the ISO 639-1 code detection answers with (deu and ger to de, iw to he, in to id),
    // so a "deu" hint and a detected "de" are one language, not a translation pair. A code CLDR
    // does not alias (liv, sah) is kept as given. Where CLDR's canonical code
    // is not the one detection answers with (tl, which CLDR makes fil), detection's wins, for the
    // hint and for its alias alike: a hinted and a detected copy must carry one code.
    // Memoised, the codes CLDR does not know too (as NOT_A_LANGUAGE): a corpus carries a handful
    // of codes, on every one of its documents.
    String answer =
        CANONICAL_CODES.computeIfAbsent(
            primary,
            code -> {
              if (!KnownCodes.isKnown(code)) {
                return NOT_A_LANGUAGE;
              }
              if (DetectedCodes.BY_CANONICAL.containsValue(code)) {
                return code;
              }
              String canonical = canonical(code);
              return DetectedCodes.BY_CANONICAL.getOrDefault(canonical, canonical);
            });
    return answer.equals(NOT_A_LANGUAGE) ? null : answer;
  }

  /** What {@link #CANONICAL_CODES} holds for a code that is no language: no code is empty. */
  private static final String NOT_A_LANGUAGE = "";

  /**
   * The language codes a hint may carry: those CLDR knows as a language (ICU's ISO 639 list, or a
   * code it has likely-subtags data for, which takes in liv and other ISO 639-3 codes), and the
   * private-use range qaa-qtz, which a corpus may use for its own varieties. An unassigned code
   * (zz, xx) and the special codes for no, several or an uncoded language (zxx, mul, mis) are not a
   * language: a text given one has its language detected instead, so that "zz" does not make a copy
   * of an English story look like a copy across two languages.
   */
  private static final class KnownCodes {
    static final Set<String> ISO = Set.of(ULocale.getISOLanguages());
    static final Set<String> SPECIAL = Set.of("mis", "mul", "zxx");

    static boolean isKnown(String code) {
      if (SPECIAL.contains(code)) {
        return false;
      }
      if (code.length() == 3 && code.compareTo("qaa") >= 0 && code.compareTo("qtz") <= 0) {
        return true;
      }
      String canonical = canonical(code);
      return ISO.contains(code)
          || ISO.contains(canonical)
          || !ULocale.addLikelySubtags(new ULocale(canonical)).getScript().isEmpty();
    }
  }

  private static String canonical(String code) {
    String canonical = ULocale.createCanonical(code).getLanguage();
    return canonical.isEmpty() ? code : canonical;
  }

  private static final Map<String, String> CANONICAL_CODES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The codes detection answers with, by their CLDR canonical form; built on first use. */
  private static final class DetectedCodes {
    static final Map<String, String> BY_CANONICAL = byCanonical();

    private static Map<String, String> byCanonical() {
      Map<String, String> byCanonical = new java.util.HashMap<>();
      for (String code : ScriptLanguages.supportedLanguages()) {
        byCanonical.put(canonical(code), code);
      }
      return Map.copyOf(byCanonical);
    }
  }
}
