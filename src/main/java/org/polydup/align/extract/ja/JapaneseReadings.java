package org.polydup.align.extract.ja;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Japanese readings (Katakana) of a text's words from Lucene's Kuromoji morphological analyser, so
 * that kanji names ({@code 東京}, {@code 岸田}) can be romanised by their Japanese reading rather than
 * ICU Han-Latin's Mandarin one. Not thread-safe: one per thread.
 */
public final class JapaneseReadings {
  private final JapaneseTokenizer tokenizer =
      new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL);
  private final OffsetAttribute offsets = tokenizer.addAttribute(OffsetAttribute.class);
  private final ReadingAttribute readings = tokenizer.addAttribute(ReadingAttribute.class);
  private int[] starts = new int[0];
  private int[] ends = new int[0];
  private String[] words = new String[0];
  private int count;

  /** Creates a worker (loads Kuromoji's dictionary on first use in the JVM). */
  public JapaneseReadings() {}

  /**
   * Analyses {@code text}; afterwards {@link #reading(int, int)} answers for spans of it.
   *
   * @param text any text; never null
   */
  public void analyse(String text) {
    count = 0;
    try {
      tokenizer.setReader(new StringReader(text));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        if (count == starts.length) {
          int size = Math.max(16, count * 2);
          starts = Arrays.copyOf(starts, size);
          ends = Arrays.copyOf(ends, size);
          words = Arrays.copyOf(words, size);
        }
        starts[count] = offsets.startOffset();
        ends[count] = offsets.endOffset();
        words[count] = readings.getReading();
        count++;
      }
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        tokenizer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The Katakana reading of the analysed text between {@code start} and {@code end}: the readings
   * of the analyser's tokens inside that span, joined; {@code null} when a token has no reading or
   * none lies inside.
   */
  public String reading(int start, int end) {
    int low = 0;
    int high = count;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (starts[middle] < start) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = low; i < count && ends[i] <= end; i++) {
      if (words[i] == null) {
        return null;
      }
      out.append(words[i]);
    }
    return out.length() == 0 ? null : out.toString();
  }
}
