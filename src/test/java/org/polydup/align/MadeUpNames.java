package org.polydup.align;

import java.util.Random;

/** Test fixture: made-up capitalised names, rare keys no other text shares. */
public final class MadeUpNames {
  // No r: the name skeleton puts l and r in one class, and names must stay distinct.
  private static final String CONSONANTS = "bdfgklmnpstvz";
  private static final String VOWELS = "aeiou";

  private MadeUpNames() {}

  /** A three-syllable capitalised name drawn from {@code random}. */
  public static String name(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      s.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())));
      s.append(VOWELS.charAt(random.nextInt(VOWELS.length())));
    }
    s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
    return s.toString();
  }
}
