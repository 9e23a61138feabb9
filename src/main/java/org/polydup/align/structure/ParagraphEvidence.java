package org.polydup.align.structure;

import java.util.ArrayList;
import java.util.List;
import org.polydup.ParagraphLink;

/**
 * The paragraphs two texts pair by their structure: the beads of the Gale–Church alignment of their
 * paragraph lengths ({@link ParagraphShape#align}), as offsets into both texts. What a reader
 * checks when a translation was found by its structure alone (a chat, a forum thread, a review:
 * texts that name nothing), which has no aligned entity to show.
 */
public final class ParagraphEvidence {
  /** At most this many pairs are given, from the start: enough to check, as for passages. */
  public static final int MAXIMUM_LINKS = 50;

  private ParagraphEvidence() {}

  /**
   * The paragraph pairs of {@code textA} and {@code textB}, in text order: each paragraph of a with
   * the paragraphs of b in its bead, consecutive paragraphs of a that share one paragraph of b as
   * one stretch (a 2-1 bead), paragraphs left out on either side skipped. Empty when either text
   * has no paragraph (or more than {@link ParagraphShape#MAXIMUM_PARAGRAPHS}).
   */
  public static List<ParagraphLink> of(CharSequence textA, CharSequence textB) {
    ParagraphShape shapeA = ParagraphShape.of(textA);
    ParagraphShape shapeB = ParagraphShape.of(textB);
    if (shapeA.paragraphs() == 0 || shapeB.paragraphs() == 0) {
      return List.of();
    }
    ParagraphShape.Alignment alignment = shapeA.align(shapeB);
    List<ParagraphLink> links = new ArrayList<>();
    int n = alignment.paragraphs();
    int i = 0;
    while (i < n && links.size() < MAXIMUM_LINKS) {
      int first = alignment.first(i);
      int last = alignment.last(i);
      if (first > last) {
        i++; // left out of b
        continue;
      }
      int end = i;
      while (end + 1 < n && alignment.first(end + 1) == first && alignment.last(end + 1) == last) {
        end++;
      }
      links.add(
          new ParagraphLink(
              shapeA.start(i),
              lineEnd(textA, shapeA.start(end)),
              shapeB.start(first),
              lineEnd(textB, shapeB.start(last))));
      i = end + 1;
    }
    return links;
  }

  /** The end of the line starting at {@code start}: where {@link ParagraphShape#of} broke it. */
  private static int lineEnd(CharSequence text, int start) {
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == 0x2029) {
        break;
      }
      i++;
    }
    return i;
  }
}
