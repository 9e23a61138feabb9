package org.polydup.align.extract;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys of Han words as written ({@link KeyEncoder#hanKey}), read character by character where
 * that reads as ICU reads the whole word ({@link HanPhrases}), with each character's reading cached
 * per thread and per JVM. Not thread-safe: one per {@link KeyEncoder}, so one per thread.
 */
final class HanKeys {
  /** Han words to their {@link #key}, bounded like {@link Romaniser}'s cache. */
  private final ClearingCache<String, Long> hanCache = new ClearingCache<>(Romaniser.CACHE_LIMIT);

  /** Traditional and Japanese forms folded to Simplified, then read in Mandarin with tones. */
  private Transliterator hanReading;

  /** Each Han character's reading under {@link #hanReading}, or "" ({@link #readHanLetter}). */
  private final Int2ObjectOpenHashMap<String> hanLetters = new Int2ObjectOpenHashMap<>();

  /**
   * {@link #hanLetters} of every encoder in the JVM, consulted when a thread meets a character for
   * the first time: a reading takes ICU about 0.1 ms under the lock its Han-Latin instances share,
   * and each thread computing every character again made the scan's threads queue there (1.5 s
   * blocked on the first 20,000 bulk documents).
   */
  private static final ConcurrentHashMap<Integer, String> HAN_LETTERS = new ConcurrentHashMap<>();

  /** {@code Traditional-Simplified} alone, for {@link #readHanLetter}. */
  private Transliterator simplify;

  /**
   * {@link KeyEncoder#hanKey}: the hash of {@code word}'s Mandarin reading with tones, syllable by
   * syllable, after Traditional and Japanese forms are folded to Simplified.
   *
   * @param word a word of Han characters, at most {@link KeyEncoder#MAXIMUM_WORD} long
   */
  long key(String word) {
    return hanCache.get(word, this::readHan);
  }

  private long readHan(String word) {
    String reading = readHanLetterWise(word);
    if (reading == null) {
      reading = TransliterationBuffer.transliterate(hanReading(), word).replace(" ", "");
    }
    return KeyEncoder.hash("h:" + UCharacter.toLowerCase(ULocale.ROOT, reading));
  }

  private Transliterator hanReading() {
    if (hanReading == null) {
      hanReading = Transliterator.getInstance(HAN_READING);
    }
    return hanReading;
  }

  /**
   * The reading {@link #key} takes of {@code word} (spaces removed, before lower-casing), put
   * together from each character's own reading, or {@code null} when a rule of {@link #HAN_READING}
   * may read some of its characters together (see {@link HanPhrases}), so the word is
   * transliterated whole. Han words are mostly distinct (names, compounds): transliterating each
   * whole was a quarter of entity extraction, and the two threads of a scan queued on the lock ICU
   * holds on the rules they share. A character's reading is computed once per JVM here.
   */
  private String readHanLetterWise(String word) {
    if (HanPhrases.INSTANCE.containsPhrase(word)) {
      return null;
    }
    StringBuilder out = new StringBuilder(4 * word.length());
    for (int i = 0; i < word.length(); ) {
      int codePoint = word.codePointAt(i);
      String reading = hanLetters.get(codePoint);
      if (reading == null) {
        reading = HAN_LETTERS.computeIfAbsent(codePoint, this::readHanLetter);
        hanLetters.put(codePoint, reading);
      }
      if (reading.isEmpty()) {
        return null;
      }
      out.append(reading);
      i += Character.charCount(codePoint);
    }
    return out.toString();
  }

  /**
   * One character's reading, spaces removed, or the empty string when it may be read differently
   * next to others: it is, or simplifies to, a character a {@code Han-Latin} rule reads by its
   * context ({@link HanPhrases#contextual}). (A character read as nothing is also marked empty; its
   * words are transliterated whole, which is always exact.)
   */
  private String readHanLetter(int codePoint) {
    String letter = new String(Character.toChars(codePoint));
    if (simplify == null) {
      simplify = Transliterator.getInstance("Traditional-Simplified");
    }
    String simplified = simplify.transliterate(letter);
    if (HanPhrases.INSTANCE.contextual.contains(codePoint)
        || simplified.codePoints().anyMatch(HanPhrases.INSTANCE.contextual::contains)) {
      return "";
    }
    return hanReading().transliterate(letter).replace(" ", "");
  }

  /** The transform of {@link #key}: Traditional and Japanese forms folded, read in Mandarin. */
  static final String HAN_READING = "Traditional-Simplified; Han-Latin";
}
