package org.polydup.text;

import com.ibm.icu.text.Normalizer2;
import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * A run of a script written without spaces as the dictionary segmenter must see it, with each of
 * its positions mapped back to the raw text. Reused by one {@link TextAnalyzer}: not thread-safe.
 *
 * <h2>Rationale</h2>
 *
 * <p>ICU segments by looking words up in a dictionary of composed, entity-free text, so it must be
 * given the text a reader sees, not the bytes a site sent:
 *
 * <ul>
 *   <li><b>Entities decoded.</b> {@code ประกาศเ&#3605;ือน} is the word เตือน to a reader; segmented
 *       raw, the entity was a separate "letter" and the words around it fell apart.
 *   <li><b>Invisible characters dropped.</b> ICU breaks at a soft hyphen or a joiner; a boundary
 *       before one maps past it, so it stays with the word before.
 *   <li><b>Composed (NFC).</b> Decomposed Burmese {@code ဦ} (U+1025 U+102E) is not in the
 *       dictionary, {@code ဦ} (U+1026) is.
 *   <li><b>Compatibility ligatures of these scripts composed.</b> Thai {@code ำ} (U+0E33) and Lao
 *       {@code ໜ ໝ ຳ} have compatibility decompositions (ํ + า, ຫ + ນ, ...), so the token
 *       normaliser already treats both spellings as one; the dictionary knows only the ligature
 *       ({@code จำนวน} segments whole, {@code จํานวน} as {@code จํา|นวน}; Lao {@code ເສດຖະກິດ} with
 *       {@code ໝ} nearby stays whole, with {@code ຫມ} it splits), so the two-letter spelling is
 *       composed here. The pairs come from ICU's decomposition data, not a hand-typed list.
 * </ul>
 *
 * <p>Each character of the segmenter's text has the raw offset where it starts; a character made
 * from several raw ones (an entity, a composition) starts where the first of them does, and the
 * run's end maps to the raw end. The tokens are the segmenter's text, not the raw characters: their
 * normalised form is the same (NFKC case folding of the composed text equals that of the raw), and
 * an entity's characters would otherwise be read as letters.
 */
final class SegmenterInput {
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

  /**
   * A sequence of combining marks longer than this (a "Zalgo" storm) is not composed: ICU reorders
   * marks by insertion sort. Stream-Safe text (UAX #15) has at most 30 in a row.
   */
  private static final int MAXIMUM_COMPOSED_SEQUENCE = 32;

  private char[] collected = new char[64];
  private int[] collectedStarts = new int[65];
  private int collectedLength;

  private final StringBuilder normalized = new StringBuilder();
  private int[] normalizedStarts = new int[65];

  private char[] normalizedChars = new char[64];

  private char[] text;
  private int length;
  private int[] starts;

  /** Starts a new run. */
  void clear() {
    collectedLength = 0;
  }

  /**
   * Adds a visible character, read (perhaps as an entity) from the raw text at {@code rawStart}.
   */
  void add(int codePoint, int rawStart) {
    if (collectedLength + 2 >= collected.length) {
      collected = Arrays.copyOf(collected, collected.length * 2);
      collectedStarts = Arrays.copyOf(collectedStarts, collected.length + 1);
    }
    if (codePoint < 0x10000) {
      collected[collectedLength] = (char) codePoint;
      collectedStarts[collectedLength++] = rawStart;
    } else {
      collected[collectedLength] = Character.highSurrogate(codePoint);
      collectedStarts[collectedLength++] = rawStart;
      collected[collectedLength] = Character.lowSurrogate(codePoint);
      collectedStarts[collectedLength++] = rawStart;
    }
  }

  /**
   * Ends the run at {@code rawEnd} and prepares {@link #chars} and {@link #rawOffset}. A run the
   * segmenter can read as it stands (the usual case) is used as it is, without a copy; so is every
   * run when {@code compose} is false (bigrams, which keep marks with their character anyway).
   */
  void finish(int rawEnd, boolean compose) {
    collectedStarts[collectedLength] = rawEnd;
    // Not isNormalized: on a storm of marks in the wrong order it reorders them all, in
    // quadratic time; the quick check stops at the first one.
    if (!compose
        || (NFC.spanQuickCheckYes(CharBuffer.wrap(collected, 0, collectedLength)) == collectedLength
            && !hasCompatibilityPair())) {
      text = collected;
      length = collectedLength;
      starts = collectedStarts;
      return;
    }
    normalized.setLength(0);
    int chunkStart = 0;
    for (int i = 1; i <= collectedLength; i++) {
      if (i == collectedLength
          || (!Character.isLowSurrogate(collected[i])
              && NFC.hasBoundaryBefore(Character.codePointAt(collected, i, collectedLength)))) {
        appendComposed(chunkStart, i);
        chunkStart = i;
      }
    }
    length = normalized.length();
    normalizedStarts = fit(normalizedStarts, length + 1);
    normalizedStarts[length] = rawEnd;
    if (normalizedChars.length < length) {
      normalizedChars = new char[Math.max(length, 2 * normalizedChars.length)];
    }
    normalized.getChars(0, length, normalizedChars, 0);
    text = normalizedChars;
    starts = normalizedStarts;
  }

  /** The text to segment, its first {@link #length} characters (valid after {@link #finish}). */
  char[] chars() {
    return text;
  }

  /** The length of the text to segment. */
  int length() {
    return length;
  }

  /** The raw offset of the character at {@code index} of {@link #chars}, or of its end. */
  int rawOffset(int index) {
    return starts[index];
  }

  /**
   * Appends {@code collected[from, to)}, a character and the marks after it, in NFC, then composes
   * a compatibility pair ending at its first character with the character before.
   */
  private void appendComposed(int from, int to) {
    String chunk = new String(collected, from, to - from);
    String composed =
        to - from > MAXIMUM_COMPOSED_SEQUENCE || NFC.isNormalized(chunk)
            ? chunk
            : NFC.normalize(chunk);
    boolean same = composed.length() == to - from;
    int skipped = 0;
    int length = normalized.length();
    if (length > 0) {
      char ligature =
          CharacterTable.compatibilityLigature(normalized.charAt(length - 1), composed.charAt(0));
      if (ligature != 0) {
        normalized.setCharAt(length - 1, ligature); // starts where its first letter does
        skipped = 1;
      }
    }
    normalizedStarts = fit(normalizedStarts, length + composed.length() + 1);
    for (int k = skipped; k < composed.length(); k++) {
      normalizedStarts[length + k - skipped] =
          same ? collectedStarts[from + k] : collectedStarts[from];
    }
    normalized.append(composed, skipped, composed.length());
  }

  private boolean hasCompatibilityPair() {
    for (int i = 1; i < collectedLength; i++) {
      if (CharacterTable.compatibilityLigature(collected[i - 1], collected[i]) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops the arrays a run longer than {@code retained} characters grew (see {@link
   * TextAnalyzer#RETAINED_CHARACTERS}); returns whether any was dropped, in which case the last
   * run's text must not be read again.
   */
  boolean release(int retained) {
    boolean released = false;
    if (collected.length > retained) {
      collected = new char[64];
      collectedStarts = new int[65];
      released = true;
    }
    if (normalizedStarts.length > retained + 1 || normalizedChars.length > retained) {
      normalizedStarts = new int[65];
      normalizedChars = new char[64];
      released = true;
    }
    if (normalized.capacity() > retained) {
      normalized.setLength(0);
      normalized.trimToSize();
      released = true;
    }
    if (released) {
      text = collected;
      starts = collectedStarts;
      length = 0;
      collectedLength = 0;
    }
    return released;
  }

  /** Capacity of the arrays now kept, in elements, for tests. */
  int retainedCapacity() {
    return collected.length
        + collectedStarts.length
        + normalizedStarts.length
        + normalizedChars.length
        + normalized.capacity();
  }

  private static int[] fit(int[] array, int size) {
    return array.length >= size ? array : Arrays.copyOf(array, Math.max(size, 2 * array.length));
  }
}
