package org.polydup.align.extract;

import com.ibm.icu.text.Replaceable;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UTF16;

/**
 * The text an ICU transform rewrites in place, held in a {@link StringBuilder}. Not thread-safe:
 * one per call of {@link #transliterate}.
 *
 * <h2>Rationale</h2>
 *
 * {@link Transliterator#transliterate(String)} wraps the word in ICU's {@code ReplaceableString},
 * which holds a {@link StringBuffer}: every char a rule reads is a synchronized call, and since JDK
 * 15 dropped biased locking each one takes and releases a lock. The rule-based transforms read each
 * char many times (every rule that may match at a position reads it), so on 20,000 bulk documents
 * the buffer's locking was 2.7% of the scan's CPU, in the words romanised whole (kana, Devanagari).
 * This class does what {@code ReplaceableString} does, call for call, on a builder; the transforms
 * see the same text and give the same result.
 */
final class TransliterationBuffer implements Replaceable {
  private final StringBuilder text;

  private TransliterationBuffer(String text) {
    this.text = new StringBuilder(text);
  }

  /** {@code transliterator.transliterate(text)}, without the locking of ICU's own buffer. */
  static String transliterate(Transliterator transliterator, String text) {
    TransliterationBuffer buffer = new TransliterationBuffer(text);
    transliterator.transliterate(buffer);
    return buffer.text.toString();
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public char charAt(int offset) {
    return text.charAt(offset);
  }

  /** The code point at {@code offset}, whole when the offset is either half of a pair. */
  @Override
  public int char32At(int offset) {
    return UTF16.charAt(text, offset);
  }

  @Override
  public void getChars(int srcStart, int srcLimit, char[] dst, int dstStart) {
    if (srcStart != srcLimit) {
      text.getChars(srcStart, srcLimit, dst, dstStart);
    }
  }

  @Override
  public void replace(int start, int limit, String replacement) {
    text.replace(start, limit, replacement);
  }

  @Override
  public void replace(int start, int limit, char[] chars, int charsStart, int charsLength) {
    text.delete(start, limit);
    text.insert(start, chars, charsStart, charsLength);
  }

  @Override
  public void copy(int start, int limit, int dest) {
    if (start == limit && start >= 0 && start <= text.length()) {
      return;
    }
    char[] copied = new char[limit - start];
    getChars(start, limit, copied, 0);
    replace(dest, dest, copied, 0, limit - start);
  }

  @Override
  public boolean hasMetaData() {
    return false;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
