package org.polydup.align;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.CompactDecimalFormat;
import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Names from CLDR (through ICU) mapped to language-independent codes. Immutable; built from CLDR at
 * build time by {@link #main} into the resource {@value #RESOURCE}, loaded on first use and shared
 * by all threads.
 *
 * <h2>Rationale</h2>
 *
 * Country, city, language, month and weekday names differ completely between languages ({@code
 * Germany}, {@code Німеччина}, {@code 德国}) but CLDR lists them for every locale. Every name is
 * stored under its {@link #form romanised form}: ICU romanisation, ASCII, lower case, trailing
 * vowels removed, which lets most inflected forms meet ({@code Китаю}/{@code Китай}, {@code
 * Малайзії}/{@code Малайзія}). Sources: {@link LocaleDisplayNames} (regions, languages), {@link
 * TimeZoneNames#getExemplarLocationName} (cities), {@link DateFormatSymbols} (months, weekdays in
 * format and stand-alone contexts), {@link CompactDecimalFormat} (magnitude words: thousand,
 * мільйон, Milliarde, 万, 亿, and the abbreviations K, Mio., млн). Nothing is typed by hand but the
 * list of display locales and English news's abbreviated magnitudes ({@code bn}, {@code tn}), which
 * CLDR lacks.
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

  private static final int MINIMUM_FORM_LENGTH = 3;

  /** The prebuilt gazetteer, next to this class. */
  static final String RESOURCE = "gazetteer.bin";

  private static volatile Gazetteer instance;

  private final Map<String, String> anyCaseNames;
  private final Map<String, String> capitalisedNames;
  private final Map<String, String> stemmedNames;
  private final Map<String, Double> magnitudes;
  private final int longestName;

  /**
   * Japanese names written wholly in Katakana, by their exact surface ({@link #lookupKatakana}).
   */
  private final Map<String, String> katakanaNames;

  /** First words of the names of several words, for {@link #startsName}. */
  private final Set<String> firstWords;

  private Gazetteer(
      Map<String, String> anyCaseNames,
      Map<String, String> capitalisedNames,
      Map<String, String> stemmedNames,
      Map<String, Double> magnitudes,
      int longestName,
      Map<String, String> katakanaNames) {
    this.anyCaseNames = anyCaseNames;
    this.capitalisedNames = capitalisedNames;
    this.stemmedNames = stemmedNames;
    this.magnitudes = magnitudes;
    this.longestName = longestName;
    this.katakanaNames = katakanaNames;
    Set<String> first = new java.util.HashSet<>();
    for (Map<String, String> names : List.of(anyCaseNames, capitalisedNames)) {
      for (String form : names.keySet()) {
        int space = form.indexOf(' ');
        if (space > 0) {
          first.add(form.substring(0, space));
        }
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
      build(new KeyEncoder()).write(out);
    }
  }

  private static Gazetteer load() {
    try (InputStream resource = Gazetteer.class.getResourceAsStream(RESOURCE)) {
      if (resource == null) {
        // A build that skipped process-classes (some IDEs): the same maps, built in seconds.
        return build(new KeyEncoder());
      }
      DataInputStream in = new DataInputStream(new BufferedInputStream(resource));
      Map<String, String> anyCase = readNames(in);
      Map<String, String> capitalised = readNames(in);
      Map<String, String> stemmed = readNames(in);
      int magnitudeCount = in.readInt();
      Map<String, Double> magnitudes = new HashMap<>();
      for (int i = 0; i < magnitudeCount; i++) {
        magnitudes.put(in.readUTF(), in.readDouble());
      }
      int longestName = in.readInt();
      Map<String, String> katakana = readNames(in);
      return new Gazetteer(
          Map.copyOf(anyCase),
          Map.copyOf(capitalised),
          Map.copyOf(stemmed),
          Map.copyOf(magnitudes),
          longestName,
          Map.copyOf(katakana));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static Map<String, String> readNames(DataInputStream in) throws IOException {
    int count = in.readInt();
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < count; i++) {
      names.put(in.readUTF(), in.readUTF());
    }
    return names;
  }

  /** Writes the maps sorted by key, so equal gazetteers give equal bytes. */
  void write(OutputStream stream) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
    for (Map<String, String> names : List.of(anyCaseNames, capitalisedNames, stemmedNames)) {
      out.writeInt(names.size());
      for (Map.Entry<String, String> name : new TreeMap<>(names).entrySet()) {
        out.writeUTF(name.getKey());
        out.writeUTF(name.getValue());
      }
    }
    out.writeInt(magnitudes.size());
    for (Map.Entry<String, Double> magnitude : new TreeMap<>(magnitudes).entrySet()) {
      out.writeUTF(magnitude.getKey());
      out.writeDouble(magnitude.getValue());
    }
    out.writeInt(longestName);
    out.writeInt(katakanaNames.size());
    for (Map.Entry<String, String> name : new TreeMap<>(katakanaNames).entrySet()) {
      out.writeUTF(name.getKey());
      out.writeUTF(name.getValue());
    }
    out.flush();
  }

  /** Whether {@code form}, a one-word form, is the first word of a name of several words. */
  boolean startsName(String form) {
    return firstWords.contains(form);
  }

  /** Longest name in words. */
  int longestName() {
    return longestName;
  }

  /** The code of a month or weekday name in any case, or {@code null}. */
  String lookupAnyCase(String form) {
    return anyCaseNames.get(form);
  }

  /** The code of a capitalised name (country, city, language, month, weekday), or {@code null}. */
  String lookupCapitalised(String form) {
    String code = capitalisedNames.get(form);
    return code != null ? code : anyCaseNames.get(form);
  }

  /**
   * The code of a Japanese name written in Katakana ({@code ウクライナ}, {@code ロンドン}, {@code アメリカ}),
   * matched by its exact surface, or {@code null}.
   *
   * <p>The romanised forms of {@link #lookupCapitalised} pool every display language, and a
   * Katakana loanword's romanisation often equals some other language's name form ({@code ファイル} is
   * {@code fair}, a Faroe Islands city's form; {@code センター} is {@code sent}, an abbreviated
   * September): on the xling set 20 of the 100 most frequent Katakana words so looked up got a
   * wrong code. Japanese CLDR names looked up as written do not meet other languages' spellings.
   *
   * @param surface a word or a run of adjacent words in Katakana
   */
  String lookupKatakana(String surface) {
    return katakanaNames.get(surface);
  }

  /** The code of a single capitalised word by its stem in {@code language}, or {@code null}. */
  String lookupStemmed(String language, String stemForm) {
    return stemmedNames.get(language + ':' + stemForm);
  }

  private static final Map<String, WordStemmer> BUILD_STEMMERS = new HashMap<>();

  private static WordStemmer stemmer(String language) {
    return BUILD_STEMMERS.computeIfAbsent(language, WordStemmer::new);
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
   * abbreviations CLDR lacks ({@link #ENGLISH_ABBREVIATIONS}). The caller decides where a letter
   * this short may stand for a magnitude at all.
   *
   * @param roman the romanised abbreviation
   * @param language the text's language code
   */
  double abbreviation(String roman, String language) {
    Double value = magnitudes.get(language + ABBREVIATION + roman);
    return value == null ? 0 : value;
  }

  /**
   * Magnitudes English news writes glued to a number ({@code $20bn}, {@code £1tn}, Reuters' {@code
   * $5 mln}), which CLDR's English ({@code K}, {@code M}, {@code B}, {@code T}) lacks.
   */
  private static final Map<String, Double> ENGLISH_ABBREVIATIONS =
      Map.of("bn", 1e9, "tn", 1e12, "mn", 1e6, "mln", 1e6, "bln", 1e9);

  /** Separates language and abbreviation in the keys of {@link #abbreviation}. */
  private static final String ABBREVIATION = "=";

  /** Letters a magnitude word may carry after its CLDR form; see {@link #magnitude}. */
  static final int INFLECTION = 4;

  /** The language part of the magnitude keys that pool every display language. */
  private static final String POOLED = "*";

  private static final Set<String> DISPLAY_LANGUAGE_SET = Set.copyOf(DISPLAY_LANGUAGES);

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

  /** Builds the gazetteer from ICU's CLDR data (what {@link #main} writes). */
  static Gazetteer build(KeyEncoder encoder) {
    Map<String, String> anyCase = new HashMap<>();
    Map<String, String> capitalised = new HashMap<>();
    Map<String, Double> magnitudes = new HashMap<>();
    Map<String, String> stemmedNames = new HashMap<>();
    Map<String, String> katakana = new HashMap<>();
    int[] longest = {1};
    Set<String> zones =
        TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null);
    String[] regions = ULocale.getISOCountries();
    for (String language : DISPLAY_LANGUAGES) {
      ULocale locale = new ULocale(language);
      LocaleDisplayNames names = LocaleDisplayNames.getInstance(locale);
      for (String region : regions) {
        add(
            capitalised,
            stemmedNames,
            encoder,
            language,
            names.regionDisplayName(region),
            "C" + region,
            longest);
      }
      for (String named : DISPLAY_LANGUAGES) {
        add(
            capitalised,
            stemmedNames,
            encoder,
            language,
            names.languageDisplayName(named),
            "L" + named,
            longest);
      }
      TimeZoneNames zoneNames = TimeZoneNames.getInstance(locale);
      for (String zone : zones) {
        String city = zoneNames.getExemplarLocationName(zone);
        if (city != null) {
          add(capitalised, stemmedNames, encoder, language, city, "Z" + zone, longest);
        }
      }
      DateFormatSymbols symbols = new DateFormatSymbols(locale);
      for (int context : new int[] {DateFormatSymbols.FORMAT, DateFormatSymbols.STANDALONE}) {
        String[] months = symbols.getMonths(context, DateFormatSymbols.WIDE);
        for (int month = 0; month < months.length; month++) {
          add(anyCase, null, encoder, language, months[month], "M" + (month + 1), longest);
        }
        String[] abbreviated = symbols.getMonths(context, DateFormatSymbols.ABBREVIATED);
        for (int month = 0; month < abbreviated.length; month++) {
          add(
              capitalised,
              stemmedNames,
              encoder,
              language,
              abbreviated[month],
              "M" + (month + 1),
              longest);
        }
        String[] weekdays = symbols.getWeekdays(context, DateFormatSymbols.WIDE);
        for (int day = 1; day < weekdays.length; day++) {
          add(anyCase, null, encoder, language, weekdays[day], "D" + day, longest);
        }
      }
      addMagnitudes(magnitudes, encoder, locale, language);
    }
    for (Map.Entry<String, Double> abbreviation : ENGLISH_ABBREVIATIONS.entrySet()) {
      magnitudes.putIfAbsent("en" + ABBREVIATION + abbreviation.getKey(), abbreviation.getValue());
    }
    addKatakanaNames(katakana, regions, zones);
    return new Gazetteer(
        Map.copyOf(anyCase),
        Map.copyOf(capitalised),
        Map.copyOf(stemmedNames),
        Map.copyOf(magnitudes),
        longest[0],
        Map.copyOf(katakana));
  }

  /**
   * The Japanese region (standard and short: {@code アメリカ合衆国} and {@code アメリカ}), language and city
   * names that are written wholly in Katakana (the prolonged sound mark included), under their
   * surface.
   */
  private static void addKatakanaNames(
      Map<String, String> katakana, String[] regions, Set<String> zones) {
    ULocale japanese = new ULocale("ja");
    LocaleDisplayNames standard = LocaleDisplayNames.getInstance(japanese);
    LocaleDisplayNames shortNames =
        LocaleDisplayNames.getInstance(japanese, DisplayContext.LENGTH_SHORT);
    for (String region : regions) {
      addKatakana(katakana, standard.regionDisplayName(region), "C" + region);
      addKatakana(katakana, shortNames.regionDisplayName(region), "C" + region);
    }
    for (String named : DISPLAY_LANGUAGES) {
      addKatakana(katakana, standard.languageDisplayName(named), "L" + named);
    }
    TimeZoneNames zoneNames = TimeZoneNames.getInstance(japanese);
    for (String zone : zones) {
      addKatakana(katakana, zoneNames.getExemplarLocationName(zone), "Z" + zone);
    }
  }

  private static void addKatakana(Map<String, String> katakana, String name, String code) {
    if (name == null || name.codePointCount(0, name.length()) < 2) {
      return;
    }
    for (int i = 0; i < name.length(); ) {
      int codePoint = name.codePointAt(i);
      if (UScript.getScript(codePoint) != UScript.KATAKANA && codePoint != '\u30fc') {
        return;
      }
      i += Character.charCount(codePoint);
    }
    katakana.putIfAbsent(name, code);
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
          magnitudes.putIfAbsent(POOLED + ":" + common, multiplier);
        } else if (!common.isEmpty() && !han) {
          magnitudes.putIfAbsent(language + ABBREVIATION + common, multiplier);
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

  private static void add(
      Map<String, String> map,
      Map<String, String> stemmed,
      KeyEncoder encoder,
      String language,
      String name,
      String code,
      int[] longest) {
    if (name == null || name.isBlank()) {
      return;
    }
    String[] words = name.toLowerCase(Locale.ROOT).split("[\\s\\p{Punct}]+");
    List<String> roman = new java.util.ArrayList<>();
    for (String word : words) {
      if (!word.isEmpty()) {
        roman.add(encoder.romanise(word, language));
      }
    }
    String form = form(roman);
    boolean hasDigit = form.chars().anyMatch(Character::isDigit);
    if (form.length() < (hasDigit ? 1 : MINIMUM_FORM_LENGTH)) {
      return;
    }
    map.putIfAbsent(form, code);
    if (stemmed != null && words.length == 1 && !hasDigit) {
      String stem = form(List.of(encoder.romanise(stemmer(language).stem(words[0]), language)));
      if (stem.length() >= MINIMUM_FORM_LENGTH) {
        stemmed.putIfAbsent(language + ':' + stem, code);
      }
    }
    longest[0] = Math.max(longest[0], roman.size());
  }
}
