package org.polydup.align.extract;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.polydup.internal.Utf16;

/**
 * Turns a word in any script into a language-independent key. Not thread-safe: one per thread.
 *
 * <h2>Rationale</h2>
 *
 * Names survive translation as sounds, not spellings: {@code Шанхай}, {@code 上海} and {@code
 * Shanghai}; {@code Файненшл таймс} and {@code Financial Times}. Each word is romanised with the
 * language-specific ICU transform where ICU has one (Ukrainian-Latin/BGN, Russian-Latin/BGN,
 * Han-Latin, Katakana-Latin, Devanagari-Latin, else Any-Latin), folded to ASCII and lower case,
 * then reduced to a consonant skeleton in the spirit of Soundex/Metaphone: digraphs are merged
 * ({@code sh}, {@code kh}, {@code ph}, {@code dzh}...), consonants fall into seven classes
 * (labials, velars, dentals, sibilants, liquids, m, n), inner vowels and {@code h} vanish, repeats
 * collapse, and the skeleton is cut to four classes. Dropping vowels and cutting the tail absorbs
 * most inflection ({@code Китаю}/{@code Китай}, {@code Малайзії}/{@code Малайзія}). The key is a
 * 64-bit hash of a prefix plus the skeleton, so keys of different kinds never meet.
 *
 * <p>{@code l} and {@code r} are one class because Japanese has one liquid and writes both as
 * {@code r} ({@code スカイラー} is {@code sukairaa} for Skyler, {@code ケリー} is {@code kerii} for Kelly),
 * and Chinese readings of foreign names write both as {@code l}. Measured through the scan: xling
 * true pairs 2,017 -> 2,026 (en-ja recall 0.59 -> 0.64, is-ja 0.53 -> 0.61; zh pairs lose 2-3 each
 * to collisions among pinyin syllables), false positives 96 -> 102; syndication and rewrites
 * unchanged.
 *
 * <p>ICU transliterators lock the rule data their instances share, so each thread needs its own
 * encoder, and the scripts transliterated word by word use copies with rules of their own ({@link
 * OwnTransliterator}); results are cached per encoder (bounded).
 */
final class KeyEncoder {
  private static final Hasher64 HASHER = Hashing.komihash5_0();
  private static final int SKELETON_LENGTH = 4;
  private static final int COGNATE_LENGTH = 5;
  private static final int CACHE_LIMIT = 200_000;

  private final Map<String, Transliterator> transliterators = new HashMap<>();

  /**
   * Copies of {@link #transliterators} that share no locked rule data with other threads, for the
   * scripts romanised word by word (kana, Devanagari, ...): each distinct word is a call.
   */
  private final Map<String, Transliterator> ownTransliterators = new HashMap<>();

  private final ClearingCache<String, String> romanCache = new ClearingCache<>(CACHE_LIMIT);

  /** Han words to their {@link #hanKey}, bounded like {@link #romanCache}. */
  private final ClearingCache<String, Long> hanCache = new ClearingCache<>(CACHE_LIMIT);

  /** Traditional and Japanese forms folded to Simplified, then read in Mandarin with tones. */
  private Transliterator hanReading;

  /** Each Han character's reading under {@link #hanReading}, or "" ({@link #readHanLetter}). */
  private final Int2ObjectOpenHashMap<String> hanLetters = new Int2ObjectOpenHashMap<>();

  /**
   * {@link #hanLetters} of every encoder in the JVM, consulted when a thread meets a character for
   * the first time: a reading takes ICU about 0.1 ms under the lock its Han-Latin instances share,
   * and each thread computing every character again made the scan's threads queue there (1.5 s
   * blocked on the first 20,000 bulk documents).
   */
  private static final ConcurrentHashMap<Integer, String> HAN_LETTERS = new ConcurrentHashMap<>();

  /** {@code Traditional-Simplified} alone, for {@link #readHanLetter}. */
  private Transliterator simplify;

  /** Letter-wise romanisers by script and transform; empty where the script has none. */
  private final Map<String, Optional<LetterRomaniser>> letterRomanisers = new HashMap<>();

  /** A 64-bit hash of {@code text}. */
  static long hash(String text) {
    return HASHER.hashCharsToLong(text);
  }

