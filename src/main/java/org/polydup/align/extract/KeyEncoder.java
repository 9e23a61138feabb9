package org.polydup.align.extract;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.ibm.icu.lang.UScript;
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
 *
 * <p>The parts: {@link Romaniser} (the transforms and their cache), {@link PhoneticSkeleton} (the
 * consonant classes) and {@link HanKeys} (Han words as written); the kinds of key are made here.
 */
final class KeyEncoder {
  private static final Hasher64 HASHER = Hashing.komihash5_0();
  private static final int COGNATE_LENGTH = 5;

  /** Romanised forms of words, by language. */
  private final Romaniser romaniser = new Romaniser();

  /** The keys of Han words as written. */
  private final HanKeys hanKeys = new HanKeys();

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
    return romaniser.romanise(bounded(whole), language);
  }

  /** The language-independent key of a name: hash of its phonetic skeleton. */
  long nameKey(String word, String language) {
    String roman = romanise(word, language);
    if (roman.isEmpty()) {
      return hash("w:" + word);
    }
    return hash("n:" + PhoneticSkeleton.skeleton(roman));
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
    return c >= 'a' && c <= 'z' && !PhoneticSkeleton.isVowel(c);
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
    return hanKeys.key(bounded(word));
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
}
