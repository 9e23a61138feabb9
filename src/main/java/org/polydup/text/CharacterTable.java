package org.polydup.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import java.util.HashMap;
import java.util.Map;

/**
 * Precomputed per-character facts for {@link TextAnalyzer}: the tokenizer class of every BMP
 * character and its NFKC case-folded form when that form is one character that can be folded on its
 * own. Built once per JVM (about 65,536 ICU look-ups, tens of milliseconds); supplementary
 * characters are classified on the fly, they are rare in news text.
 */
final class CharacterTable {
  /** Ends a token: spaces, punctuation, symbols, quotes, dashes. */
  static final byte SEPARATOR = 0;

  /** A letter of a space-delimited script (or a number-like letter such as ², ①). */
  static final byte LETTER = 1;

  /** A decimal digit of any script (each folds to its ASCII digit, {@link #foldFurther}). */
  static final byte DIGIT = 2;

  /** Any apostrophe-like character; kept (as ') only between two letters. */
  static final byte APOSTROPHE = 3;

  /** '.' or ','; kept only between two digits (1,000.5). */
  static final byte NUMBER_PUNCTUATION = 4;

  /** A letter or mark of a script written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar). */
  static final byte SEGMENTED = 5;

  /** A combining mark of a space-delimited script; continues the current token. */
  static final byte MARK = 6;

  /** A default-ignorable format character (soft hyphen, ZWJ, ZWNJ, BOM): skipped. */
  static final byte IGNORABLE = 7;

  /** {@code '<'}, which may open a markup tag. */
  static final byte TAG_OPEN = 8;

  /** {@code '&'}, which may open an HTML entity. */
  static final byte ENTITY_OPEN = 9;

  /** Marker in the fold table: the character must go through the ICU normaliser. */
  static final char NEEDS_NORMALIZER = '\uFFFF';

  static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  private static final byte[] CLASSES = new byte[0x10000];

  /** What NFKC case folding leaves apart that readers take as one ({@link #foldFurther}). */
  private static final char[] FURTHER = new char[0x10000];

  private static final char[] FOLDED = new char[0x10000];
  private static final boolean[] HAN_OR_KANA = new boolean[0x10000];

  static {
    for (int c = 0; c < 0x10000; c++) {
      FURTHER[c] = (char) foldFurther(c);
    }
    for (int c = 0; c < 0x10000; c++) {
      byte characterClass = classify(c);
      CLASSES[c] = characterClass;
      HAN_OR_KANA[c] = characterClass == SEGMENTED && !isDictionaryOnlyScript(c);
      FOLDED[c] =
          (characterClass == LETTER
                  || characterClass == DIGIT
                  || characterClass == MARK
                  || characterClass == SEGMENTED)
              ? fold((char) c)
              : NEEDS_NORMALIZER;
    }
  }

  /**
   * Two-letter spellings of the compatibility ligatures of Thai, Lao, Khmer and Myanmar, keyed by
   * {@code first << 16 | second}: Thai ำ = ํ + า, Lao ໜ = ຫ + ນ, ... ({@link SegmenterInput}).
   */
  private static final Map<Integer, Character> LIGATURES = compatibilityLigatures();

  /** The range of the first letters of {@link #LIGATURES}, to skip the map for other text. */
  private static final char LIGATURE_FIRST_MINIMUM =
      (char) (LIGATURES.keySet().stream().mapToInt(k -> k >>> 16).min().orElse(1) & 0xFFFF);

  private static final char LIGATURE_FIRST_MAXIMUM =
      (char) LIGATURES.keySet().stream().mapToInt(k -> k >>> 16).max().orElse(0);

  private CharacterTable() {}

  /**
   * The compatibility ligature of a dictionary-segmented script written as {@code first} {@code
   * second}, or 0 if there is none.
   */
  static char compatibilityLigature(char first, char second) {
    if (first < LIGATURE_FIRST_MINIMUM || first > LIGATURE_FIRST_MAXIMUM) {
      return 0;
    }
    Character ligature = LIGATURES.get(first << 16 | second);
    return ligature == null ? 0 : ligature;
  }