  /**
   * Romanises {@code word} to lower-case ASCII letters and digits (other chars removed).
   *
   * @param whole a single token (any script); only its first {@link #MAXIMUM_WORD} characters are
   *     read
   * @param language ISO 639-1 code, picks the language-specific transform
   */
  String romanise(String whole, String language) {
    String word = bounded(whole);
    String ascii = asciiLowerCase(word);
    if (ascii != null) {
      return ascii;
    }
    return romanCache.get(language + '\u0000' + word, k -> romaniseUncached(word, language));
  }

  private String romaniseUncached(String word, String language) {
    int script = dominantScript(word);
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

  /** The language-independent key of a name: hash of its phonetic skeleton. */
  long nameKey(String word, String language) {
    String roman = romanise(word, language);
    if (roman.isEmpty()) {
      return hash("w:" + word);
    }
    return hash("n:" + skeleton(roman));
  }

  /**
   * The {@link #nameKey} of a Katakana word {@link #katakanaAsSpelt spelt} with the consonants its
   * source language writes, or 0 when that spelling gives the word's own key.
   */
  long spellingKey(String word, String language) {
    String spelt = katakanaAsSpelt(word);
    if (spelt.equals(word)) {
      return 0;
    }
    long key = nameKey(spelt, language);
    return key == nameKey(word, language) ? 0 : key;
  }

  /**
   * The {@link #cognateKey} of a Katakana loanword's likely source spelling, for it to meet the
   * lower-case word it was borrowed from ({@code パンデミック} and {@code pandemic}, {@code ドラフト} and
   * {@code draft}, {@code コメント} and {@code комментарий}), or 0 when the guess is shorter than a
   * cognate key. Japanese syllables end in a vowel, so Katakana inserts one after a consonant the
   * source ends a syllable with: {@code u} after most consonants, {@code o} after {@code t} and
   * {@code d} ({@code doraFUTO}). The guess romanises the word {@link #katakanaAsSpelt spelt} (a
   * long a as r, {@code ン} before a labial as m), drops such a vowel before another consonant or at
   * the end, reads {@code Cyu} as {@code Cu} ({@code コンピューター}, computer), an opening {@code u}
   * before a vowel as {@code w} ({@code ウィンドウ}, window) and a final {@code chi} as {@code ch}
   * ({@code ピッチ}, pitch). Vowels that follow the source's sound rather than its spelling ({@code
   * トレーニング}, training) stay unmatched.
   *
   * @param word a Katakana word
   * @param language the word's language (Japanese)
   */
  long katakanaCognateKey(String word, String language) {
    String roman = romanise(katakanaAsSpelt(word), language);
    StringBuilder spelt = new StringBuilder(roman.length());
    for (int i = 0; i < roman.length(); i++) {
      char c = roman.charAt(i);
      char previous = i > 0 ? roman.charAt(i - 1) : 0;
      char next = i + 1 < roman.length() ? roman.charAt(i + 1) : 0;
      boolean closesSyllable = next == 0 || isConsonant(next);
      if (c == 'u' && closesSyllable && "bfgkmprszh".indexOf(previous) >= 0 && previous != 0) {
        continue; // ドラフ(u)ト, パンデミッ(ku): no vowel in the source
      }
      if (c == 'o' && closesSyllable && (previous == 't' || previous == 'd')) {
        continue; // ドラフト(o)
      }
      if (c == 'y' && next == 'u' && isConsonant(previous)) {
        continue; // ピュー: computer
      }
      if (c == 'u' && i == 0 && (next == 'i' || next == 'e' || next == 'o')) {
        spelt.append('w'); // ウィンドウ, ウェディング: window, wedding (w is v in a cognate key)
        continue;
      }
      if (c == 'i' && next == 0 && previous == 'h' && i >= 2 && roman.charAt(i - 2) == 'c') {
        continue; // ピッチ: pitch
      }
      spelt.append(c);
    }
    return cognateKey(spelt.toString(), "en");
  }

  private static boolean isConsonant(char c) {
    return c >= 'a' && c <= 'z' && !isVowel(c);
  }

  /** Katakana whose vowel is {@code a}, after which a prolonged sound mark stands for an r. */
  private static final String A_ROW = "アカガサザタダナハバパマヤラワャァ";

  /** Katakana that begin with a labial, before which {@code ン} is an m. */
  private static final String LABIAL_ROW = "パピプペポバビブベボマミムメモ";

  /**
   * A Katakana word spelt the way its source language spells it where the kana hide a consonant the
   * skeleton needs, else {@code word} itself. English loanwords and names lose a vowel's r in
   * Japanese, which lengthens the vowel instead: {@code ター} is {@code tā} for {@code ter}, {@code
   * tar} and {@code tor} alike, so {@code インターネット} has the skeleton of {@code intanetto} where
   * {@code Internet} has an r, and {@code ハーバート} ({@code habato}) lost both of {@code Herbert}'s. A
   * prolonged sound mark after a kana of the a-row is written {@code ル} (an r); a long a from a
   * source without an r ({@code ガーナ}, Ghana) is rarer in loanwords. {@code ン} before a labial is an
   * m, as the source spells it ({@code コンピューター}, computer; {@code キャンプ}, camp).
   */
  static String katakanaAsSpelt(String word) {
    StringBuilder out = null;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      char replacement = 0;
      if (c == '\u30fc' && i > 0 && A_ROW.indexOf(word.charAt(i - 1)) >= 0) {
        replacement = 'ル';
      } else if (c == 'ン' && i + 1 < word.length() && LABIAL_ROW.indexOf(word.charAt(i + 1)) >= 0) {
        replacement = 'ム';
      }
      if (replacement != 0) {
        if (out == null) {
          out = new StringBuilder(word);
        }
        out.setCharAt(i, replacement);
      }
    }
    return out == null ? word : out.toString();
  }

