package org.polydup.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;

/**
 * Unicode's Stream-Safe Text Format (UAX #15) for a token that {@link TextAnalyzer} normalises as a
 * whole: no more than {@value #MAXIMUM_NON_STARTERS} combining marks in a row.
 *
 * <p>Normalisation reorders a run of marks by insertion sort, so a "Zalgo" storm of 400,000
 * alternating marks took ICU 36 s; no text has more than 30 marks on one letter (the bound of
 * Unicode's Stream-Safe Text Format, UAX #15), and a copy keeps the same storm. As in UAX #15,
 * marks are counted in each character's NFKD decomposition: U+0F73 is a starter that decomposes to
 * two marks, and a run of it is a run of marks to the normaliser.
 */
final class StreamSafeText {
  /** Combining marks in a row kept on one letter ({@link #dropExcessMarks}). */
  static final int MAXIMUM_NON_STARTERS = 30;

  private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();

  private StreamSafeText() {}

  /**
   * Drops every combining mark after the {@value #MAXIMUM_NON_STARTERS}th in a row, in place;
   * returns the new length.
   */
  static int dropExcessMarks(char[] text, int length) {
    int kept = 0;
    int run = 0;
    for (int i = 0; i < length; ) {
      int c = Character.codePointAt(text, i, length);
      int n = Character.charCount(c);
      String decomposition = NFKD.getDecomposition(c);
      int count = 1;
      int leading = UCharacter.getCombiningClass(c) == 0 ? 0 : 1;
      int trailing = leading;
      if (decomposition != null) {
        count = decomposition.codePointCount(0, decomposition.length());
        leading = leadingNonStarters(decomposition);
        trailing = trailingNonStarters(decomposition);
      }
      boolean allMarks = leading == count;
      if (allMarks && run + leading > MAXIMUM_NON_STARTERS) {
        i += n; // one mark too many: dropped
        continue;
      }
      run = allMarks ? run + leading : trailing;
      System.arraycopy(text, i, text, kept, n);
      kept += n;
      i += n;
    }
    return kept;
  }

  /** How many combining marks (non-zero combining class) {@code units} starts with. */
  private static int leadingNonStarters(String units) {
    int count = 0;
    for (int j = 0; j < units.length(); ) {
      int d = units.codePointAt(j);
      if (UCharacter.getCombiningClass(d) == 0) {
        break;
      }
      count++;
      j += Character.charCount(d);
    }
    return count;
  }

  /** How many combining marks {@code units} ends with. */
  private static int trailingNonStarters(String units) {
    int count = 0;
    for (int j = units.length(); j > 0; ) {
      int d = units.codePointBefore(j);
      if (UCharacter.getCombiningClass(d) == 0) {
        break;
      }
      count++;
      j -= Character.charCount(d);
    }
    return count;
  }
}
