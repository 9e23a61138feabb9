package org.polydup;

import java.util.List;
import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.verify.Excerpts;
import org.polydup.verify.SharedPassage;
import org.polydup.verify.ShingleSequence;
import org.polydup.verify.Verification;

/**
 * Where a same-language pair's aligned entities lie against the text the two documents share word
 * for word: whether the alignment rests on a quote ({@link #quotedOnly}), and how much of it lies
 * in reworded text ({@link #rewordedShare}). Verbatim overlap is the shingle stage's to judge;
 * these checks keep it from making a {@code derived} pair, which means reworded.
 */
final class QuotedEvidence {
  /** Where an aligned entity lies (see {@link #quoted}): in reworded text, ... */
  private static final byte REWORDED = 0;

  /** ... inside a verbatim quote, ... */
  private static final byte QUOTED = 1;

  /** ... or inside a verbatim quote of either document's opening. */
  private static final byte QUOTED_OPENING = 2;

  /**
   * Share of its aligned weight a same-language {@code derived} pair must have in reworded text,
   * outside verbatim quotes of at least {@link #PREVIEW_CHARACTERS}; see {@link #rewordedShare}.
   * Swept on the scan's aligned pairs, split by document id parity into halves h0+h1, at 0.10 /
   * 0.15 / 0.20 / 0.25 / 0.30: syndication false positives removed 2+1 / 3+1 / 4+2 / 4+4 / 4+4 of
   * 21 (two digests quoting the same items), none of its 3 true pairs (digest items quoting a
   * story's opening); rewrites false positives removed 0+2 / 5+6 / 7+9 / 10+9 / 12+11 of 279, no
   * true pair lost (of 7,234). 0.2, "four fifths of the evidence is quoted", is the middle; the
   * seeds' newsletter retelling the story inside a page keeps 0.72. (With quotes from 30 weighted
   * characters the same sweep lost true rewrites from 0.15 on: 1 at 0.2, 17 at 0.25.)
   */
  static final double REWORDED_SHARE = 0.2;

  /**
   * Shortest verbatim passage, in weighted characters, that {@link #rewordedShare} counts as a
   * quote: the 150 characters of a short link preview (see {@link Excerpts}). Two versions of one
   * text in Japanese or Chinese share many verbatim phrases of 10 to 30 characters (30 to 90
   * weighted); at 30, the first 20,000 bulk documents lost 25 same-language pairs, most of them two
   * translations of one text into Japanese. On the eval sets, counting passages of at least 30 /
   * 100 / 150 weighted characters removes syndication false positives 5+5 / 5+2 / 4+2 (halves
   * h0+h1), rewrites false positives 14+19 / 11+10 / 7+9 and true pairs 1+0 / 0 / 0.
   */
  private static final int PREVIEW_CHARACTERS = 150;

  /** Share of aligned entities inside verbatim passages above which the overlap is verbatim. */
  private static final double VERBATIM_SHARE = 0.5;

  /**
   * Shared verbatim text shorter than this (weighted characters, CJK counting 3) is common
   * phrasing, not a quote: two translations into Japanese or Chinese share many such scraps around
   * the names they align. Swept through the scan at 0 (every passage) / 30 / 50 / 100: rewrites F1
   * 0.951 / 0.956 / 0.960 / 0.959 (ja 0.931 / 0.969 / 0.978 / 0.978, zh 0.933 / 0.971 / 0.971 /
   * 0.971), syndication false positives 97 / 97 / 102 / 122 (pages sharing furniture and a
   * headline).
   */
  private static final int QUOTE_CHARACTERS = 30;

  /**
   * Verbatim coverage below which, in both documents, shared text is a quote, not a version. Swept
   * at 0.2 / 0.3 / 0.4 through the scan: rewrites F1 0.958 / 0.950 / 0.898, syndication F1 0.795 /
   * 0.832 / 0.835; 0.3 is the middle of that plateau.
   */
  private static final double QUOTED_COVERAGE = 0.3;

  private QuotedEvidence() {}

