package org.polydup.align.extract;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Romanises a word letter by letter from memoised output of one ICU transliterator, for the scripts
 * where that gives the transliterator's own result. Not thread-safe (it owns a transliterator): one
 * per thread, like {@link KeyEncoder}; the letters' outputs are shared by all threads.
 *
 * <h2>Rationale</h2>
 *
 * ICU rule-based transliteration costs microseconds per word, and the align stage romanises every
 * capitalised word of a corpus: on news in Russian or Ukrainian most of them are distinct inflected
 * forms, so a word cache misses (96k distinct Cyrillic words in 20k documents). The transforms used
 * for Han, Latin and Cyrillic are letter-wise, though: Han-Latin maps each ideograph to its
 * reading, Latin-ASCII each letter to its ASCII form, and the BGN Cyrillic transforms look at most
 * one letter back (Russian {@code е} is {@code ye} at the start of a word and after a vowel). So
 * the output for a letter (given the letter before it, for Cyrillic) is computed once by the
 * transliterator itself and reused; no table is typed by hand. Other scripts (kana, whose small
 * letters change the syllable before them; Devanagari, an abugida) go through the transliterator
 * whole.
 *
 * <p>Checked against whole-word transliteration after folding to lower-case ASCII on every distinct
 * word of the xling and rewrites sets (Cyrillic 52,505 words under Ukrainian-Latin/BGN,
 * Russian-Latin/BGN and Cyrillic-Latin; Han 14,272; Latin 113,634): no difference, at a twentieth
 * of the cost. {@code LetterRomaniserTest} repeats the check on the test fixtures. Han-Latin does
 * read a few phrases differently from their letters: of the 30,700 CLDR forms in the {@link
 * Gazetteer}, one Chinese currency name changes (to {@code mil}, from {@code bil}), which moved 18
 * of 51,635 pairs in a scan of 20k bulk documents. Gazetteer and text are romanised the same way,
 * so they still meet.
 */
final class LetterRomaniser {
  private static final int CYRILLIC_FIRST = 0x400;
  private static final int CYRILLIC_SIZE = 0x100;

  /** Context index for "no Cyrillic letter before" (start of word, or after a Latin letter). */
  private static final int NO_CONTEXT = CYRILLIC_SIZE;

  /** Marks a pair the transform rewrites across the letter boundary. */
  private static final String ACROSS = "\u0000";

  private final Transliterator transliterator;
  private final boolean cyrillic;

  /** Cyrillic: output by [previous letter or NO_CONTEXT][letter], filled on first use. */
  private final String[][] afterLetter;

  /** Other letter-wise scripts: output by code point, filled on first use. */
  private final Int2ObjectOpenHashMap<String> byCodePoint = new Int2ObjectOpenHashMap<>();

  /**
   * {@link #byCodePoint} of every romaniser in the JVM, by the ID of their transform, consulted on
   * a thread's first use of a letter: ICU takes about 0.1 ms for a Han character, under a lock the
   * threads' instances of Han-Latin share, and every thread read each character again.
   */
  private static final ConcurrentHashMap<String, ConcurrentHashMap<Integer, String>> LETTERS =
      new ConcurrentHashMap<>();

  /** This transform's part of {@link #LETTERS}. */
  private final ConcurrentHashMap<Integer, String> letters;

  private LetterRomaniser(Transliterator transliterator, boolean cyrillic) {
    this.transliterator = transliterator;
    this.cyrillic = cyrillic;
    this.afterLetter = cyrillic ? new String[CYRILLIC_SIZE + 1][] : null;
    this.letters = LETTERS.computeIfAbsent(transliterator.getID(), k -> new ConcurrentHashMap<>());
  }

  /**
   * A letter-wise romaniser for words of {@code script}, or {@code null} when the script's
   * transform is not letter-wise.
   *
   * @param script a {@link UScript} code
   * @param transliterator the transform the words of that script are romanised with (owned by the
   *     caller's thread)
   */
  static LetterRomaniser forScript(int script, Transliterator transliterator) {
    return switch (script) {
      case UScript.CYRILLIC -> new LetterRomaniser(transliterator, true);
      case UScript.HAN, UScript.LATIN, UScript.COMMON -> new LetterRomaniser(transliterator, false);
      default -> null;
    };
  }

  /**
   * The folded romanisation of {@code word} (lower-case ASCII letters and digits), or {@code null}
   * when a letter falls outside this romaniser's script, so the caller transliterates it whole.
   */
  String romanise(String word) {
    StringBuilder out = new StringBuilder(word.length() + 4);
    int previous = NO_CONTEXT;
    for (int i = 0; i < word.length(); ) {
      int codePoint = word.codePointAt(i);
      i += Character.charCount(codePoint);
      if (codePoint < 0x80) {
        char c = Character.toLowerCase((char) codePoint);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
          out.append(c);
        }
        previous = NO_CONTEXT;
        continue;
      }
      String letter;
      if (cyrillic) {
        int lower = Character.toLowerCase(codePoint);
        if (lower < CYRILLIC_FIRST || lower >= CYRILLIC_FIRST + CYRILLIC_SIZE) {
          return null;
        }
        letter = cyrillicLetter(previous, lower - CYRILLIC_FIRST);
        previous = lower - CYRILLIC_FIRST;
      } else {
        int script = UScript.getScript(codePoint);
        if (script != UScript.HAN
            && script != UScript.LATIN
            && script != UScript.COMMON
            && script != UScript.INHERITED) {
          return null;
        }
        letter = byCodePoint.get(codePoint);
        if (letter == null) {
          letter =
              letters.computeIfAbsent(
                  codePoint,
                  c -> fold(transliterator.transliterate(new String(Character.toChars(c)))));
          byCodePoint.put(codePoint, letter);
        }
      }
      if (letter == null) {
        return null;
      }
      out.append(letter);
    }
    return out.toString();
  }

  /** The letter's output after {@code previous}, as the transform gives it for the pair. */
  private String cyrillicLetter(int previous, int letter) {
    String[] row = afterLetter[previous];
    if (row == null) {
      row = new String[CYRILLIC_SIZE];
      afterLetter[previous] = row;
    }
    String output = row[letter];
    if (output == null) {
      String current = String.valueOf((char) (CYRILLIC_FIRST + letter));
      if (previous == NO_CONTEXT) {
        output = fold(transliterator.transliterate(current));
      } else {
        String before =
            fold(transliterator.transliterate(String.valueOf((char) (CYRILLIC_FIRST + previous))));
        String pair =
            fold(transliterator.transliterate((char) (CYRILLIC_FIRST + previous) + current));
        // The pair must extend the previous letter's output; when it does not, the transform
        // rewrote across the boundary and this word goes through it whole.
        output = pair.startsWith(before) ? pair.substring(before.length()) : ACROSS;
      }
      row[letter] = output;
    }
    return ACROSS.equals(output) ? null : output;
  }

  /** Lower-case ASCII letters and digits of {@code text}; everything else dropped. */
  static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder folded = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        folded.append(c);
      }
    }
    return folded.toString();
  }
}
