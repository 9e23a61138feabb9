package org.polydup.align.extract;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.CompactDecimalFormat;
import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.TimeZoneNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names from CLDR (through ICU) mapped to language-independent codes. Immutable; built from CLDR at
 * build time by {@link #main} into the resource {@value #RESOURCE}, loaded on first use and shared
 * by all threads.
 *
 * <h2>Rationale</h2>
 *
 * Country, city, language, month, weekday and currency names differ completely between languages
 * ({@code Germany}, {@code Німеччина}, {@code 德国}) but CLDR lists them for every locale. Every name
 * is stored under its {@link #form romanised form}: ICU romanisation, ASCII, lower case, trailing
 * vowels removed, which lets most inflected forms meet ({@code Китаю}/{@code Китай}, {@code
 * Малайзії}/{@code Малайзія}). Sources: {@link LocaleDisplayNames} (regions, languages), {@link
 * TimeZoneNames#getExemplarLocationName} (cities), {@link DateFormatSymbols} (months, weekdays in
 * format and stand-alone contexts), {@link CompactDecimalFormat} (magnitude words: thousand,
 * мільйон, Milliarde, 万, 亿, and the abbreviations K, Mio., млн), {@link CurrencyNames} (currency
 * names, their units and signs, by ISO 4217 code). Nothing is typed by hand but the list of display
 * locales and English news's abbreviated magnitudes ({@code bn}, {@code tn}), which CLDR lacks.
 *
 * <p>Pooled over every language, a form meets words that are no name in the text's language: German
 * {@code zum} met Kazakh Friday, English {@code sale} Turkish Tuesday, and the toneless pinyin of a
 * Chinese word met some language's name ({@code 但}, "but", was Denmark). So a name is looked up in
 * the pool only as a capitalised word of {@value #MINIMUM_POOLED_FORM} letters or more (a country,
 * city or language of any language: {@code Deutschland} inside English); months and weekdays, the
 * shorter forms, the lower-case words and the words of a script without case (Han, Hangul, Arabic)
 * only among the names of the text's own language. Names in a script without case are kept as
 * written ({@link #lookupWritten}), not by a romanisation that only approximates their sound.
 *
 * <p>Building takes 1.3-3.3 s of CPU (ICU romanisation of every name in every display language),
 * paid by every JVM while the other workers waited for it; loading the prebuilt maps took 0.19 s
 * (3.3 s to build, measured alone). The resource is written sorted, so a build reproduces it byte
 * for byte, and a test checks it against a fresh build from the ICU in use.
 */
final class Gazetteer {
  /** Display locales whose CLDR names are loaded. */
  static final List<String> DISPLAY_LANGUAGES =
      List.of(
          "en", "uk", "ru", "de", "cs", "fr", "es", "pl", "zh", "ja", "hi", "is", "hr", "it", "pt",
          "nl", "sv", "da", "nb", "fi", "hu", "ro", "tr", "ko", "el", "bg", "sr", "sk", "sl", "lt",
          "lv", "et", "be", "kk", "sah", "ar", "he", "vi", "id");

  static final int MINIMUM_FORM_LENGTH = 3;

  /**
   * Letters of the shortest form a capitalised word is looked up by among every language's names:
   * shorter ones meet words of other languages too often, and are looked up only among the text's
   * own language's names.
   */
  static final int MINIMUM_POOLED_FORM = 4;

  /**
   * Letters of the shortest form by which a month or weekday CLDR capitalises is looked up; a
   * shorter one ({@code May}, {@code Juli}) is looked up by its whole romanised word ({@link
   * #lookupDate}), since a capitalised word of so short a form is as often a name. A month or
   * weekday CLDR writes in lower case is looked up by its form from {@value #MINIMUM_FORM_LENGTH}
   * letters ({@code září}, {@code júlí}, Russian {@code мае} beside {@code мая}): a lower-case word
   * of the language's own is no name.
   */
  static final int MINIMUM_DATE_FORM = 4;

  /** The prebuilt gazetteer, next to this class. */
  static final String RESOURCE = "gazetteer.bin";

  private static volatile Gazetteer instance;

  /** Countries, cities and languages of every display language, by form. */
  final Map<String, String> capitalisedNames;

  /**
   * Months and weekdays of every display language, by form: for texts in a language whose CLDR
   * names are not loaded.
   */
  final Map<String, String> pooledDates;

  /** Countries, cities and languages by language and stem form ({@link #lookupStemmed}). */
  final Map<String, String> stemmedNames;

  /** Countries, cities and languages by language and form ({@link #lookupOwn}). */
  final Map<String, String> ownNames;

  /** Months and weekdays by language, case and form or word ({@link #lookupDate}). */
  final Map<String, String> dates;

  /**
   * Every name of a language written in a script without case (Chinese, Japanese, Korean), by
   * language and written form ({@link #lookupWritten}).
   */
  final Map<String, String> writtenNames;

  /**
   * Currency units and signs by language and stem, written form or sign ({@link CurrencyNames}).
   */
  final Map<String, String> currencies;

  final Map<String, Double> magnitudes;
  final int longestName;

  /** First words of the names of several words, for {@link #startsName}. */
  private final Set<String> firstWords;

  Gazetteer(
      Map<String, String> capitalisedNames,
      Map<String, String> pooledDates,
      Map<String, String> stemmedNames,
      Map<String, String> ownNames,
      Map<String, String> dates,
      Map<String, String> writtenNames,
      Map<String, String> currencies,
      Map<String, Double> magnitudes,
      int longestName) {
    this.capitalisedNames = capitalisedNames;
    this.pooledDates = pooledDates;
    this.stemmedNames = stemmedNames;
    this.ownNames = ownNames;
    this.dates = dates;
    this.writtenNames = writtenNames;
    this.currencies = currencies;
    this.magnitudes = magnitudes;
    this.longestName = longestName;
    Set<String> first = new java.util.HashSet<>();
    for (String form : capitalisedNames.keySet()) {
      int space = form.indexOf(' ');
      if (space > 0) {
        first.add(form.substring(0, space));
      }
    }
    this.firstWords = Set.copyOf(first);
  }

  /**
   * The shared instance, loaded from {@value #RESOURCE} on first call (built from CLDR when the
   * resource is missing).
   */
  static Gazetteer get() {
    Gazetteer local = instance;
    if (local == null) {
      synchronized (Gazetteer.class) {
        local = instance;
        if (local == null) {
          local = load();
          instance = local;
        }
      }
    }
    return local;
  }

  /**
   * Builds the gazetteer from CLDR and writes it to the file {@code args[0]}; run by the build
   * (process-classes) to make {@value #RESOURCE}.
   *
   * @param args the output file
   * @throws IOException when the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException(
          "expected one argument, the output file, got " + args.length);
    }
    try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
      GazetteerFile.write(GazetteerBuilder.build(new KeyEncoder()), out);
    }
  }

  private static Gazetteer load() {
    try (InputStream resource = Gazetteer.class.getResourceAsStream(RESOURCE)) {
      if (resource == null) {
        // A build that skipped process-classes (some IDEs): the same maps, built in seconds.
        return GazetteerBuilder.build(new KeyEncoder());
      }
      return GazetteerFile.read(resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Whether {@code form}, a one-word form, is the first word of a name of several words. */
  boolean startsName(String form) {
    return firstWords.contains(form);
  }

  /** Longest name in words. */
  int longestName() {
    return longestName;
  }

  /**
   * The code of a country, city or language of any display language by its form, for a capitalised
   * word or words ({@code Deutschland} inside English, {@code Лондон}), or {@code null}. A form of
   * one word shorter than {@value #MINIMUM_POOLED_FORM} letters should be looked up among the
   * text's own names instead ({@link #lookupOwn}).
   */
  String lookupCapitalised(String form) {
    return capitalisedNames.get(form);
  }

  /**
   * The code of a month or weekday of any display language by its form, or {@code null}: for a
   * capitalised word of a text in a language whose CLDR names are not loaded ({@link #hasNames}).
   */
  String lookupPooledDate(String form) {
    return pooledDates.get(form);
  }

  /**
   * The code of a country, city or language of one word in {@code language} by its form, of {@value
   * #MINIMUM_POOLED_FORM} letters or more, or {@code null}: the text's own names first, so another
   * language's name of the same form ({@code sept}, Turkish Ceuta) does not take it.
   */
  String lookupOwn(String language, String form) {
    return ownNames.get(language + ':' + form);
  }

  /**
   * The code of a country, city or language of one word in {@code language} whose form is shorter
   * than {@value #MINIMUM_POOLED_FORM} letters, by the word's stem as written, or {@code null}:
   * Czech {@code Čína}, {@code Číně} and {@code Číny} all stem to {@code čín}, Croatian {@code
   * Kina} and {@code Kini} to {@code kin}. The stem keeps the letters a form drops, which in a form
   * of three letters left too few to tell words apart ({@code Juneau}, German {@code Mal} and
   * {@code Male} were Mali's and June's {@code jun}, {@code mal}).
   *
   * @param language the text's language code
   * @param stem the word's stem in {@code language} ({@link WordStemmer})
   */
  String lookupShort(String language, String stem) {
    return ownNames.get(language + SHORT + stem);
  }

  /** Separates language and stem in the keys of {@link #lookupShort}. */
  static final String SHORT = "=";

  /**
   * The code of a month or weekday in {@code language}, or {@code null}: looked up by its form when
   * that is long enough ({@link #isShortDate}), else by the whole romanised word. A word matches
   * only names CLDR writes in its case ({@code July} but not {@code july} in English, {@code
   * juillet} in French), or, with {@code lowerCaseToo}, a capitalised word also the lower-case
   * names (French {@code Mardi} starting a sentence, {@code 11 Décembre 2021}, but not the planet
   * {@code Mars} inside one). Abbreviations are not matched here ({@link #lookupAbbreviatedMonth}).
   *
   * @param language the text's language code
   * @param form the word's {@link #form}
   * @param roman the whole romanised lower-case word
   * @param capitalised whether the word is capitalised
   * @param lowerCaseToo whether a capitalised word may be a name CLDR writes in lower case (it
   *     starts a sentence or stands beside a day or a year)
   */
  String lookupDate(
      String language, String form, String roman, boolean capitalised, boolean lowerCaseToo) {
    if (capitalised) {
      String code = dates.get(language + CAPITALISED + dateKey(form, roman, true));
      if (code != null || !lowerCaseToo) {
        return code;
      }
    }
    return dates.get(language + LOWER_CASE + dateKey(form, roman, false));
  }

  /**
   * The code of a month CLDR abbreviates with a capital in {@code language} ({@code Jan}, {@code
   * Okt}), by its whole romanised word, or {@code null}. Lower-case abbreviations are left out:
   * they are words too often (Czech {@code pro}, "for", is December's).
   *
   * @param language the text's language code
   * @param roman the whole romanised lower-case word
   */
  String lookupAbbreviatedMonth(String language, String roman) {
    return dates.get(language + ABBREVIATED + EXACT + roman);
  }

  /** The key of a month or weekday: its form, or when short its whole romanised word. */
  static String dateKey(String form, String roman, boolean capitalised) {
    return isShortDate(form, capitalised) ? EXACT + roman : form;
  }

  /**
   * Whether a month or weekday of this form is short, and so looked up by its whole word ({@link
   * #lookupDate}): a form under {@value #MINIMUM_DATE_FORM} letters of a capitalised name ({@code
   * May}, {@code Mai}, also a verb or a name), under {@value #MINIMUM_FORM_LENGTH} of a lower-case
   * one ({@code mai}).
   */
  static boolean isShortDate(String form, boolean capitalised) {
    return form.length() < (capitalised ? MINIMUM_DATE_FORM : MINIMUM_FORM_LENGTH);
  }

  /** Whether {@code code} names a month or weekday. */
  static boolean isDate(String code) {
    return code.charAt(0) == 'M' || code.charAt(0) == 'D';
  }

  /** Whether the CLDR names of {@code language} are loaded (it is a display language). */
  static boolean hasNames(String language) {
    return DISPLAY_LANGUAGE_SET.contains(language);
  }

  /**
   * Whether {@code language} has its names written as they are ({@link #lookupWritten}): it is
   * written in a script without case (Chinese, Japanese, Korean, Hindi, Arabic, Hebrew).
   */
  static boolean writesNames(String language) {
    return WRITTEN_LANGUAGES.contains(language);
  }

  /**
   * The code of a name of {@code language} as written ({@code 中国}, {@code 서울}, {@code ロンドン}, {@code
   * 7月}), with spaces removed and in lower case, or {@code null}. Only languages written in a
   * script without case ({@link #writesNames}) have such names: their words have no capital to tell
   * a name, and a romanisation only approximates the sound (the pinyin of {@code 但}, "but", was
   * Danish). Japanese also keeps its short region names ({@code アメリカ} beside {@code アメリカ合衆国}),
   * Chinese its Traditional ones ({@code 美國}).
   *
   * @param language the language whose names are looked up
   * @param written a word or words as written
   */
  String lookupWritten(String language, String written) {
    return writtenNames.get(language + ':' + writtenKey(written));
  }

  /** The key of a written name: lower case, without white space. */
  static String writtenKey(String written) {
    return WHITE_SPACE.matcher(written.toLowerCase(Locale.ROOT)).replaceAll("");
  }

  /** Runs of white space, which written names are keyed without. */
  static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\s+");

  /**
   * The code ({@code $} and ISO 4217) of the currency a word of {@code language} names, or {@code
   * null}: by its stem ({@code доларів}, {@code euros}), or in a language written without case as
   * written ({@code 美元}, {@code ドル}). See {@link CurrencyNames} for which words qualify.
   *
   * @param language the text's language code
   * @param lowerCaseWord the word in lower case
   * @param stemmer the stemmer of {@code language}
   */
  String lookupCurrency(String language, String lowerCaseWord, WordStemmer stemmer) {
    return currencies.get(
        CurrencyNames.key(language, writesNames(language), lowerCaseWord, stemmer));
  }

  /**
   * The code of the currency a sign of one code point stands for in {@code language} ({@code $},
   * {@code €}, {@code ₴}), or {@code null}.
   */
  String lookupCurrencySign(String language, int sign) {
    return currencies.get(CurrencyNames.signKey(language, sign));
  }

  /** Key parts of {@link #dates}: CLDR's case, and a whole word rather than a form. */
  static final String CAPITALISED = ":C:";

  static final String LOWER_CASE = ":l:";
  static final String ABBREVIATED = ":A:";
  static final String EXACT = "=";

  /** The code of a single capitalised word by its stem in {@code language}, or {@code null}. */
  String lookupStemmed(String language, String stemForm) {
    return stemmedNames.get(language + ':' + stemForm);
  }

  /**
   * The multiplier of a magnitude word ({@code billion} → 1e9) in {@code language}, or 0 when
   * {@code roman} is none. A language CLDR is loaded for ({@link #DISPLAY_LANGUAGES}) reads only
   * its own words: pooled over every language, {@code miles} and Czech {@code mil} began with a
   * million's abbreviation and Korean's ten thousand ({@code man}) was a word of English, so {@code
   * 1600 miles} was 1.6 billion. Other languages read the pooled words. A word may carry up to
   * {@value #INFLECTION} letters after the CLDR form (Ukrainian {@code мільярдів} after {@code
   * мільярд}), one after a form of three letters or fewer ({@code млн}, {@code mil}): {@code
   * millas} is not Spanish {@code mil}.
   *
   * @param roman the romanised word
   * @param language the text's language code
   */
  double magnitude(String roman, String language) {
    String prefix = (DISPLAY_LANGUAGE_SET.contains(language) ? language : POOLED) + ":";
    for (int length = Math.min(roman.length(), 12); length >= 2; length--) {
      Double value = magnitudes.get(prefix + roman.substring(0, length));
      if (value != null) {
        int extra = roman.length() - length;
        return extra <= (length <= 3 ? 1 : INFLECTION) ? value : 0;
      }
    }
    return 0;
  }

  /**
   * The multiplier of an abbreviated magnitude of one or two letters in {@code language} ({@code
   * K}, {@code M}, {@code B} in English; {@code Md} in French; {@code mn} in Swedish), or 0 when
   * {@code roman} is none. Matched whole and only in the text's own language: CLDR's Swedish {@code
   * bn} is a trillion, and Turkish {@code B} a thousand. English also reads the newsroom
   * abbreviations CLDR lacks ({@link GazetteerBuilder#ENGLISH_ABBREVIATIONS}). The caller decides
   * where a letter this short may stand for a magnitude at all.
   *
   * @param roman the romanised abbreviation
   * @param language the text's language code
   */
  double abbreviation(String roman, String language) {
    Double value = magnitudes.get(language + ABBREVIATION + roman);
    return value == null ? 0 : value;
  }

  /** Separates language and abbreviation in the keys of {@link #abbreviation}. */
  static final String ABBREVIATION = "=";

  /** Letters a magnitude word may carry after its CLDR form; see {@link #magnitude}. */
  static final int INFLECTION = 4;

  /** The language part of the magnitude keys that pool every display language. */
  static final String POOLED = "*";

  private static final Set<String> DISPLAY_LANGUAGE_SET = Set.copyOf(DISPLAY_LANGUAGES);

  /** The display languages written in a script without case ({@link #writesNames}). */
  static final Set<String> WRITTEN_LANGUAGES = writtenLanguages();

  private static Set<String> writtenLanguages() {
    Set<String> written = new java.util.HashSet<>();
    for (String language : DISPLAY_LANGUAGES) {
      if (!UScript.isCased(LanguageTags.nativeScript(language))) {
        written.add(language);
      }
    }
    return Set.copyOf(written);
  }

  /**
   * The lookup form of a name given as words already romanised: each word loses its trailing
   * vowels, words are joined by one space.
   */
  static String form(List<String> romanWords) {
    StringBuilder out = new StringBuilder();
    for (String word : romanWords) {
      int end = word.length();
      while (end > 1 && isTrailingVowel(word, end)) {
        end--;
      }
      if (end == 0) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(word, 0, end);
    }
    return out.toString();
  }

  /** A trailing vowel; {@code y} only after a consonant, so {@code kitay} keeps its glide. */
  private static boolean isTrailingVowel(String word, int end) {
    char c = word.charAt(end - 1);
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') {
      return true;
    }
    if (c == 'y' && end >= 2) {
      char before = word.charAt(end - 2);
      return !(before == 'a' || before == 'e' || before == 'i' || before == 'o' || before == 'u');
    }
    return false;
  }
}
