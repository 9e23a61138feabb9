package org.polydup.align.extract;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a language tag says about a text: its primary language and the script the language is
 * natively written in. Both are memoised per tag, up to {@link #MEMOISED_LANGUAGE_TAGS} tags:
 * likely-subtag resolution is slow, and the aligner asks {@link #writesHan} for every candidate
 * pair.
 *
 * <p>Internal to the align stage, not API: public only so that the aligner in {@code
 * org.polydup.align} can ask {@link #writesHan}.
 */
public final class LanguageTags {
  private LanguageTags() {}

  /**
   * Whether {@code language} is written in Han characters (Chinese, Japanese): its Han words carry
   * a {@link EntityKind#HAN_FORM} key beside their other keys.
   *
   * @param language an ISO 639-1 code or a language tag
   * @return whether the language's native script is Han
   */
  public static boolean writesHan(String language) {
    return nativeScript(language) == UScript.HAN;
  }

  /**
   * {@link #primaryLanguage} by language tag: one instance per language, so every profile of a
   * language holds the same string. The aligner compares two profiles' languages for every pair it
   * aligns; with a string per document that read two strings' bytes from memory each time (0.7% of
   * the scan's CPU on 50k bulk documents), where a handful of shared ones stay in the cache and
   * compare equal by identity.
   */
  private static final Map<String, String> PRIMARY_LANGUAGES = new ConcurrentHashMap<>();

  /**
   * How many distinct language tags each memo below keeps. Real corpora carry a few dozen; the
   * bound only stops an input with a made-up tag per document from growing them (and the JVM's
   * string table) without limit. Tags past it are resolved on every call, which is slower but gives
   * the same answer: languages are compared with {@code equals}, identity is only its fast path.
   */
  static final int MEMOISED_LANGUAGE_TAGS = 1024;

  /**
   * The primary subtag of {@code language} in lower case ({@code en} for {@code en-GB} or {@code
   * en_gb}): one shared instance per language while the memo has room.
   */
  static String primaryLanguage(String language) {
    // Interned: tags that differ (en, en-GB) still share their code's one instance.
    return memoised(
        PRIMARY_LANGUAGES,
        language,
        tag -> primarySubtag(tag).intern(),
        LanguageTags::primarySubtag);
  }

  private static String primarySubtag(String language) {
    String lower = language.toLowerCase(Locale.ROOT).replace('_', '-');
    int dash = lower.indexOf('-');
    return dash < 0 ? lower : lower.substring(0, dash);
  }

  /**
   * {@link #nativeScript} by language tag: likely-subtag resolution is slow, and the tags are few
   * (the aligner asks {@link #writesHan} for every candidate pair).
   */
  private static final Map<String, Integer> NATIVE_SCRIPTS = new ConcurrentHashMap<>();

  /**
   * The script {@code language} is natively written in, as a {@link UScript} code from its likely
   * subtags: {@link UScript#HAN} for Chinese and Japanese, {@link UScript#HANGUL} for Korean, Latin
   * when they name none.
   */
  static int nativeScript(String language) {
    return memoised(
        NATIVE_SCRIPTS,
        language,
        LanguageTags::resolveNativeScript,
        LanguageTags::resolveNativeScript);
  }

  /**
   * {@code memo}'s value for {@code tag}, resolved and kept while the memo holds fewer than {@link
   * #MEMOISED_LANGUAGE_TAGS} tags, resolved by {@code uncached} on every call after that.
   */
  private static <V> V memoised(
      Map<String, V> memo, String tag, Function<String, V> resolve, Function<String, V> uncached) {
    V known = memo.get(tag);
    if (known != null) {
      return known;
    }
    if (memo.size() >= MEMOISED_LANGUAGE_TAGS) {
      return uncached.apply(tag);
    }
    return memo.computeIfAbsent(tag, resolve);
  }

  /** Number of language tags memoised so far (for tests of the bound). */
  static int memoisedLanguageTags() {
    return Math.max(PRIMARY_LANGUAGES.size(), NATIVE_SCRIPTS.size());
  }

  private static int resolveNativeScript(String language) {
    ULocale locale = ULocale.addLikelySubtags(ULocale.forLanguageTag(language.replace('_', '-')));
    String script = locale.getScript();
    if (script.isEmpty()) {
      return UScript.LATIN;
    }
    int[] codes = UScript.getCode(script);
    if (codes == null || codes.length == 0) {
      return UScript.LATIN;
    }
    // Korean ("Kore", Hangul with Han) is written in Hangul: its words are native, not names in
    // a foreign script, and are looked up among the Korean names (서울, 일본).
    return switch (script) {
      case "Hans", "Hant", "Jpan" -> UScript.HAN;
      case "Kore" -> UScript.HANGUL;
      default -> codes[0];
    };
  }
}