  /**
   * The key of a Han word as written, for Chinese and Japanese to meet on the characters they
   * share: the word folded to Simplified characters (ICU {@code Traditional-Simplified}), then its
   * Mandarin reading with tone marks, syllable by syllable. The reading does what the fold alone
   * cannot: Japanese shinjitai such as {@code 経} or {@code 発} are in neither ICU table, but read
   * like their Simplified twins ({@code 经}, {@code 发}), so {@code 経済} and {@code 经济} share a key.
   * Unlike {@link #nameKey}, whose consonant skeleton lets {@code 上海} meet {@code Shanghai} but
   * makes unrelated two-syllable words collide ({@code 经济}, {@code 政治} and {@code 精神} are all
   * {@code SNKS}), every syllable and tone counts, so only words written alike (or homophones of
   * the same tones) meet.
   *
   * @param word a word of Han characters
   */
  long hanKey(String word) {
    return hanCache.get(bounded(word), this::readHan);
  }

  /**
   * Longest word read whole; a longer one is read by its first {@value} characters. No name or
   * number is that long, and ICU's transliterators rewrite a word in place, each replacement moving
   * the rest of it: a 400,000-character Greek "word" took 18 s, 4,000,000 characters did not end.
   */
  static final int MAXIMUM_WORD = 256;

  private static String bounded(String word) {
    return word.length() <= MAXIMUM_WORD
        ? word
        : word.substring(0, Utf16.safeCut(word, MAXIMUM_WORD));
  }

  private long readHan(String word) {
    String reading = readHanLetterWise(word);
    if (reading == null) {
      reading = TransliterationBuffer.transliterate(hanReading(), word).replace(" ", "");
    }
    return hash("h:" + UCharacter.toLowerCase(ULocale.ROOT, reading));
  }

  private Transliterator hanReading() {
    if (hanReading == null) {
      hanReading = Transliterator.getInstance(HAN_READING);
    }
    return hanReading;
  }

  /**
   * The reading {@link #hanKey} takes of {@code word} (spaces removed, before lower-casing), put
   * together from each character's own reading, or {@code null} when a rule of {@link #HAN_READING}
   * may read some of its characters together (see {@link HanPhrases}), so the word is
   * transliterated whole. Han words are mostly distinct (names, compounds): transliterating each
   * whole was a quarter of entity extraction, and the two threads of a scan queued on the lock ICU
   * holds on the rules they share. A character's reading is computed once per JVM here.
   */
  private String readHanLetterWise(String word) {
    if (HanPhrases.INSTANCE.containsPhrase(word)) {
      return null;
    }
    StringBuilder out = new StringBuilder(4 * word.length());
    for (int i = 0; i < word.length(); ) {
      int codePoint = word.codePointAt(i);
      String reading = hanLetters.get(codePoint);
      if (reading == null) {
        reading = HAN_LETTERS.computeIfAbsent(codePoint, this::readHanLetter);
        hanLetters.put(codePoint, reading);
      }
      if (reading.isEmpty()) {
        return null;
      }
      out.append(reading);
      i += Character.charCount(codePoint);
    }
    return out.toString();
  }

