package org.polydup.lang;

import com.ibm.icu.lang.UScript;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Letters per script over a bounded prefix, weighted so that scripts compare by how much they say.
 *
 * <p>A Han, kana or Hangul character counts {@value #DENSE_WEIGHT}, any other letter 1: one of
 * those characters carries about a word, as three letters do elsewhere (the weight {@code
 * align/structure/ParagraphShape} and {@code verify/Excerpts} use). Counted raw, "Galaxy S24 Ultra"
 * in a Korean product story outweighs the Korean around it, and the story reads as Latin.
 */
final class ScriptCounts {
  /** Weight of one Han, kana or Hangul character. */
  static final int DENSE_WEIGHT = 3;

  private final Map<Integer, Integer> weightByScript = new HashMap<>();
  private int letters;
  private int weight;
  private int han;
  private int kana;

  private ScriptCounts() {}

  /**
   * Counts the first {@code maximumLetters} letters of {@code text}, reading at most 20 characters
   * a letter, so a huge text without letters costs no more than a short one. Han and kana count
   * together under {@link UScript#JAPANESE}; {@link #kana()} and {@link #han()} split them.
   */
  static ScriptCounts of(CharSequence text, int maximumLetters) {
    ScriptCounts counts = new ScriptCounts();
    int length = Math.min(text.length(), maximumLetters * 20);
    int position = 0;
    while (position < length && counts.letters < maximumLetters) {
      int codePoint = Character.codePointAt(text, position);
      position += Character.charCount(codePoint);
      int script = scriptOfLetter(codePoint);
      if (script == UScript.INVALID_CODE) {
        continue;
      }
      int letterWeight = 1;
      if (script == UScript.HAN) {
        counts.han++;
        script = UScript.JAPANESE; // Han and kana count together; the kana share splits them
        letterWeight = DENSE_WEIGHT;
      } else if (script == UScript.HIRAGANA || script == UScript.KATAKANA) {
        counts.kana++;
        script = UScript.JAPANESE;
        letterWeight = DENSE_WEIGHT;
      } else if (script == UScript.HANGUL) {
        letterWeight = DENSE_WEIGHT;
      }
      counts.letters++;
      counts.weight += letterWeight;
      counts.weightByScript.merge(script, letterWeight, Integer::sum);
    }
    return counts;
  }

  /** The ICU script of a letter, or {@link UScript#INVALID_CODE} for anything else. */
  static int scriptOfLetter(int codePoint) {
    if (!Character.isLetter(codePoint)) {
      return UScript.INVALID_CODE;
    }
    int script = UScript.getScript(codePoint);
    if (script == UScript.COMMON || script == UScript.INHERITED) {
      // Letters such as the prolonged sound mark ー: Japanese when in the kana block.
      return codePoint >= 0x3040 && codePoint <= 0x30FF ? UScript.KATAKANA : UScript.INVALID_CODE;
    }
    return script;
  }

  /** Number of letters counted. */
  int letters() {
    return letters;
  }

  int han() {
    return han;
  }

  int kana() {
    return kana;
  }

  /**
   * The script the text is written in: the heaviest of {@code ownedScripts} (scripts that name one
   * language) holding at least {@code ownedShare} of the weight, else the heaviest script. {@link
   * UScript#JAPANESE} stands for Han and kana together and is returned as {@link UScript#HAN} when
   * there is no kana.
   */
  int script(Set<Integer> ownedScripts, double ownedShare) {
    int best = heaviest(ownedScripts);
    if (best == UScript.INVALID_CODE || weightByScript.get(best) < ownedShare * weight) {
      best = heaviest(null);
    }
    if (best == UScript.JAPANESE && kana == 0) {
      return UScript.HAN;
    }
    return best;
  }

  private int heaviest(Set<Integer> among) {
    int best = UScript.INVALID_CODE;
    int bestWeight = -1;
    for (Map.Entry<Integer, Integer> entry : weightByScript.entrySet()) {
      if ((among == null || among.contains(entry.getKey())) && entry.getValue() > bestWeight) {
        best = entry.getKey();
        bestWeight = entry.getValue();
      }
    }
    return best;
  }

  /** Share of the weight in {@code script} ({@link UScript#HAN} counts with kana), in [0, 1]. */
  double share(int script) {
    int key = script == UScript.HAN ? UScript.JAPANESE : script;
    return weight == 0 ? 0.0 : (double) weightByScript.getOrDefault(key, 0) / weight;
  }
}
