package org.polydup.lang;

import com.github.pemistahl.lingua.api.Language;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether a text's letters of one shared script could be written in its configured languages,
 * checked against CLDR's exemplar letters ({@link ExemplarLetters}): Lingua always names a
 * candidate, and this check turns a confident wrong label for a language outside the configured set
 * into {@code und-<Script>}. The thresholds and their measurements are in {@link
 * LanguageIdentifier}'s class comment.
 *
 * <p>Thread-safe: the exemplar sets are built on first use, once, so a scan of English texts never
 * builds the Cyrillic ones.
 */
final class ExemplarCheck {
  private final Set<Language> candidates;

  private volatile Map<String, ExemplarLetters> exemplars;

  /** A check for the configured languages {@code candidates} of one script. */
  ExemplarCheck(Set<Language> candidates) {
    this.candidates = candidates;
  }

  /**
   * Whether the letters could be in some configured language of the script: at most {@link
   * LanguageIdentifier#FOREIGN_LETTER_SHARE} of them lie outside every candidate's exemplars.
   */
  boolean anyCandidateWrites(ScriptLetters letters) {
    Map<String, ExemplarLetters> sets = exemplars();
    int foreign = 0;
    for (int letter : letters.folded()) {
      boolean used = false;
      for (ExemplarLetters set : sets.values()) {
        if (set.uses(letter)) {
          used = true;
          break;
        }
      }
      foreign += used ? 0 : 1;
    }
    return foreign <= LanguageIdentifier.FOREIGN_LETTER_SHARE * letters.count();
  }

  /**
   * Whether the letters fit {@code language}: at most {@link
   * LanguageIdentifier#FOREIGN_LETTER_SHARE} outside its exemplars and at most {@link
   * LanguageIdentifier#LOAN_LETTER_SHARE} among its auxiliary (loan) letters.
   */
  boolean writes(String language, ScriptLetters letters) {
    ExemplarLetters set = exemplars().get(language);
    int foreign = 0;
    int loan = 0;
    for (int letter : letters.folded()) {
      if (!set.uses(letter)) {
        foreign++;
      } else if (set.borrows(letter)) {
        loan++;
      }
    }
    return foreign <= LanguageIdentifier.FOREIGN_LETTER_SHARE * letters.count()
        && loan <= LanguageIdentifier.LOAN_LETTER_SHARE * letters.count();
  }

  private Map<String, ExemplarLetters> exemplars() {
    Map<String, ExemplarLetters> built = exemplars;
    if (built == null) {
      synchronized (this) {
        built = exemplars;
        if (built == null) {
          Map<String, ExemplarLetters> sets = new HashMap<>();
          for (Language language : candidates) {
            sets.put(
                ScriptLanguages.code(language), ExemplarLetters.of(ScriptLanguages.code(language)));
          }
          built = Map.copyOf(sets);
          exemplars = built;
        }
      }
    }
    return built;
  }
}