  /**
   * Whether the alignment rests on a quote: most aligned entities of the first document lie inside
   * text the two share word for word (boilerplate included), and that shared text is a small part
   * of both documents. Two reworded versions of one story (two translations into the same language)
   * also share verbatim stretches, but spread over the whole text; the scraps shorter than {@link
   * #QUOTE_CHARACTERS} do not count as quoted text.
   *
   * @param verbatim the pair's verification with every shingle counted (boilerplate included)
   */
  static boolean quotedOnly(Verification verbatim, String firstText, AlignmentResult alignment) {
    if (alignment.evidence().isEmpty()
        || Math.max(verbatim.coverageA(), verbatim.coverageB()) >= QUOTED_COVERAGE) {
      return false;
    }
    byte[] where = quoted(verbatim.passages(), firstText, alignment, QUOTE_CHARACTERS, -1, -1);
    int inside = 0;
    for (byte w : where) {
      if (w != REWORDED) {
        inside++;
      }
    }
    return (double) inside / where.length > VERBATIM_SHARE;
  }

  /**
   * The share of the aligned weight of a same-language pair that lies in reworded text, outside
   * verbatim quotes. {@code derived} means reworded; what the two share word for word is the
   * shingle stage's to judge, and it has judged it (not a copy, or the pair would be settled). So a
   * quoted headline and teaser two pages both carry, or a canned paragraph two support chats both
   * paste, must not make a {@code derived} pair by the names and words inside it. One kind of
   * verbatim passage still counts as the copy's own: one that opens either document, since a page
   * quoting a story's opening quotes that story (a digest's item), while a quote of a third story
   * sits inside both pages.
   *
   * @param verbatim the pair's verification with every shingle counted
   * @return the share in [0, 1]; 1 without evidence
   */
  static double rewordedShare(
      Verification verbatim, Fingerprint first, Fingerprint second, AlignmentResult alignment) {
    byte[] where =
        quoted(
            verbatim.passages(),
            first.shingles().text(),
            alignment,
            PREVIEW_CHARACTERS,
            openingOf(first.shingles()),
            openingOf(second.shingles()));
    double total = 0;
    double reworded = 0;
    for (int i = 0; i < where.length; i++) {
      double weight = alignment.evidenceWeight(i);
      total += weight;
      if (where[i] != QUOTED) {
        reworded += weight;
      }
    }
    return total == 0 ? 1 : reworded / total;
  }

  /**
   * For each aligned entity, whether it lies in reworded text, inside a verbatim passage of at
   * least {@code minimumCharacters} weighted characters (a quote), or inside such a passage that
   * starts at {@code firstOpening} in the first text or {@code secondOpening} in the second (a
   * quoted opening). Passages come in text order of the first document and do not overlap; so does
   * evidence.
   */
  private static byte[] quoted(
      List<SharedPassage> passages,
      String firstText,
      AlignmentResult alignment,
      int minimumCharacters,
      int firstOpening,
      int secondOpening) {
    byte[] where = new byte[alignment.evidence().size()];
    int k = 0;
    // The passage at k, read once: a packed passage list builds one on each read.
    SharedPassage passage = passages.isEmpty() ? null : passages.get(0);
    // Whether a passage is a quote, measured once for all the entities inside it (a long quote
    // holds dozens, and each measure may read the whole passage).
    int measured = -1;
    boolean quote = false;
    for (int i = 0; i < where.length; i++) {
      int end = alignment.evidenceEnd(i, true);
      while (passage != null && passage.aEnd() < end) {
        k++;
        passage = k < passages.size() ? passages.get(k) : null;
      }
      if (passage != null) {
        if (alignment.evidenceStart(i, true) >= passage.aStart()) {
          if (measured != k) {
            quote =
                Excerpts.weightedLengthExceeds(
                    firstText, passage.aStart(), passage.aEnd(), minimumCharacters - 1);
            measured = k;
          }
          if (quote) {
            where[i] =
                passage.aStart() <= firstOpening || passage.bStart() <= secondOpening
                    ? QUOTED_OPENING
                    : QUOTED;
          }
        }
      }
    }
    return where;
  }

  /** Character offset of the first shingle of a text: where its opening starts. */
  private static int openingOf(ShingleSequence shingles) {
    return shingles.length() == 0 ? -1 : shingles.startAt(0);
  }
}
