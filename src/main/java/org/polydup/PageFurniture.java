package org.polydup;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Which lines of a batch's documents are page furniture: lines that many unrelated pages carry (a
 * masthead, "Continue reading → link", a newsletter's unsubscribe footer, a cookie notice), so that
 * sharing them says nothing about whether two pages tell the same story. Immutable once built.
 *
 * <p>Why lines, and not the scan's boilerplate shingles: furniture is laid out in lines, and much
 * of it is shorter than a shingle ("Continue reading" is two words between a teaser and a link) or
 * carries a part that changes on every page (a date, a link), so none of its shingles is common. A
 * line here is compared with its case folded and each token that holds a digit, a slash or a dot
 * inside a word (dates, counters, links, site names) replaced by one placeholder.
 *
 * <p>Why unrelated pages: a story and its reposts carry the same lines, and a story syndicated to a
 * dozen sites must not turn into furniture. So a line counts once per group of documents the
 * shingle stage already linked (its copies), not once per document.
 */
final class PageFurniture {
  /** No line is furniture. */
  static final PageFurniture NONE = new PageFurniture(new LongOpenHashSet());

  /** FNV-1a 64-bit offset basis and prime: a cheap, well-mixed hash of a line's characters. */
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;

  private static final long FNV_PRIME = 0x100000001b3L;

  /** Hash of the placeholder that stands for a masked token. */
  private static final long PLACEHOLDER = '#';

  private final LongOpenHashSet furnitureLines;

  private PageFurniture(LongOpenHashSet furnitureLines) {
    this.furnitureLines = furnitureLines;
  }

  /**
   * Counts every line of the batch once per group of linked documents and keeps those carried by at
   * least {@code minimumGroups} groups.
   *
   * @param texts the documents' texts, by input position; {@code null} entries are skipped
   * @param groupOf each input position's group (for example a union-find root over the copies the
   *     shingle stage found); documents of one group count a line once
   * @param minimumGroups groups that must carry a line for it to be furniture, at least 2
   * @throws IllegalArgumentException when {@code minimumGroups < 2}
   */
  static PageFurniture of(List<String> texts, IntUnaryOperator groupOf, int minimumGroups) {
    if (minimumGroups < 2) {
      throw new IllegalArgumentException("minimumGroups must be >= 2, got " + minimumGroups);
    }
    Long2IntOpenHashMap groups = new Long2IntOpenHashMap();
    // (line, group) pairs already counted: one group counts a line once.
    LongOpenHashSet counted = new LongOpenHashSet();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (text == null) {
        continue;
      }
      long group = groupOf.applyAsInt(i);
      int start = 0;
      while (start <= text.length()) {
        int end = text.indexOf('\n', start);
        if (end < 0) {
          end = text.length();
        }
        long line = lineHash(text, start, end);
        if (line != 0 && counted.add((line ^ (group * FNV_PRIME)) * 0x9E3779B97F4A7C15L)) {
          groups.addTo(line, 1);
        }
        start = end + 1;
      }
    }
    LongOpenHashSet furniture = new LongOpenHashSet();
    groups
        .long2IntEntrySet()
        .fastForEach(
            e -> {
              if (e.getIntValue() >= minimumGroups) {
                furniture.add(e.getLongKey());
              }
            });
    return new PageFurniture(furniture);
  }

  /** Whether the line holding char {@code offset} of {@code text} is furniture. */
  boolean isFurniture(String text, int offset) {
    if (furnitureLines.isEmpty() || offset < 0 || offset > text.length()) {
      return false;
    }
    int start = text.lastIndexOf('\n', Math.min(offset, text.length()) - 1) + 1;
    int end = text.indexOf('\n', offset);
    return furnitureLines.contains(lineHash(text, start, end < 0 ? text.length() : end));
  }

  /**
   * Hash of the line {@code text[start, end)} with its case folded and masked tokens replaced by
   * the placeholder; runs of whitespace count as one space. 0 for a line without a letter (blank
   * lines and separators are not furniture, they are layout).
   */
  static long lineHash(String text, int start, int end) {
    long hash = FNV_OFFSET;
    boolean letters = false;
    int i = start;
    boolean space = false;
    while (i < end) {
      // One whitespace-separated token at a time.
      while (i < end && Character.isWhitespace(text.charAt(i))) {
        i++;
        space = true;
      }
      if (i >= end) {
        break;
      }
      int tokenEnd = i;
      boolean link = false;
      boolean digit = false;
      boolean letter = false;
      while (tokenEnd < end && !Character.isWhitespace(text.charAt(tokenEnd))) {
        char c = text.charAt(tokenEnd);
        digit |= Character.isDigit(c);
        letter |= Character.isLetter(c);
        if (c == '/'
            || (c == '.'
                && tokenEnd > i
                && tokenEnd + 1 < end
                && Character.isLetter(text.charAt(tokenEnd + 1)))) {
          link = true;
        }
        tokenEnd++;
      }
      if (space && hash != FNV_OFFSET) {
        hash = (hash ^ ' ') * FNV_PRIME;
      }
      space = false;
      if (link || (digit && !letter)) {
        hash = (hash ^ PLACEHOLDER) * FNV_PRIME;
      } else {
        boolean inNumber = false;
        for (int k = i; k < tokenEnd; k++) {
          char c = text.charAt(k);
          if (Character.isDigit(c)) {
            if (!inNumber) {
              hash = (hash ^ PLACEHOLDER) * FNV_PRIME;
            }
            inNumber = true;
            continue;
          }
          inNumber = false;
          letters |= Character.isLetter(c);
          hash = (hash ^ Character.toLowerCase(c)) * FNV_PRIME;
        }
      }
      i = tokenEnd;
    }
    return letters && hash != 0 ? hash : 0;
  }
}