  /**
   * One character's reading, spaces removed, or the empty string when it may be read differently
   * next to others: it is, or simplifies to, a character a {@code Han-Latin} rule reads by its
   * context ({@link HanPhrases#contextual}). (A character read as nothing is also marked empty; its
   * words are transliterated whole, which is always exact.)
   */
  private String readHanLetter(int codePoint) {
    String letter = new String(Character.toChars(codePoint));
    if (simplify == null) {
      simplify = Transliterator.getInstance("Traditional-Simplified");
    }
    String simplified = simplify.transliterate(letter);
    if (HanPhrases.INSTANCE.contextual.contains(codePoint)
        || simplified.codePoints().anyMatch(HanPhrases.INSTANCE.contextual::contains)) {
      return "";
    }
    return hanReading().transliterate(letter).replace(" ", "");
  }

  /** The transform of {@link #hanKey}: Traditional and Japanese forms folded, read in Mandarin. */
  private static final String HAN_READING = "Traditional-Simplified; Han-Latin";

  /**
   * Where {@link #HAN_READING} reads characters together rather than one by one, found from the
   * transforms' own rules once per JVM, on first use. {@code Traditional-Simplified} maps some
   * phrases as a whole ({@code 乾隆}, {@code 餘地}): a word holding one of those phrases is read whole.
   * {@code Han-Latin} reads four characters by what follows them ({@code 重} before {@code 庆} is
   * {@code chóng}): a word holding one of those, or a character that simplifies to one, is read
   * whole too. Every other rule of the two transforms reads one character (through a set such as
   * {@code [经經]}), and the spaces {@code Han-Latin} puts between readings are removed; so any other
   * word reads as its characters, one by one. (Checked on the 33,104 distinct Han words of the bulk
   * set: no key changes.)
   */
  private static final class HanPhrases {
    /** A source side that is one set of characters and nothing else: {@code [经經]}. */
    private static final Pattern ONE_SET = Pattern.compile("\\[[^\\[\\]{}]*\\]");

    /** Built after {@link #ONE_SET}, which it needs. */
    static final HanPhrases INSTANCE = new HanPhrases();

    /** Source sides of the rules of several characters, by their first code point. */
    final Int2ObjectOpenHashMap<List<String>> phrasesByFirst = new Int2ObjectOpenHashMap<>();

    /** Han characters a rule reads by their context (or in a rule this class cannot parse). */
    final IntOpenHashSet contextual = new IntOpenHashSet();

    private HanPhrases() {
      collect(Transliterator.getInstance("Traditional-Simplified").toRules(false));
      collect(Transliterator.getInstance("Han-Latin").toRules(false));
    }

    /** Whether {@code word} holds the source side of a rule of several characters. */
    boolean containsPhrase(String word) {
      for (int i = 0; i < word.length(); ) {
        int codePoint = word.codePointAt(i);
        List<String> phrases = phrasesByFirst.get(codePoint);
        if (phrases != null) {
          for (String phrase : phrases) {
            if (word.startsWith(phrase, i)) {
              return true;
            }
          }
        }
        i += Character.charCount(codePoint);
      }
      return false;
    }

    private void collect(String rules) {
      for (String line : rules.split("\n")) {
        int arrow = line.indexOf(" > ");
        if (line.startsWith("::") || arrow < 0) {
          continue;
        }
        String source = line.substring(0, arrow);
        if (ONE_SET.matcher(source).matches()) {
          continue;
        }
        int[] codePoints = source.codePoints().toArray();
        boolean plain = true;
        for (int c : codePoints) {
          plain &= UScript.getScript(c) == UScript.HAN;
        }
        if (plain && codePoints.length > 1) {
          phrasesByFirst.computeIfAbsent(codePoints[0], k -> new ArrayList<>()).add(source);
        } else if (!plain) {
          // A context ({藏}' '?文) or a form this parser does not know: its characters are read
          // whole, which is always exact.
          int open = source.indexOf('{');
          int close = source.indexOf('}');
          String read = open >= 0 && close > open ? source.substring(open + 1, close) : source;
          read.codePoints()
              .filter(c -> UScript.getScript(c) == UScript.HAN)
              .forEach(contextual::add);
        }
      }
    }
  }

