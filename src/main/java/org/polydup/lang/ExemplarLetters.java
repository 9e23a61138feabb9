package org.polydup.lang;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSetIterator;
import com.ibm.icu.util.LocaleData;
import com.ibm.icu.util.ULocale;

/**
 * The letters one language writes, from CLDR's exemplar characters (ICU {@link LocaleData}): the
 * standard set (its alphabet) and the auxiliary set (letters of loanwords and foreign names, such
 * as English é or Arabic پ). Both are kept case-folded and composed (NFC), as the identifier reads
 * text, so a letter is tested with one set lookup.
 *
 * <p>Multi-letter exemplars ({@code {dž}}, {@code {ch}}) contribute their letters; combining marks
 * (Russian stress marks {@code {а́}}) are not letters and are dropped.
 */
final class ExemplarLetters {
  private final UnicodeSet standard;
  private final UnicodeSet all;

  private ExemplarLetters(UnicodeSet standard, UnicodeSet all) {
    this.standard = standard;
    this.all = all;
  }

  /** The exemplar letters of the language with ISO 639-1 code {@code language}. */
  static ExemplarLetters of(String language) {
    ULocale locale = new ULocale(language);
    UnicodeSet standard = letters(LocaleData.getExemplarSet(locale, 0, LocaleData.ES_STANDARD));
    UnicodeSet all =
        new UnicodeSet(standard)
            .addAll(letters(LocaleData.getExemplarSet(locale, 0, LocaleData.ES_AUXILIARY)));
    return new ExemplarLetters(standard.freeze(), all.freeze());
  }

  /** Whether the folded letter {@code codePoint} is in the standard or auxiliary set. */
  boolean uses(int codePoint) {
    return all.contains(codePoint);
  }

  /** Whether the folded letter {@code codePoint} is only in the auxiliary set (a loan letter). */
  boolean borrows(int codePoint) {
    return all.contains(codePoint) && !standard.contains(codePoint);
  }

  /** The letters of an exemplar set, folded and composed. */
  private static UnicodeSet letters(UnicodeSet exemplars) {
    Normalizer2 nfc = Normalizer2.getNFCInstance();
    UnicodeSet letters = new UnicodeSet();
    UnicodeSetIterator iterator = new UnicodeSetIterator(exemplars);
    while (iterator.next()) {
      String item = iterator.getString();
      for (String form : new String[] {item, UCharacter.toUpperCase(ULocale.ROOT, item)}) {
        String composed = nfc.normalize(form);
        composed
            .codePoints()
            .filter(Character::isLetter)
            .forEach(c -> letters.add(UCharacter.foldCase(c, true)));
      }
    }
    return letters;
  }
}