  private static Map<Integer, Character> compatibilityLigatures() {
    Normalizer2 nfd = Normalizer2.getNFDInstance();
    Normalizer2 nfkd = Normalizer2.getNFKDInstance();
    Map<Integer, Character> ligatures = new HashMap<>();
    for (int c = 0; c < 0x10000; c++) {
      String compatibility = nfkd.getDecomposition(c);
      if (isDictionaryOnlyScript(c)
          && compatibility != null
          && compatibility.length() == 2
          && !compatibility.equals(nfd.getDecomposition(c))) {
        ligatures.put(compatibility.charAt(0) << 16 | compatibility.charAt(1), (char) c);
      }
    }
    return Map.copyOf(ligatures);
  }

  /** The class of a BMP character (surrogates are {@link #SEPARATOR}). */
  static byte classOf(char c) {
    return CLASSES[c];
  }

  /** The class of any code point. */
  static byte classOfCodePoint(int codePoint) {
    return codePoint < 0x10000 ? CLASSES[codePoint] : classify(codePoint);
  }

  /** The folded form of a BMP character, or {@link #NEEDS_NORMALIZER}. */
  static char folded(char c) {
    return FOLDED[c];
  }

  /** True for {@link #SEGMENTED} code points of Han and kana (not Thai, Lao, Khmer, Myanmar). */
  static boolean isHanOrKana(int codePoint) {
    return codePoint < 0x10000
        ? HAN_OR_KANA[codePoint]
        : classify(codePoint) == SEGMENTED && !isDictionaryOnlyScript(codePoint);
  }

  private static boolean isDictionaryOnlyScript(int codePoint) {
    switch (UScript.getScript(codePoint)) {
      case UScript.THAI:
      case UScript.LAO:
      case UScript.KHMER:
      case UScript.MYANMAR:
        return true;
      default:
        return false;
    }
  }

  static boolean isApostrophe(int codePoint) {
    switch (codePoint) {
      case '\'':
      case '`':
      case 0x00B4: // acute accent
      case 0x02BC: // modifier letter apostrophe (Ukrainian)
      case 0x2018: // left single quotation mark
      case 0x2019: // right single quotation mark
      case 0x201B: // single high-reversed-9 quotation mark
      case 0x05F3: // Hebrew geresh (ג׳ורג׳, where ASCII text writes ג'ורג')
      case 0x05F4: // Hebrew gershayim (צה״ל)
      case 0x2032: // prime
      case 0xFF07: // full-width apostrophe
        return true;
      default:
        return false;
    }
  }

  private static byte classify(int codePoint) {
    if (codePoint == '<') {
      return TAG_OPEN;
    }
    if (codePoint == '&') {
      return ENTITY_OPEN;
    }
    if (codePoint == '.'
        || codePoint == ','
        || codePoint == 0xFF0E
        || codePoint == 0xFF0C
        || codePoint == 0x066B
        || codePoint == 0x066C) {
      // Full-width ones too (Japanese writes ３５，０００ as 35,000), and Arabic decimal and
      // thousands separators (٣٫٥, ١٬٠٠٠).
      return NUMBER_PUNCTUATION;
    }
    if (isApostrophe(codePoint)) {
      return APOSTROPHE;
    }
    if (codePoint == 0x200B) { // zero-width space separates words
      return SEPARATOR;
    }
    if (codePoint == 0x0640) {
      // Arabic tatweel (kashida) stretches a word to justify a line: layout, not a letter of it,
      // so a word stretched on one site must meet the same word unstretched on another.
      return IGNORABLE;
    }
    if (codePoint == 0x055B || codePoint == 0x055C || codePoint == 0x055E) {
      // Armenian emphasis, exclamation and question marks sit on the stressed vowel inside the
      // word (ինչո՞ւ is ինչու asked): intonation, not a boundary. The Armenian comma (U+055D)
      // follows a word, as a comma does, and stays a separator.
      return IGNORABLE;
    }
    switch (Character.getType(codePoint)) {
      case Character.FORMAT:
        return UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
            ? IGNORABLE
            : SEPARATOR;
      case Character.DECIMAL_DIGIT_NUMBER:
        return DIGIT;
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
        return isSegmentedScript(codePoint) ? SEGMENTED : LETTER;
      case Character.NON_SPACING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.ENCLOSING_MARK:
        return isSegmentedScript(codePoint) ? SEGMENTED : MARK;
      default:
        return SEPARATOR;
    }
  }