  /**
   * The cognate key of a lower-case word: its romanised form with spelling variants folded ({@code
   * c}/{@code k}, {@code w}/{@code v}, {@code ph}/{@code f}, {@code y}/{@code i}), cut to {@value
   * #COGNATE_LENGTH} letters, so {@code problem}/{@code проблема}/{@code Problem} and {@code
   * restaurant}/{@code ресторан} meet; 0 for words shorter than that (no key).
   */
  long cognateKey(String word, String language) {
    String roman = romanise(word, language);
    if (roman.length() < COGNATE_LENGTH) {
      return 0;
    }
    StringBuilder folded = new StringBuilder(COGNATE_LENGTH);
    for (int i = 0; i < roman.length() && folded.length() < COGNATE_LENGTH; i++) {
      char c = roman.charAt(i);
      char next = i + 1 < roman.length() ? roman.charAt(i + 1) : 0;
      switch (c) {
        case 'c' -> folded.append(next == 'e' || next == 'i' || next == 'y' ? 's' : 'k');
        case 'w' -> folded.append('v');
        case 'y' -> folded.append('i');
        case 'q' -> folded.append('k');
        case 'p' -> {
          if (next == 'h') {
            folded.append('f');
            i++;
          } else {
            folded.append('p');
          }
        }
        default -> folded.append(c);
      }
      if (folded.length() >= 2
          && folded.charAt(folded.length() - 1) == folded.charAt(folded.length() - 2)) {
        folded.setLength(folded.length() - 1);
      }
    }
    if (folded.length() < COGNATE_LENGTH) {
      return 0;
    }
    return hash("g:" + folded);
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

  /** The script of the first letter of {@code word} ({@link UScript#COMMON} when none). */
  static int dominantScript(CharSequence word) {
    for (int i = 0; i < word.length(); ) {
      int codePoint = Character.codePointAt(word, i);
      int script = UScript.getScript(codePoint);
      if (script != UScript.COMMON && script != UScript.INHERITED) {
        return script;
      }
      i += Character.charCount(codePoint);
    }
    return UScript.COMMON;
  }

  /**
   * The consonant skeleton of a lower-case ASCII word: a leading vowel becomes {@code A}, then
   * consonant classes {@code B K T S R M N} ({@code R} for both liquids), repeats collapsed, cut to
   * {@value #SKELETON_LENGTH}.
   */
  static String skeleton(String roman) {
    StringBuilder out = new StringBuilder(SKELETON_LENGTH);
    int length = roman.length();
    char last = 0;
    for (int i = 0; i < length && out.length() < SKELETON_LENGTH; ) {
      char c = roman.charAt(i);
      char next = i + 1 < length ? roman.charAt(i + 1) : 0;
      char afterNext = i + 2 < length ? roman.charAt(i + 2) : 0;
      char code;
      int advance = 1;
      if (c >= '0' && c <= '9') {
        code = c;
      } else if (isVowel(c)) {
        code = i == 0 ? 'A' : 0;
      } else {
        switch (c) {
          case 'b', 'p', 'f', 'v', 'w' -> {
            code = 'B';
            if (c == 'p' && next == 'h') {
              advance = 2;
            }
          }
          case 'k', 'g', 'q' -> {
            code = 'K';
            if (next == 'h') {
              advance = 2;
            }
          }
          case 'x' -> code = 'K';
          case 'c' -> {
            if (next == 'h') {
              code = 'S';
              advance = 2;
            } else if (next == 'k') {
              code = 'K';
              advance = 2;
            } else if (next == 'e' || next == 'i' || next == 'y') {
              code = 'S';
            } else {
              code = 'K';
            }
          }
          case 'd', 't' -> {
            code = 'T';
            if (c == 'd' && (next == 'z' || next == 'j')) {
              code = 'S';
              advance = next == 'z' && afterNext == 'h' ? 3 : 2;
            } else if (c == 't' && (next == 's' || next == 'z')) {
              code = 'S';
              advance = 2;
            } else if (next == 'h') {
              advance = 2;
            }
          }
          case 's', 'z', 'j' -> {
            code = 'S';
            if (next == 'h') {
              advance =
                  c == 's' && afterNext == 'c' && i + 3 < length && roman.charAt(i + 3) == 'h'
                      ? 4
                      : 2;
            } else if (c == 's' && next == 'c' && afterNext == 'h') {
              advance = 3;
            }
          }
          case 'l', 'r' -> code = 'R';
          case 'm' -> code = 'M';
          case 'n' -> {
            code = 'N';
            if (next == 'g' && afterNext == 0) {
              advance = 2;
            }
          }
          default -> code = 0; // h and anything else
        }
      }
      i += advance;
      if (code != 0 && code != last) {
        out.append(code);
      }
      if (code != 0) {
        last = code;
      }
    }
    return out.toString();
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  }
}
