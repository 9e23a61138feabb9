package org.polydup.text;

import static org.polydup.text.CharacterTable.IGNORABLE;
import static org.polydup.text.CharacterTable.MARK;
import static org.polydup.text.CharacterTable.SEGMENTED;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Tokenises the runs of scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar):
 * ICU's dictionary-based word BreakIterator, or overlapping character bigrams for Han and kana when
 * {@link TextOptions.HanAndKanaSegmentation#BIGRAMS} is configured. A run is segmented as a reader
 * sees it ({@link SegmenterInput}) and each word is given to the {@link TokenBuilder} with the raw
 * offsets it was read from.
 *
 * <p>Not thread-safe: owned by one {@link TextAnalyzer}; it holds its BreakIterator, created on the
 * first run, so a worker that never sees such a script never builds one.
 */
final class RunSegmenter {
  private final TextOptions options;
  private final TokenBuilder builder;
  private final EntityDecoder entities;
  private final SegmenterInput segmenterInput = new SegmenterInput();

  private BreakIterator wordBreaker;
  private int unitCodePoint;

  /** A segmenter giving its words to {@code builder}, decoding entities with {@code entities}. */
  RunSegmenter(TextOptions options, TokenBuilder builder, EntityDecoder entities) {
    this.options = options;
    this.builder = builder;
    this.entities = entities;
  }

  /**
   * Tokenises a run of characters from scripts written without spaces, starting at {@code runStart}
   * (a character or an entity of such a script): ICU's dictionary-based word BreakIterator, or
   * character bigrams for Han and kana when so configured. The run continues through marks,
   * invisible characters and entities that decode to any of these, and is segmented as a reader
   * sees it ({@link SegmenterInput}). Returns the position after the run. {@code text} holds {@code
   * textLength} characters, of which the first {@code limit} are read.
   */
  int segmentRun(char[] text, int runStart, int limit, int textLength) {
    builder.flushToken();
    boolean splitByScript =
        options.hanAndKanaSegmentation() == TextOptions.HanAndKanaSegmentation.BIGRAMS;
    boolean bigrams = false;
    segmenterInput.clear();
    int runEnd = runStart;
    while (runEnd < limit) {
      int unitEnd = unitAt(text, runEnd, limit, textLength);
      if (unitEnd < 0) {
        break;
      }
      int codePoint = unitCodePoint;
      byte characterClass = CharacterTable.classOfCodePoint(codePoint);
      if (runEnd == runStart) {
        bigrams = splitByScript && CharacterTable.isHanOrKana(codePoint);
      } else if (characterClass != SEGMENTED
          && characterClass != MARK
          && characterClass != IGNORABLE) {
        break;
      } else if (splitByScript
          && characterClass == SEGMENTED
          && CharacterTable.isHanOrKana(codePoint) != bigrams) {
        break; // Han/kana bigram runs and Thai-like dictionary runs are tokenised apart
      }
      // A soft hyphen or a joiner inside a run is invisible, as it is inside a Latin word; ICU's
      // dictionary would break at it.
      if (characterClass != IGNORABLE) {
        segmenterInput.add(codePoint, runEnd);
      }
      runEnd = unitEnd;
    }
    segmenterInput.finish(runEnd, !bigrams);
    char[] runText = segmenterInput.chars();
    int runLength = segmenterInput.length();
    if (bigrams) {
      emitBigrams(runText, runLength);
      return runEnd;
    }
    if (wordBreaker == null) {
      wordBreaker = BreakIterator.getWordInstance(ULocale.ROOT);
    }
    wordBreaker.setText(new String(runText, 0, runLength));
    int start = wordBreaker.first();
    for (int end = wordBreaker.next();
        end != BreakIterator.DONE;
        start = end, end = wordBreaker.next()) {
      if (wordBreaker.getRuleStatus() >= BreakIterator.WORD_NONE_LIMIT) {
        emitToken(runText, start, end);
      }
    }
    return runEnd;
  }

  /**
   * Reads the character or the HTML entity at {@code position} into {@link #unitCodePoint} and
   * returns the position after it; -1 if a surrogate pair would cross {@code limit}. An {@code &}
   * that opens no entity is itself.
   */
  private int unitAt(char[] text, int position, int limit, int textLength) {
    if (text[position] == '&') {
      int entityEnd = entities.decodeEntity(text, position, limit);
      if (entityEnd > 0) {
        unitCodePoint = entities.codePoint();
        return entityEnd;
      }
    }
    int codePoint = Character.codePointAt(text, position, textLength);
    int end = position + Character.charCount(codePoint);
    if (end > limit) {
      return -1;
    }
    unitCodePoint = codePoint;
    return end;
  }

  /** Overlapping bigrams of the code points of a run; one token if only one. */
  private void emitBigrams(char[] runText, int runEnd) {
    int first = 0;
    int second = unitEnd(runText, first, runEnd);
    if (second >= runEnd) {
      emitToken(runText, first, runEnd);
      return;
    }
    while (second < runEnd) {
      int third = unitEnd(runText, second, runEnd);
      emitToken(runText, first, third);
      first = second;
      second = third;
    }
  }

  /**
   * The end of the bigram unit starting at {@code at}: a character with the marks after it. A
   * combining voicing mark (U+3099, how a decomposed text writes が) or a variation selector belongs
   * to its character, so the same text in NFC and NFD, or with and without a selector, makes the
   * same bigrams once each token is normalised.
   */
  private static int unitEnd(char[] runText, int at, int runEnd) {
    int i = at + Character.charCount(Character.codePointAt(runText, at, runEnd));
    while (i < runEnd) {
      int codePoint = Character.codePointAt(runText, i, runEnd);
      byte characterClass = CharacterTable.classOfCodePoint(codePoint);
      // The kana voicing marks are classed with their script, as segmented: their combining
      // class says they attach. The halfwidth ones (ｶﾞ) have class 0 but fold to the combining
      // ones, so they attach too.
      if (characterClass != MARK
          && UCharacter.getCombiningClass(codePoint) == 0
          && codePoint != 0xFF9E
          && codePoint != 0xFF9F) {
        break;
      }
      i += Character.charCount(codePoint);
    }
    return i;
  }

  /** Emits {@code runText[start, end)} as a token, with the raw offsets it was read from. */
  private void emitToken(char[] runText, int start, int end) {
    builder.emit(
        runText, start, end, segmenterInput.rawOffset(start), segmenterInput.rawOffset(end));
  }

  /**
   * Drops the run buffers if a large run grew them past {@code retained} characters, and then the
   * BreakIterator's hold on the last run segmented, which may be the large one.
   */
  void release(int retained) {
    if (segmenterInput.release(retained) && wordBreaker != null) {
      wordBreaker.setText(""); // it holds the last run segmented, which may be the large one
    }
  }

  /** Capacity of the buffers now kept, in array elements, for tests. */
  int retainedCapacity() {
    return segmenterInput.retainedCapacity();
  }
}
