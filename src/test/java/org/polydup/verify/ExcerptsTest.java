package org.polydup.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ExcerptsTest {
  /** The branchy definitions the arithmetic in {@link Excerpts} replaces. */
  private static int referenceWeightedLength(String text, int start, int end) {
    int n = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      boolean dense =
          (c >= 0x2E80 && c <= 0x9FFF)
              || (c >= 0xAC00 && c <= 0xD7AF)
              || (c >= 0xF900 && c <= 0xFAFF)
              || (c >= 0xFF66 && c <= 0xFF9F);
      n += dense ? 3 : 1;
    }
    return n;
  }

  private static int referenceLineCount(String text, int start, int end) {
    int lines = 1;
    boolean inBreak = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      boolean isBreak = c == '\n' || c == '\r';
      if (isBreak && !inBreak) {
        lines++;
      }
      inBreak = isBreak;
    }
    return inBreak ? lines - 1 : lines;
  }

  @Test
  void weightedLengthExceeds_answersAsTheWeightedLengthDoes_onMixedScripts() {
    long seed = 20_261_124L;
    Random random = new Random(seed);
    String alphabet = "ab .\n上海東京하나バス";
    for (int trial = 0; trial < 2_000; trial++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      int start = random.nextInt(length + 1);
      int end = start + random.nextInt(length - start + 1);
      if (random.nextInt(10) == 0) {
        end = start - random.nextInt(3); // empty or reversed: length 0
      }
      int limit = random.nextInt(100) - 5;
      assertEquals(
          Excerpts.weightedLength(text, start, end) > limit,
          Excerpts.weightedLengthExceeds(text, start, end, limit),
          "seed " + seed + " trial " + trial);
    }
  }

  @Test
  void weightedLength_countsThree_exactlyInsideTheDenseRanges() {
    int[][] ranges = {{0x2E80, 0x9FFF}, {0xAC00, 0xD7AF}, {0xF900, 0xFAFF}, {0xFF66, 0xFF9F}};
    for (int[] range : ranges) {
      assertEquals(1, Excerpts.weightedLength(String.valueOf((char) (range[0] - 1)), 0, 1));
      assertEquals(3, Excerpts.weightedLength(String.valueOf((char) range[0]), 0, 1));
      assertEquals(3, Excerpts.weightedLength(String.valueOf((char) range[1]), 0, 1));
      assertEquals(1, Excerpts.weightedLength(String.valueOf((char) (range[1] + 1)), 0, 1));
    }
    assertEquals(1, Excerpts.weightedLength("\u0000", 0, 1));
    assertEquals(1, Excerpts.weightedLength("\uFFFF", 0, 1));
    assertEquals(2 + 3 * 2, Excerpts.weightedLength("a東京b", 0, 4));
  }

  @Test
  void lineCount_countsARunOfBreaksOnce_andNotATrailingOne() {
    assertEquals(1, Excerpts.lineCount("one line", 0, 8));
    assertEquals(2, Excerpts.lineCount("one\r\n\r\ntwo", 0, 10));
    assertEquals(1, Excerpts.lineCount("one\n", 0, 4));
    assertEquals(4, Excerpts.lineCount("\none\rtwo\nthree", 0, 14)); // a leading break counts
    assertEquals(1, Excerpts.lineCount("", 0, 0));
  }

  @Test
  void linesBefore_countsNonBlankLines_uptoTheLimit() {
    String text = "Headline\n\n  \nBy Staff, 12 March\r\n1. The lead";
    assertEquals(0, Excerpts.linesBefore(text, 0, 3));
    assertEquals(1, Excerpts.linesBefore(text, 9, 3), "blank and whitespace lines do not count");
    assertEquals(2, Excerpts.linesBefore(text, text.indexOf("1."), 3));
    assertEquals(
        3, Excerpts.linesBefore(text, text.indexOf("The lead"), 3), "the line it starts in");
    assertEquals(2, Excerpts.linesBefore(text, text.length(), 2), "stops at the limit");
  }

  @Test
  void weightedLengthAndLineCount_answerAsForAnEmptyRange_whenEndIsBeforeStart() {
    // The align stage asks about ranges that can end before they start.
    assertEquals(0, Excerpts.weightedLength("東京 and more", 6, 2));
    assertEquals(1, Excerpts.lineCount("one\ntwo\nthree", 8, 1));
  }

  @Test
  void weightedLengthAndLineCount_matchTheirDefinitions_onRandomText() {
    char[] alphabet = {'a', ' ', '\n', '\r', '.', 'я', '東', 'か', '한', 'ｶ', '\u2E7F', '\uA000'};
    Random random = new Random(20261123L);
    for (int trial = 0; trial < 500; trial++) {
      long seed = random.nextLong();
      Random r = new Random(seed);
      char[] chars = new char[r.nextInt(200)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = r.nextInt(4) == 0 ? (char) r.nextInt(0x10000) : alphabet[r.nextInt(12)];
      }
      String text = new String(chars);
      int start = text.isEmpty() ? 0 : r.nextInt(text.length());
      int end = r.nextInt(text.length() + 1); // before start too
      assertEquals(
          referenceWeightedLength(text, start, end),
          Excerpts.weightedLength(text, start, end),
          "seed " + seed);
      assertEquals(
          referenceLineCount(text, start, end),
          Excerpts.lineCount(text, start, end),
          "seed " + seed);
    }
  }
}
