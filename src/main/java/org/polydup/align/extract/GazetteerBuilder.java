package org.polydup.align.extract;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.CompactDecimalFormat;
import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Gazetteer} from ICU's CLDR data: the names of every display language's regions,
 * languages, cities, months, weekdays and magnitudes, each under the keys {@link Gazetteer}'s
 * lookups read. Run once by the build into the resource {@value Gazetteer#RESOURCE}, or by the JVM
 * whose classpath lacks it. One instance holds the maps of names while {@link #build} fills them;
 * the first name of a key is kept.
 *
 * <h2>Rationale</h2>
 *
 * The keys are {@link Gazetteer}'s: what each lookup meets (pooled forms, a language's own stems,
 * dates by CLDR's case, names of a script without case as written) is explained at the lookup.
 * Building here keeps the ICU display names, time zones, date symbols and compact number formats
 * out of the class every text consults.
 */
final class GazetteerBuilder {

  /**
   * Magnitudes English news writes glued to a number ({@code $20bn}, {@code £1tn}, Reuters' {@code
   * $5 mln}), which CLDR's English ({@code K}, {@code M}, {@code B}, {@code T}) lacks.
   */
  static final Map<String, Double> ENGLISH_ABBREVIATIONS =
      Map.of("bn", 1e9, "tn", 1e12, "mn", 1e6, "mln", 1e6, "bln", 1e9);

  /** Builds the gazetteer from ICU's CLDR data (what {@link Gazetteer#main} writes). */
  static Gazetteer build(KeyEncoder encoder) {
    GazetteerBuilder built = new GazetteerBuilder(encoder);
    CurrencyNames currencies = new CurrencyNames(encoder);
    Map<String, Double> magnitudes = new HashMap<>();
    Set<String> zones =
        TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null);
    String[] regions = ULocale.getISOCountries();
    for (String language : Gazetteer.DISPLAY_LANGUAGES) {
      ULocale locale = new ULocale(language);
      boolean written = Gazetteer.WRITTEN_LANGUAGES.contains(language);
      List<LocaleDisplayNames> displays = new java.util.ArrayList<>();
      displays.add(LocaleDisplayNames.getInstance(locale));
      if (written) {
        // Short region names (アメリカ beside アメリカ合衆国), and Chinese in its Traditional
        // characters too (美國): kept as written, they are not romanised to one form.
        displays.add(LocaleDisplayNames.getInstance(locale, DisplayContext.LENGTH_SHORT));
        if ("zh".equals(language)) {
          displays.add(LocaleDisplayNames.getInstance(new ULocale("zh_Hant")));
        }
      }
      for (LocaleDisplayNames names : displays) {
        for (String region : regions) {
          built.place(language, names.regionDisplayName(region), "C" + region);
        }
      }
      for (LocaleDisplayNames names : displays) {
        for (String named : Gazetteer.DISPLAY_LANGUAGES) {
          built.place(language, names.languageDisplayName(named), "L" + named);
        }
      }
      Set<String> nameBeginnings = new java.util.HashSet<>();
      for (LocaleDisplayNames names : displays) {
        for (String region : regions) {
          currencies.addBeginnings(nameBeginnings, names.regionDisplayName(region), language);
        }
        for (String named : Gazetteer.DISPLAY_LANGUAGES) {
          currencies.addBeginnings(nameBeginnings, names.languageDisplayName(named), language);
        }
      }
      currencies.add(language, written, nameBeginnings, built.stemmer(language));
      TimeZoneNames zoneNames = TimeZoneNames.getInstance(locale);
      for (String zone : zones) {
        built.place(language, zoneNames.getExemplarLocationName(zone), "Z" + zone);
      }
      DateFormatSymbols symbols = new DateFormatSymbols(locale);
      for (int context : new int[] {DateFormatSymbols.FORMAT, DateFormatSymbols.STANDALONE}) {
        String[] months = symbols.getMonths(context, DateFormatSymbols.WIDE);
        for (int month = 0; month < months.length; month++) {
          built.date(language, months[month], "M" + (month + 1), false);
        }
        String[] abbreviated = symbols.getMonths(context, DateFormatSymbols.ABBREVIATED);
        for (int month = 0; month < abbreviated.length; month++) {
          built.date(language, abbreviated[month], "M" + (month + 1), true);
        }
        String[] weekdays = symbols.getWeekdays(context, DateFormatSymbols.WIDE);
        for (int day = 1; day < weekdays.length; day++) {
          built.date(language, weekdays[day], "D" + day, false);
        }
      }
      addMagnitudes(magnitudes, encoder, locale, language);
    }
    for (Map.Entry<String, Double> abbreviation : ENGLISH_ABBREVIATIONS.entrySet()) {
      magnitudes.putIfAbsent(
          "en" + Gazetteer.ABBREVIATION + abbreviation.getKey(), abbreviation.getValue());
    }
    return new Gazetteer(
        Map.copyOf(built.capitalised),
        Map.copyOf(built.pooledDates),
        Map.copyOf(built.stemmed),
        Map.copyOf(built.own),
        Map.copyOf(built.dates),
        Map.copyOf(built.written),
        Map.copyOf(currencies.codes()),
        Map.copyOf(magnitudes),
        built.longest);
  }

  private final KeyEncoder encoder;
  private final Map<String, String> capitalised = new HashMap<>();
  private final Map<String, String> pooledDates = new HashMap<>();
  private final Map<String, String> stemmed = new HashMap<>();
  private final Map<String, String> own = new HashMap<>();
  private final Map<String, String> dates = new HashMap<>();
  private final Map<String, String> written = new HashMap<>();
  private int longest = 1;

  /**
   * One stemmer per language for this build alone: stemmers keep state between calls, and two
   * builds may run at once (a JVM without the prebuilt resource, tests), so none is shared.
   */
  private final Map<String, WordStemmer> stemmers = new HashMap<>();

  private GazetteerBuilder(KeyEncoder encoder) {
    this.encoder = encoder;
  }

  private WordStemmer stemmer(String language) {
    return stemmers.computeIfAbsent(language, WordStemmer::new);
  }

  /** A country, city or language {@code name} of {@code language}. */
  private void place(String language, String name, String code) {
    if (takenAsWritten(language, name, code)) {
      return;
    }
    String[] words = words(name);
    List<String> roman = romanised(words, language);
    String form = Gazetteer.form(roman);
    boolean hasDigit = form.chars().anyMatch(Character::isDigit);
    if (form.length() < (hasDigit ? 1 : Gazetteer.MINIMUM_FORM_LENGTH)) {
      return;
    }
    capitalised.putIfAbsent(form, code);
    if (words.length == 1 && !hasDigit) {
      own.putIfAbsent(
          form.length() >= Gazetteer.MINIMUM_POOLED_FORM
              ? language + ':' + form
              : language + Gazetteer.SHORT + stemmer(language).stem(words[0]),
          code);
      String stem =
          Gazetteer.form(List.of(encoder.romanise(stemmer(language).stem(words[0]), language)));
      if (stem.length() >= Gazetteer.MINIMUM_FORM_LENGTH) {
        stemmed.putIfAbsent(language + ':' + stem, code);
      }
      if ("uk".equals(language)) {
        for (String alternate : ukrainianAlternates(words[0])) {
          String alternateForm = Gazetteer.form(List.of(encoder.romanise(alternate, language)));
          if (alternateForm.length() >= Gazetteer.MINIMUM_POOLED_FORM) {
            own.putIfAbsent(language + ':' + alternateForm, code);
          }
        }
      }
    }
    longest = Math.max(longest, words.length);
  }

  /**
   * The stems a Ukrainian name ending in {@code і} or {@code ї} and consonants takes in its other
   * cases: an {@code о} or {@code е} closed in the last syllable became {@code і} ({@code ї} after
   * a vowel), and opens again when an ending follows ({@code Київ}, {@code Києва}, {@code Києві};
   * {@code Львів}, {@code Львова}; {@code Кишинів}, {@code Кишинева}). Which vowel it was the word
   * does not say, so both are given.
   */
  private static List<String> ukrainianAlternates(String word) {
    int last = word.length() - 1;
    while (last >= 0 && !isUkrainianVowel(word.charAt(last))) {
      last--;
    }
    if (last < 1 || last == word.length() - 1) {
      return List.of();
    }
    String before = word.substring(0, last);
    String after = word.substring(last + 1);
    return switch (word.charAt(last)) {
      case 'і' -> List.of(before + 'о' + after, before + 'е' + after);
      case 'ї' -> List.of(before + 'є' + after);
      default -> List.of();
    };
  }

  private static boolean isUkrainianVowel(char c) {
    return "аеєиіїоуюя".indexOf(c) >= 0;
  }

  /**
   * Whether {@code name} needs no romanised form: blank (skipped), or of a language whose names are
   * matched as written (added so).
   */
  private boolean takenAsWritten(String language, String name, String code) {
    if (name == null || name.isBlank()) {
      return true;
    }
    if (Gazetteer.WRITTEN_LANGUAGES.contains(language)) {
      addWritten(language, name, code);
      return true;
    }
    return false;
  }

  /** A month or weekday {@code name} of {@code language}, CLDR's abbreviation or not. */
  private void date(String language, String name, String code, boolean abbreviation) {
    if (takenAsWritten(language, name, code)) {
      return;
    }
    String[] words = words(name);
    List<String> roman = romanised(words, language);
    String form = Gazetteer.form(roman);
    if (form.length() >= Gazetteer.MINIMUM_FORM_LENGTH) {
      pooledDates.putIfAbsent(form, code);
    }
    if (words.length > 1) {
      // Yakut months are two words (Балаҕан ыйын): found as names of several words are.
      place(language, name, code);
      return;
    }
    if (form.isEmpty()) {
      return;
    }
    int first = name.codePointAt(0);
    boolean lowerCase = !UCharacter.isUpperCase(first) && !UCharacter.isTitleCase(first);
    if (lowerCase && abbreviation) {
      return;
    }
    dates.putIfAbsent(
        abbreviation
            ? language + Gazetteer.ABBREVIATED + Gazetteer.EXACT + roman.get(0)
            : language
                + (lowerCase ? Gazetteer.LOWER_CASE : Gazetteer.CAPITALISED)
                + Gazetteer.dateKey(form, roman.get(0), !lowerCase),
        code);
  }

  private void addWritten(String language, String name, String code) {
    String key = Gazetteer.writtenKey(name);
    if (key.codePointCount(0, key.length()) >= 2) {
      written.putIfAbsent(language + ':' + key, code);
    }
  }

  private List<String> romanised(String[] words, String language) {
    List<String> roman = new java.util.ArrayList<>();
    for (String word : words) {
      roman.add(encoder.romanise(word, language));
    }
    return roman;
  }

  private static String[] words(String name) {
    List<String> words = new java.util.ArrayList<>();
    for (String word : name.toLowerCase(Locale.ROOT).split("[\\s\\p{Punct}]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words.toArray(new String[0]);
  }

  private static void addMagnitudes(
      Map<String, Double> magnitudes, KeyEncoder encoder, ULocale locale, String language) {
    for (CompactDecimalFormat.CompactStyle style : CompactDecimalFormat.CompactStyle.values()) {
      CompactDecimalFormat format = CompactDecimalFormat.getInstance(locale, style);
      for (int exponent = 3; exponent <= 12; exponent++) {
        double unit = Math.pow(10, exponent);
        String common = null;
        for (int count : new int[] {1, 2, 5, 21}) {
          String formatted = format.format(count * unit);
          StringBuilder word = new StringBuilder();
          for (int i = 0; i < formatted.length(); ) {
            int codePoint = formatted.codePointAt(i);
            if (Character.isLetter(codePoint)) {
              word.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
          }
          if (word.length() == 0) {
            common = null;
            break;
          }
          String roman = encoder.romanise(word.toString(), language);
          common = common == null ? roman : commonPrefix(common, roman);
        }
        if (common == null) {
          continue;
        }
        // The multiplier is the value divided by the number shown: 2e9 shows as "2", 2e10 as "20".
        String shown = format.format(unit).replaceAll("[^0-9]", "");
        if (shown.isEmpty()) {
          continue;
        }
        double multiplier = unit / Double.parseDouble(shown);
        boolean han = KeyEncoder.dominantScript(format.format(unit)) == UScript.HAN;
        if (common.length() >= 3 || (han && common.length() >= 1)) {
          magnitudes.putIfAbsent(language + ":" + common, multiplier);
          magnitudes.putIfAbsent(Gazetteer.POOLED + ":" + common, multiplier);
        } else if (!common.isEmpty() && !han) {
          magnitudes.putIfAbsent(language + Gazetteer.ABBREVIATION + common, multiplier);
        }
      }
    }
  }

  private static String commonPrefix(String a, String b) {
    int length = 0;
    while (length < a.length() && length < b.length() && a.charAt(length) == b.charAt(length)) {
      length++;
    }
    return a.substring(0, length);
  }
}
