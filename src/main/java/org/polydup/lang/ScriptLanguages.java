package org.polydup.lang;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.ibm.icu.lang.UScript;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which languages write which script: the scripts one language owns, decided without Lingua, and
 * the scripts several languages share, where Lingua decides among the configured ones. The
 * assumptions behind the owned scripts are stated in {@link LanguageIdentifier}'s class comment.
 *
 * <p>Constants only; thread-safe.
 */
final class ScriptLanguages {
  private ScriptLanguages() {}

  /** Scripts that one language owns, by ICU script code. Han and kana are handled apart. */
  static final Map<Integer, String> SCRIPT_LANGUAGES =
      Map.ofEntries(
          Map.entry(UScript.HANGUL, "ko"),
          Map.entry(UScript.THAI, "th"),
          Map.entry(UScript.DEVANAGARI, "hi"),
          Map.entry(UScript.GREEK, "el"),
          Map.entry(UScript.HEBREW, "he"),
          Map.entry(UScript.GEORGIAN, "ka"),
          Map.entry(UScript.ARMENIAN, "hy"),
          Map.entry(UScript.BENGALI, "bn"),
          Map.entry(UScript.TAMIL, "ta"),
          Map.entry(UScript.TELUGU, "te"),
          Map.entry(UScript.KANNADA, "kn"),
          Map.entry(UScript.MALAYALAM, "ml"),
          Map.entry(UScript.GUJARATI, "gu"),
          Map.entry(UScript.GURMUKHI, "pa"),
          Map.entry(UScript.SINHALA, "si"),
          Map.entry(UScript.KHMER, "km"),
          Map.entry(UScript.LAO, "lo"),
          Map.entry(UScript.MYANMAR, "my"),
          Map.entry(UScript.ETHIOPIC, "am"));

  /** Scripts that name one language: Han and kana together, and those above. */
  static final Set<Integer> OWNED_SCRIPTS = ownedScripts();

  /** Scripts shared by several languages, where Lingua decides. */
  static final Map<Integer, List<Language>> LINGUA_SCRIPTS =
      Map.of(
          UScript.LATIN, Language.allWithLatinScript(),
          UScript.CYRILLIC, Language.allWithCyrillicScript(),
          UScript.ARABIC, Language.allWithArabicScript());

  /** Every language code an identifier accepts in its configuration, sorted. */
  static Set<String> supportedLanguages() {
    Set<String> supported = new TreeSet<>(SCRIPT_LANGUAGES.values());
    supported.add("zh");
    supported.add("ja");
    for (List<Language> scriptLanguages : LINGUA_SCRIPTS.values()) {
      for (Language language : scriptLanguages) {
        supported.add(code(language));
      }
    }
    return Collections.unmodifiableSet(supported);
  }

  private static Set<Integer> ownedScripts() {
    Set<Integer> owned = new HashSet<>(SCRIPT_LANGUAGES.keySet());
    owned.add(UScript.JAPANESE);
    return Collections.unmodifiableSet(owned);
  }

  /** The ISO 639-1 code of a Lingua language, lower case. */
  static String code(Language language) {
    IsoCode639_1 isoCode = language.getIsoCode639_1();
    return isoCode.toString().toLowerCase(Locale.ROOT);
  }
}
