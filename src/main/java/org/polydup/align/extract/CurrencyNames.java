package org.polydup.align.extract;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.CurrencyMetaInfo;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds the currency part of the {@link Gazetteer}: CLDR's currency names and signs of one display
 * language, each keyed to its ISO 4217 code, for {@link GazetteerBuilder#build}. Used once per
 * build.
 *
 * <h2>Rationale</h2>
 *
 * Sources are ICU's {@link Currency#getName} long names, plural long names for every plural
 * category of the language ({@code долар США}, {@code долари США}, {@code доларів США}), symbols
 * and narrow symbols, over the currencies legal tender somewhere today ({@link CurrencyMetaInfo}):
 * 154 of ICU's 307, the rest being history that no news names. A name of one word is kept by its
 * stem in the language ({@link WordStemmer}: {@code euros} and {@code euro}, {@code доларів} and
 * {@code долар} meet), a name written without case as written ({@code 美元}, {@code 円}).
 *
 * <p>News writes the unit alone ({@code 20 billion dollars}, {@code 500 yen}, {@code ドル}) where
 * CLDR names the currency with its country ({@code US dollar}, {@code Japanese yen}, {@code カナダ
 * ドル}), so each word of a name of several words stands for the currency too, unless it begins with
 * the first {@value #SHARED_BEGINNING} letters (romanised) of a word of a country's or language's
 * name in the same language: that drops {@code Japanese}, {@code British} (British Virgin Islands),
 * {@code японська} (Японія), Polish {@code rosyjski} (Rosja) and keeps {@code dollar}, {@code yen},
 * {@code єна}, {@code рубль}. It also drops a few units ({@code franc} by France, Czech {@code
 * koruna} by Korea); a unit missed costs an anchor, a country's adjective taken for a currency
 * would put one where none is. Words written in capitals ({@code США}) and words under {@value
 * Gazetteer#MINIMUM_FORM_LENGTH} letters ({@code US}) stand for nothing alone.
 *
 * <p>A unit several currencies share ({@code dollar}, {@code рубль}, {@code $}) stands for the one
 * legal tender in the most regions (US dollar in 21, euro in 39), then the smallest ISO 4217 number
 * (Russian rouble 643 before Belarusian 933): a rule that gives the same answer in every language,
 * so {@code dollars} and {@code доларів} meet. A name of the currency itself and a sign of the
 * language's own locale win over both. Only currency signs of one character are kept ({@code $},
 * {@code €}, {@code ₴}); {@code US$} is an acronym and a sign already.
 *
 * <p>Many units are words too (English {@code won} and {@code real}, Polish {@code dobra},
 * Ukrainian {@code вон} beside {@code вона}): {@link EntityExtractor} reads them as currencies only
 * right after an amount ({@code 20 мільярдів доларів}, {@code 200亿美元}) and signs only touching one.
 */
final class CurrencyNames {
  /** Letters a word shares with a country's or language's name to be its adjective. */
  static final int SHARED_BEGINNING = 3;

  /** How strongly a key claims a currency: lower wins. */
  private static final int OWN_NAME = 0;

  private static final int UNIT_WORD = 1;
  private static final int OWN_SIGN = 0;
  private static final int NARROW_SIGN = 1;

  private final KeyEncoder encoder;
  private final Map<String, Candidate> byKey = new HashMap<>();
  private final Map<String, Integer> regionsByCurrency;
  private final List<Currency> currencies;

  CurrencyNames(KeyEncoder encoder) {
    this.encoder = encoder;
    Map<String, Integer> regions = new TreeMap<>();
    for (CurrencyMetaInfo.CurrencyInfo info :
        CurrencyMetaInfo.getInstance().currencyInfo(CurrencyMetaInfo.CurrencyFilter.now())) {
      if (info.isTender()) {
        regions.merge(info.code, 1, Integer::sum);
      }
    }
    this.regionsByCurrency = regions;
    List<Currency> current = new ArrayList<>();
    for (String code : regions.keySet()) {
      current.add(Currency.getInstance(code));
    }
    this.currencies = List.copyOf(current);
  }

  /**
   * Adds the currencies of {@code language}.
   *
   * @param language a display language
   * @param written whether the language writes names without case ({@link Gazetteer#writesNames})
   * @param nameWords the romanised words of the language's country and language names
   * @param stemmer the language's stemmer
   */
  void add(String language, boolean written, Set<String> nameWords, WordStemmer stemmer) {
    ULocale locale = new ULocale(language);
    Set<String> pluralCategories = PluralRules.forLocale(locale).getKeywords();
    for (Currency currency : currencies) {
      String code = currency.getCurrencyCode();
      Set<String> names = new HashSet<>();
      names.add(currency.getName(locale, Currency.LONG_NAME, null));
      for (String category : pluralCategories) {
        names.add(currency.getName(locale, Currency.PLURAL_LONG_NAME, category, null));
      }
      for (String name : names) {
        if (name == null || name.equalsIgnoreCase(code)) {
          continue; // no name in this language: ICU answers with the code
        }
        List<String> words = words(name);
        if (words.isEmpty()) {
          continue;
        }
        if (words.size() == 1) {
          claim(key(language, written, words.get(0), stemmer), code, OWN_NAME);
          continue;
        }
        if (written) {
          claim(key(language, true, name, stemmer), code, OWN_NAME);
        }
        for (String word : words) {
          if (isUnit(word, language, nameWords)) {
            claim(key(language, written, word, stemmer), code, UNIT_WORD);
          }
        }
      }
      claimSign(language, currency.getName(locale, Currency.SYMBOL_NAME, null), code, OWN_SIGN);
      claimSign(
          language, currency.getName(locale, Currency.NARROW_SYMBOL_NAME, null), code, NARROW_SIGN);
    }
  }

  /** The currency codes by key, for {@link Gazetteer}: {@code "$" + ISO 4217}. */
  Map<String, String> codes() {
    Map<String, String> codes = new HashMap<>();
    for (Map.Entry<String, Candidate> entry : byKey.entrySet()) {
      codes.put(entry.getKey(), CURRENCY + entry.getValue().code);
    }
    return codes;
  }

  /** The first character of a currency's code in the gazetteer. */
  static final String CURRENCY = "$";

  /** The key of a currency word: its stem, or for a language without case the word as written. */
  static String key(String language, boolean written, String word, WordStemmer stemmer) {
    String lower = UCharacter.toLowerCase(ULocale.ROOT, word);
    return language
        + ':'
        + (written ? Gazetteer.WHITE_SPACE.matcher(lower).replaceAll("") : stemmer.stem(lower));
  }

  /** The key of a currency sign of {@code language}. */
  static String signKey(String language, int sign) {
    return language + SIGN + new String(Character.toChars(sign));
  }

  private static final String SIGN = "=";

  private boolean isUnit(String word, String language, Set<String> nameWords) {
    int first = word.codePointAt(0);
    if (UCharacter.isUpperCase(first)
        && word.equals(UCharacter.toUpperCase(ULocale.ROOT, word))
        && word.codePointCount(0, word.length()) > 1) {
      return false; // an abbreviation: США, USA
    }
    String roman = encoder.romanise(UCharacter.toLowerCase(ULocale.ROOT, word), language);
    if (Gazetteer.form(List.of(roman)).length() < Gazetteer.MINIMUM_FORM_LENGTH) {
      return false;
    }
    return !nameWords.contains(beginning(roman));
  }

  /**
   * Adds to {@code beginnings} the first {@value #SHARED_BEGINNING} letters of each romanised word
   * of {@code name}, a country's or language's name in {@code language}.
   */
  void addBeginnings(Set<String> beginnings, String name, String language) {
    if (name == null) {
      return;
    }
    for (String word : words(name)) {
      beginnings.add(
          beginning(encoder.romanise(UCharacter.toLowerCase(ULocale.ROOT, word), language)));
    }
  }

  /** The words of a CLDR name, split at white space and punctuation. */
  private static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    for (String word : WORD_SEPARATORS.split(name)) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s\\p{Punct}]+");

  /** The first {@value #SHARED_BEGINNING} letters of a romanised word. */
  static String beginning(String roman) {
    return roman.length() <= SHARED_BEGINNING ? roman : roman.substring(0, SHARED_BEGINNING);
  }

  private void claimSign(String language, String symbol, String code, int rank) {
    if (symbol == null
        || symbol.isEmpty()
        || symbol.codePointCount(0, symbol.length()) != 1
        || Character.getType(symbol.codePointAt(0)) != Character.CURRENCY_SYMBOL) {
      return;
    }
    claim(signKey(language, symbol.codePointAt(0)), code, rank);
  }

  private void claim(String key, String code, int rank) {
    Candidate candidate =
        new Candidate(
            code,
            rank,
            regionsByCurrency.getOrDefault(code, 0),
            Currency.getInstance(code).getNumericCode());
    byKey.merge(key, candidate, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
  }

  private static final Comparator<Candidate> ORDER =
      Comparator.comparingInt(Candidate::rank)
          .thenComparing(Comparator.comparingInt(Candidate::regions).reversed())
          .thenComparingInt(Candidate::numericCode)
          .thenComparing(Candidate::code);

  private record Candidate(String code, int rank, int regions, int numericCode) {}
}
