package org.polydup.align.extract;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where {@link HanKeys#HAN_READING} reads characters together rather than one by one, found from
 * the transforms' own rules once per JVM, on first use. {@code Traditional-Simplified} maps some
 * phrases as a whole ({@code 乾隆}, {@code 餘地}): a word holding one of those phrases is read whole.
 * {@code Han-Latin} reads four characters by what follows them ({@code 重} before {@code 庆} is
 * {@code chóng}): a word holding one of those, or a character that simplifies to one, is read whole
 * too. Every other rule of the two transforms reads one character (through a set such as {@code
 * [经經]}), and the spaces {@code Han-Latin} puts between readings are removed; so any other word
 * reads as its characters, one by one. (Checked on the 33,104 distinct Han words of the bulk set:
 * no key changes.)
 */
final class HanPhrases {
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
        read.codePoints().filter(c -> UScript.getScript(c) == UScript.HAN).forEach(contextual::add);
      }
    }
  }
}
