package org.polydup.lang;

import com.github.pemistahl.lingua.api.Language;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Identifies the language of a text: the Unicode script first, Lingua only where one script serves
 * several configured languages. Thread-safe; build one per configuration and share it.
 *
 * <h2>Rationale</h2>
 *
 * <p>Lingua costs 0.4-1.1 ms per document and 35-77 MB of models even in low-accuracy mode ({@code
 * ../shared/notes/lingua-cost.md}), while the rest of a same-language scan handles tens of
 * thousands of documents per second. So:
 *
 * <ol>
 *   <li>A caller's hint wins ({@link LanguageGuess.Method#HINT}).
 *   <li>The identifier reads what a reader sees, as the tokeniser does ({@link VisibleText}): HTML
 *       tags removed, entities decoded, then composed (NFC), so an entity-encoded or NFD copy
 *       answers as the original.
 *   <li>The letters of the text (up to the first 1,000) are counted per script, a Han, kana or
 *       Hangul character as three ({@link ScriptCounts}: it carries about a word). A script that
 *       one language owns decides alone ({@link LanguageGuess.Method#SCRIPT}), whatever the
 *       configured set, since that costs nothing: Hangul is Korean, Thai is Thai, Greek is Greek,
 *       Han with kana is Japanese, Han without kana is Chinese. Such a script wins when it holds at
 *       least a quarter of the weight ({@link #OWNED_SCRIPT_SHARE}), even if Latin holds more: a
 *       Korean or Greek product story is full of Latin names (Galaxy S24 Ultra, Microsoft Windows),
 *       but no English text carries a quarter of its letters in Hangul or Greek by accident. On the
 *       10,000 documents of {@code ../shared/data} (xling, syndication) the rule changed no label
 *       but two Japanese e-commerce texts, from und-Latn to ja. Assumptions, stated because they
 *       are wrong for some texts: Devanagari is taken as Hindi (Marathi and Nepali share it),
 *       Hebrew as Hebrew (not Yiddish), Bengali as Bengali (not Assamese), Ethiopic as Amharic (not
 *       Tigrinya).
 *   <li>Latin, Cyrillic and Arabic serve many languages; that is where the configured language set
 *       matters. Lingua runs on a bounded sample (the first {@link Builder#maximumSampleLetters}
 *       letters of the script, default 300, other scripts' letters blanked), in low-accuracy mode,
 *       with candidates narrowed to the configured languages of that script ({@link
 *       LanguageGuess.Method#LINGUA}). Its detector is built lazily per script on first use, so
 *       identifying English texts never builds the Cyrillic or Arabic detector; Lingua itself then
 *       loads a language's models only when a detection needs them. If only one configured language
 *       uses the script, the script decides without Lingua.
 *   <li>Lingua always names a candidate, so a language outside the configured set would get a
 *       confident wrong label (Vietnamese as Icelandic, Persian as Arabic, Serbian as Russian). The
 *       answer is checked against CLDR's exemplar letters ({@link ExemplarLetters}): the text is
 *       {@code und-<Script>} ({@link LanguageGuess.Method#FALLBACK}) when more than {@value
 *       #FOREIGN_LETTER_SHARE} of its letters of the script (composed, case-folded) lie outside
 *       every configured language's standard and auxiliary letters, or outside the winner's, or
 *       when more than {@value #LOAN_LETTER_SHARE} are the winner's auxiliary (loan) letters.
 *       Measured on the gold-labelled documents of {@code ../shared/data} (xling and syndication,
 *       10,030 texts in Latin or Cyrillic script): configured-language documents reach at most 1.5%
 *       outside letters (short English texts with two Latvian names) and 5.7% loan letters
 *       (Icelandic with c, z, w in foreign names); texts of other languages reach 3.2% (Romanian's
 *       ș ț against Spanish), 3.9% (Macedonian), 5.9% (Serbian), 6.3% (median Yakut), 11.5% (median
 *       Livonian), 22-27% (Vietnamese) outside, and 7.1% (Hungarian á é í ó ú against German) and
 *       12.7% (Persian ی ک against Arabic) loan letters. The thresholds lie in those gaps. Where
 *       exemplars cannot tell, the label stays wrong: Indonesian uses only letters Croatian and
 *       Turkish also use, Bulgarian only letters Russian uses.
 * </ol>
 */
public final class LanguageIdentifier {

  /**
   * The default languages, the project's 20 news languages: en uk ru de cs fr es pl zh ja hi is hr
   * it pt nl ar tr ko sv. Only the Latin, Cyrillic and Arabic ones matter as Lingua candidates;
   * languages that own their script are answered whether configured or not.
   */
  public static final Set<String> DEFAULT_LANGUAGES =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(
              List.of(
                  "en", "uk", "ru", "de", "cs", "fr", "es", "pl", "zh", "ja", "hi", "is", "hr",
                  "it", "pt", "nl", "ar", "tr", "ko", "sv")));

  /** Default number of letters given to Lingua. */
  public static final int DEFAULT_MAXIMUM_SAMPLE_LETTERS = 300;

  private static final int MAXIMUM_SCRIPT_LETTERS = 1000;
  private static final double KANA_SHARE_FOR_JAPANESE = 0.05;
  private static final int CHARACTERS_PER_LETTER = 20;

  /** Weight share from which a script one language owns decides (see the class comment). */
  static final double OWNED_SCRIPT_SHARE = 0.25;

  /** Share of a script's letters outside a language's exemplars that rules it out. */
  static final double FOREIGN_LETTER_SHARE = 0.02;

  /** Share of a script's letters among a language's loan letters that rules it out. */
  static final double LOAN_LETTER_SHARE = 0.065;

  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  private final Set<String> languages;
  private final int maximumSampleLetters;
  private final Map<Integer, SharedScript> sharedScripts = new HashMap<>();
  private final AtomicInteger builtDetectorCount = new AtomicInteger();

  private LanguageIdentifier(Set<String> languages, int maximumSampleLetters) {
    this.languages = languages;
    this.maximumSampleLetters = maximumSampleLetters;
    for (Map.Entry<Integer, List<Language>> entry : ScriptLanguages.LINGUA_SCRIPTS.entrySet()) {
      Set<Language> candidates = EnumSet.noneOf(Language.class);
      for (Language language : entry.getValue()) {
        if (languages.contains(ScriptLanguages.code(language))) {
          candidates.add(language);
        }
      }
      if (!candidates.isEmpty()) {
        sharedScripts.put(entry.getKey(), new SharedScript(candidates, builtDetectorCount));
      }
    }
  }

  /** An identifier for {@link #DEFAULT_LANGUAGES} with a 300-letter Lingua sample. */
  public static LanguageIdentifier create() {
    return builder().build();
  }

  /**
   * An identifier for the given languages with a 300-letter Lingua sample.
   *
   * @param languages ISO 639-1 codes (see {@link #supportedLanguages()}), or null for {@link
   *     #DEFAULT_LANGUAGES}
   * @throws IllegalArgumentException if {@code languages} is empty or names an unsupported code
   */
  public static LanguageIdentifier create(Set<String> languages) {
    return languages == null ? create() : builder().languages(languages).build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every language code this identifier accepts in its configuration. */
  public static Set<String> supportedLanguages() {
    return ScriptLanguages.supportedLanguages();
  }

  /** The configured languages (ISO 639-1), unmodifiable. */
  public Set<String> languages() {
    return languages;
  }

  /** Number of letters of a text given to Lingua, at least 1. */
  public int maximumSampleLetters() {
    return maximumSampleLetters;
  }

  /**
   * Identifies the language of {@code text}.
   *
   * @param text any text, possibly empty; only its first letters are read (1,000 within the first
   *     20,000 characters for the script, {@link #maximumSampleLetters()} for Lingua)
   * @param hint the caller's language, such as {@code "de"} or {@code "pt-BR"}, or null; a hint
   *     whose primary subtag is two or three ASCII letters (other than {@code und}) is returned as
   *     the answer without reading the text, any other hint is ignored
   * @return the guess; never null, never throws for any text
   * @throws NullPointerException if {@code text} is null
   */
  public LanguageGuess identify(CharSequence text, String hint) {
    return identify(text, hint, true);
  }

  /**
   * Like {@link #identify}, but never runs Lingua: a text in a script that several configured
   * languages share gets {@code und-Latn}, {@code und-Cyrl} or {@code und-Arab} ({@link
   * LanguageGuess.Method#FALLBACK}). Costs microseconds, so a scan can call it on every document
   * and leave Lingua to the few pairs whose languages matter.
   *
   * @param text any text, possibly empty; only its first 1,000 letters are read
   * @param hint as for {@link #identify}
   * @return the guess; never null
   * @throws NullPointerException if {@code text} is null
   */
  public LanguageGuess identifyScript(CharSequence text, String hint) {
    return identify(text, hint, false);
  }

  private LanguageGuess identify(CharSequence text, String hint, boolean useLingua) {
    Objects.requireNonNull(text, "text");
    String hinted = LanguageHints.normaliseHint(hint);
    if (hinted != null) {
      return new LanguageGuess(hinted, LanguageGuess.Method.HINT, 1.0);
    }
    // Composed, and fullwidth Latin folded, as CLDR's exemplars and Lingua's models spell letters.
    String visible =
        asciiWidth(
            NFC.normalize(VisibleText.of(text, MAXIMUM_SCRIPT_LETTERS * CHARACTERS_PER_LETTER)));
    ScriptCounts counts = ScriptCounts.of(visible, MAXIMUM_SCRIPT_LETTERS);
    if (counts.letters() == 0) {
      return new LanguageGuess("und", LanguageGuess.Method.FALLBACK, 0.0);
    }
    int script = counts.script(ScriptLanguages.OWNED_SCRIPTS, OWNED_SCRIPT_SHARE);
    double share = counts.share(script);
    if (script == UScript.HAN || script == UScript.JAPANESE) {
      boolean japanese = counts.kana() >= KANA_SHARE_FOR_JAPANESE * (counts.kana() + counts.han());
      return byScript(japanese ? "ja" : "zh", share);
    }
    String owner = ScriptLanguages.SCRIPT_LANGUAGES.get(script);
    if (owner != null) {
      return byScript(owner, share);
    }
    SharedScript shared = sharedScripts.get(script);
    if (shared == null) {
      return fallback(script);
    }
    ScriptLetters letters =
        ScriptLetters.of(visible, script, MAXIMUM_SCRIPT_LETTERS, maximumSampleLetters);
    if (!shared.exemplars.anyCandidateWrites(letters)) {
      return fallback(script);
    }
    LanguageGuess guess;
    if (shared.only != null) {
      guess = new LanguageGuess(shared.only, LanguageGuess.Method.SCRIPT, share);
    } else if (!useLingua) {
      return fallback(script);
    } else {
      guess = shared.lingua.detect(letters.sample());
      if (guess == null) {
        return fallback(script);
      }
    }
    return shared.exemplars.writes(guess.language(), letters) ? guess : fallback(script);
  }

  /**
   * {@code sample} with fullwidth Latin letters, digits and punctuation (U+FF01–U+FF5E, as East
   * Asian sites set Latin text) folded to ASCII by NFKC: Lingua's models know the letters, not
   * their fullwidth forms, and read a fullwidth German text as Swedish. Other text is returned as
   * it is, so no other language guess moves.
   */
  static String asciiWidth(String sample) {
    for (int i = 0; i < sample.length(); i++) {
      char c = sample.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E') {
        return Normalizer2.getNFKCInstance().normalize(sample);
      }
    }
    return sample;
  }

  /** Number of Lingua detectors built so far (at most one per shared script); for tests. */
  int builtDetectorCount() {
    return builtDetectorCount.get();
  }

  private static LanguageGuess byScript(String language, double share) {
    return new LanguageGuess(language, LanguageGuess.Method.SCRIPT, share);
  }

  private static LanguageGuess fallback(int script) {
    return new LanguageGuess(
        "und-" + UScript.getShortName(script), LanguageGuess.Method.FALLBACK, 0.0);
  }

  /**
   * Whether {@code hint} is a language code {@link #identify} takes as the answer: a well-formed
   * tag (subtags of one to eight ASCII letters or digits, each after one {@code -} or {@code _}:
   * {@code pt-BR}, {@code pt_BR}, not {@code uk-} or {@code en_US!!}) whose primary subtag is two
   * or three ASCII letters, in any case, that CLDR knows as a language ({@code sah}, {@code liv}),
   * or a private-use code ({@code qaa} to {@code qtz}). Any other hint ({@code und}, {@code zz},
   * {@code mul}) is ignored and the language detected. The answer is the canonical code ({@code
   * deu} and {@code ger} answer {@code de}, {@code iw} answers {@code he}).
   */
  public static boolean isLanguageCode(String hint) {
    return LanguageHints.normaliseHint(hint) != null;
  }

  /** Mutable builder for {@link LanguageIdentifier}; validation happens in {@link #build()}. */
  public static final class Builder {
    private Set<String> languages = DEFAULT_LANGUAGES;
    private int maximumSampleLetters = DEFAULT_MAXIMUM_SAMPLE_LETTERS;

    private Builder() {}

    /**
     * The languages Lingua may answer with where a script serves several (Latin, Cyrillic, Arabic),
     * ISO 639-1 codes, case-insensitive; checked by build(). If only one configured language uses
     * such a script, that language is the answer for text in it whose letters are that language's
     * (CLDR exemplars); other text of the script gets {@code und-<Script>}.
     */
    public Builder languages(Collection<String> languages) {
      Objects.requireNonNull(languages, "languages");
      Set<String> normalised = new LinkedHashSet<>();
      for (String language : languages) {
        normalised.add(Objects.requireNonNull(language, "language").toLowerCase(Locale.ROOT));
      }
      this.languages = normalised;
      return this;
    }

    /** The languages to tell apart, ISO 639-1 codes (case-insensitive); checked by build(). */
    public Builder languages(String... languages) {
      return languages(List.of(languages));
    }

    /** Letters of a text given to Lingua, in [1, 100000]; checked by build(). */
    public Builder maximumSampleLetters(int maximumSampleLetters) {
      this.maximumSampleLetters = maximumSampleLetters;
      return this;
    }

    /**
     * Builds the identifier. Cheap: no Lingua model is loaded here.
     *
     * @throws IllegalArgumentException if the language set is empty, names a code not in {@link
     *     #supportedLanguages()}, or the sample size is out of range
     */
    public LanguageIdentifier build() {
      if (languages.isEmpty()) {
        throw new IllegalArgumentException("languages must not be empty");
      }
      Set<String> supported = supportedLanguages();
      for (String language : languages) {
        if (!supported.contains(language)) {
          throw new IllegalArgumentException(
              "languages contains unsupported code '" + language + "', supported: " + supported);
        }
      }
      if (maximumSampleLetters < 1 || maximumSampleLetters > 100_000) {
        throw new IllegalArgumentException(
            "maximumSampleLetters must be in [1, 100000], got " + maximumSampleLetters);
      }
      return new LanguageIdentifier(
          Collections.unmodifiableSet(new LinkedHashSet<>(languages)), maximumSampleLetters);
    }
  }
}
