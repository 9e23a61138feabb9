package org.polydup.lang;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import java.util.Arrays;

/**
 * The letters of one script in a text: case-folded, for the exemplar test, and a sample for Lingua
 * that keeps the text's spaces, digits and punctuation but blanks the letters of every other
 * script, so English product names in a Russian story do not vote for English models. The text must
 * already be composed (NFC): Lingua's models and CLDR's exemplars both know ệ, not e with two
 * marks.
 */
final class ScriptLetters {
  private final int[] folded;
  private final int count;
  private final String sample;

  private ScriptLetters(int[] folded, int count, String sample) {
    this.folded = folded;
    this.count = count;
    this.sample = sample;
  }

  /**
   * Reads {@code text} until {@code maximumLetters} letters of {@code script} are found (at most 20
   * characters a letter); the sample holds the first {@code sampleLetters} of them.
   */
  static ScriptLetters of(CharSequence text, int script, int maximumLetters, int sampleLetters) {
    int[] folded = new int[maximumLetters];
    int readLetters = Math.max(maximumLetters, sampleLetters);
    int count = 0;
    StringBuilder sample = new StringBuilder();
    int length = (int) Math.min(text.length(), readLetters * 20L);
    int position = 0;
    boolean sampleOpen = sampleLetters > 0;
    int seen = 0;
    while (position < length && seen < readLetters) {
      int codePoint = Character.codePointAt(text, position);
      position += Character.charCount(codePoint);
      int letterScript = ScriptCounts.scriptOfLetter(codePoint);
      boolean ours = letterScript == script;
      if (ours) {
        seen++;
        if (count < maximumLetters) {
          folded[count++] = UCharacter.foldCase(codePoint, true);
        }
      }
      if (sampleOpen) {
        if (ours || letterScript == UScript.INVALID_CODE) {
          sample.appendCodePoint(codePoint);
        } else {
          sample.append(' ');
        }
        sampleOpen = !(ours && seen == sampleLetters);
      }
    }
    return new ScriptLetters(Arrays.copyOf(folded, count), count, sample.toString());
  }

  /** Number of letters of the script read. */
  int count() {
    return count;
  }

  /** The letters, case-folded, in text order. */
  int[] folded() {
    return folded;
  }

  /** The text up to its {@code sampleLetters}-th letter of the script, other scripts blanked. */
  String sample() {
    return sample;
  }
}