  private static boolean isSegmentedScript(int codePoint) {
    // Prolonged sound marks, iteration marks and voicing marks are Common or Inherited script
    // but belong to Japanese words.
    if ((codePoint >= 0x3000 && codePoint <= 0x30FF)
        || (codePoint >= 0xFF66 && codePoint <= 0xFF9F)) {
      return true;
    }
    switch (UScript.getScript(codePoint)) {
      case UScript.HAN:
      case UScript.HIRAGANA:
      case UScript.KATAKANA:
      case UScript.THAI:
      case UScript.LAO:
      case UScript.KHMER:
      case UScript.MYANMAR:
        return true;
      default:
        return false;
    }
  }

  private static char fold(char c) {
    if (Character.isSurrogate(c) || !NFKC_CASEFOLD.hasBoundaryBefore(c)) {
      return NEEDS_NORMALIZER;
    }
    String folded = NFKC_CASEFOLD.normalize(String.valueOf(c));
    return folded.length() == 1 ? FURTHER[folded.charAt(0)] : NEEDS_NORMALIZER;
  }

  /**
   * Applies to an NFKC case-folded token the folds NFKC case folding lacks; returns {@code
   * normalized} itself when none applies. The per-character fold table already includes them, so a
   * token folded character by character and one normalised whole by ICU agree.
   */
  static String foldFurther(String normalized) {
    StringBuilder further = null;
    int lastStarter = -1; // the last character of combining class 0
    boolean dotAboveSeen = false; // a mark above (class 230) since it: a dot then is not the i's
    for (int i = 0; i < normalized.length(); ) {
      int codePoint = normalized.codePointAt(i);
      int width = Character.charCount(codePoint);
      int combiningClass = UCharacter.getCombiningClass(codePoint);
      // Turkish İ case-folds to i + U+0307 (combining dot above), İZMİR to "i̇zmi̇r" where İzmir
      // gives "i̇zmir"; the dot on an i is the one it has anyway, so it goes, as in Lucene's
      // TurkishLowerCaseFilter (other marks may stand between).
      boolean drop = codePoint == 0x0307 && lastStarter == 'i' && !dotAboveSeen;
      int replacement = codePoint < 0x10000 ? FURTHER[codePoint] : foldFurther(codePoint);
      if ((drop || replacement != codePoint) && further == null) {
        further = new StringBuilder(normalized.length()).append(normalized, 0, i);
      }
      if (further != null && !drop) {
        further.appendCodePoint(replacement);
      }
      if (combiningClass == 0) {
        lastStarter = codePoint;
        dotAboveSeen = false;
      } else if (combiningClass == 230) {
        dotAboveSeen = true;
      }
      i += width;
    }
    return further == null ? normalized : further.toString();
  }

  /**
   * The fold of one character after NFKC case folding:
   *
   * <ul>
   *   <li>a decimal digit of any script to its ASCII digit: ۱۴۰۲, ١٤٠٢, ๑๔๐๒ and 1402 are one
   *       number, and only full-width digits have a compatibility mapping;
   *   <li>the Arabic letters an Arabic keyboard types for Persian ones (ي and ى for ی, ك for ک) to
   *       one form each, as Lucene's Persian and Arabic normalisers do, so a Persian story retyped
   *       on an Arabic keyboard reads the same (the Arabic forms, as Lucene's);
   *   <li>a Greek letter with tonos or dialytika to the bare letter: Greek capitals are written
   *       without accents (ΑΘΗΝΑ for Αθήνα), as Lucene's GreekLowerCaseFilter does. Polytonic
   *       letters, whose other marks carry meaning, are left.
   * </ul>
   */
  private static int foldFurther(int codePoint) {
    if (UCharacter.getType(codePoint) == UCharacterCategory.DECIMAL_DIGIT_NUMBER) {
      return '0' + UCharacter.digit(codePoint, 10);
    }
    switch (codePoint) {
      case 0x0649: // ى alef maksura
      case 0x06CC: // ی Farsi yeh
        return 0x064A; // ي yeh
      case 0x06A9: // ک keheh
        return 0x0643; // ك kaf
      default:
        break;
    }
    if (UScript.getScript(codePoint) == UScript.GREEK) {
      String decomposed = NFD.getDecomposition(codePoint);
      if (decomposed != null
          && decomposed.length() > 1
          && decomposed.substring(1).chars().allMatch(m -> m == 0x0301 || m == 0x0308)) {
        return decomposed.charAt(0);
      }
    }
    return codePoint;
  }
}
