package org.polydup.align.structure;

import java.util.Arrays;
import org.polydup.align.CrossLanguageMatcher;

/**
 * The paragraph structure of a text: the weighted length of each paragraph (non-blank line), and
 * how well two such structures align. Immutable.
 *
 * <p>Translators keep a text's paragraphs and their relative lengths: a long paragraph stays long
 * in every language, give or take the language's expansion, which is nearly constant within a text.
 * Gale and Church align sentences on that alone ("A program for aligning sentences in bilingual
 * corpora", Computational Linguistics 19(1), 1993): a dynamic programme over the two length
 * sequences whose steps ("beads") are 1-1, 1-2, 2-1 (a paragraph split or merged), 1-0 and 0-1 (one
 * left out), each costing minus the log of its prior probability plus minus the log of the
 * probability of the length difference under a normal model, {@code delta = (l2 - l1) / sqrt(s2 *
 * (l1 + l2) / 2)}. STRAND (Resnik and Smith, "The Web as a Parallel Corpus", Computational
 * Linguistics 29(3), 2003) finds parallel web pages by the same structure and length correlation.
 *
 * <p>Three choices differ from Gale and Church, each for a reason:
 *
 * <ul>
 *   <li>Lengths are shares of the text's weighted length, rescaled to the mean length of the two
 *       texts, so the expansion between two languages (German longer than English, Chinese much
 *       shorter) is normalised per pair of documents rather than fitted per language pair.
 *   <li>Han, kana and Hangul count 3 (a character there carries about a word, as three letters do
 *       elsewhere), whitespace 0, everything else 1: the scale of the variance then holds roughly
 *       across scripts.
 *   <li>The programme runs in a band of {@value #BAND} paragraphs either side of the proportional
 *       diagonal (the longer text down the rows, so the band moves at most one column a row and
 *       always holds a path), and texts of more than {@value #MAXIMUM_PARAGRAPHS} paragraphs have
 *       no shape: the cost is linear in the paragraphs and bounded per pair.
 * </ul>
 *
 * <p>The result, {@link #distance}, is the alignment cost per paragraph: {@code -log 0.89 = 0.117}
 * for identical proportions. A low cost alone is common among short texts of a few even paragraphs,
 * so the {@link CrossLanguageMatcher} also asks that no other candidate of either document comes as
 * close and that the shared names lie in paragraphs the alignment pairs up (the way back, {@link
 * #align}). The variance is Gale and Church's 6.8 per character; between xling's translations the
 * measured variance of the difference is 2.1-3.6 by paragraph length, so the model is lenient. A
 * merged or split paragraph costs a 2-1 or 1-2 bead, {@value #MERGE_PRIOR} a priori rather than
 * Gale and Church's 0.089 (2.19 nats over a 1-1 instead of 3.00): the cost is spread over the
 * paragraphs, so on texts of under ten paragraphs Gale and Church's price for one merge often lifts
 * a real translation over the matcher's bar. {@link #galeChurchDistance} keeps their price; the
 * matcher uses it for rivals only ({@code ShapeAgreements}).
 */
public final class ParagraphShape {
  /** Texts with more paragraphs than this have no shape (the programme's cost stays bounded). */
  public static final int MAXIMUM_PARAGRAPHS = 2000;

  /** Half-width of the band around the proportional diagonal, in paragraphs. */
  static final int BAND = 12;

  /** Variance of the length difference per weighted character (Gale and Church measured 6.8). */
  static final double VARIANCE = 6.8;

  // Prior costs of the beads: -log of Gale and Church's frequencies (1-1 0.89, 1-2 and 2-1 0.089
  // together, 1-0 and 0-1 0.0099 together), except that 1-2 and 2-1 together have MERGE_PRIOR in
  // distance() and align(); galeChurchDistance() keeps their 0.089.
  static final double COST_ONE_ONE = -Math.log(0.89);

  /** {@link #distance} of two identical shapes: every bead 1-1 at no length cost. */
  static final double IDENTICAL = COST_ONE_ONE;

  /**
   * Prior of a paragraph split or merged (1-2 and 2-1 beads together) in {@link #distance} and
   * {@link #align}: 0.2 where Gale and Church measured 0.089 between sentences, so a merge costs
   * {@code log(0.89 / 0.1) = 2.19} nats over a 1-1 bead instead of 3.00. A paragraph holds several
   * sentences, any of which a translator or a site's house style can move across a break, so web
   * translations merge and split paragraphs more often than Gale and Church's aligned sentences;
   * the rate itself is not measured (xling keeps its segments one to one). Chosen as the largest of
   * 0.15, 0.2, 0.3 and 0.5 that keeps the syndication false positives (96 / 96 / 99 / 102) and,
   * with the matcher's strict rivals, xling's unperturbed result; see {@link
   * CrossLanguageMatcher#SHAPE_DISTANCE} for the measurements.
   */
  static final double MERGE_PRIOR = 0.2;

  private static final double MERGE_OVER_ONE_ONE = -Math.log(MERGE_PRIOR / 2) - COST_ONE_ONE;
  private static final double GALE_CHURCH_MERGE_OVER_ONE_ONE = -Math.log(0.089 / 2) - COST_ONE_ONE;
  static final double COST_DROP = -Math.log(0.0099 / 2);

  // The merge costs each public method's programme runs with (see GaleChurchProgramme); never
  // written to.
  private static final double[] MERGE_COST = {MERGE_OVER_ONE_ONE};
  private static final double[] GALE_CHURCH_MERGE_COST = {GALE_CHURCH_MERGE_OVER_ONE_ONE};
  private static final double[] BOTH_MERGE_COSTS = {
    MERGE_OVER_ONE_ONE, GALE_CHURCH_MERGE_OVER_ONE_ONE
  };

  private static final ParagraphShape NONE = new ParagraphShape(new int[0], new int[0], 0);

  /** Weighted length of each paragraph; read by {@link GaleChurchProgramme} too, never written. */
  final int[] lengths;

  /** Offset in the raw text of each paragraph's first char. */
  private final int[] starts;

  /** Sum of {@link #lengths}; read by {@link GaleChurchProgramme} too. */
  final long total;

  private ParagraphShape(int[] lengths, int[] starts, long total) {
    this.lengths = lengths;
    this.starts = starts;
    this.total = total;
  }

  /**
   * The shape of {@code text}: one weighted length per non-blank line. Never {@code null}; a text
   * with no paragraph, or more than {@value #MAXIMUM_PARAGRAPHS}, has {@link #paragraphs()} 0.
   */
  public static ParagraphShape of(CharSequence text) {
    int[] lengths = new int[16];
    int[] starts = new int[16];
    int count = 0;
    long total = 0;
    int current = 0;
    int start = 0;
    int length = text.length();
    for (int i = 0; i <= length; ) {
      int c = i < length ? Character.codePointAt(text, i) : '\n';
      int next = i + (i < length ? Character.charCount(c) : 1);
      if (c == '\n' || c == '\r' || c == 0x2029) {
        if (current > 0) {
          if (count == MAXIMUM_PARAGRAPHS) {
            return NONE;
          }
          if (count == lengths.length) {
            lengths = Arrays.copyOf(lengths, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
          }
          starts[count] = start;
          lengths[count++] = current;
          total += current;
          current = 0;
        }
        start = next;
      } else {
        current += weight(c);
      }
      i = next;
    }
    return count == 0
        ? NONE
        : new ParagraphShape(Arrays.copyOf(lengths, count), Arrays.copyOf(starts, count), total);
  }

  /**
   * Weight of one code point: 3 for Han, kana and Hangul, 0 for whitespace and controls, else 1.
   * Internal to the align stage, not API: public for {@link
   * org.polydup.align.extract.EntityProfile#weightedLength()}.
   */
  public static int weight(int c) {
    if (c < 0x80) {
      // ASCII without the property tables: controls (0x00-0x1f, 0x7f) and the space weigh 0.
      return c <= 0x20 || c == 0x7f ? 0 : 1;
    }
    if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
      return 0;
    }
    if ((c >= 0x3040 && c <= 0x30ff)
        || (c >= 0x3400 && c <= 0x4dbf)
        || (c >= 0x4e00 && c <= 0x9fff)
        || (c >= 0xac00 && c <= 0xd7af)
        || (c >= 0xf900 && c <= 0xfaff)
        || (c >= 0x20000 && c <= 0x2fa1f)) {
      return 3;
    }
    return 1;
  }

  /** Number of paragraphs, {@code 0} when the text has none or too many. */
  public int paragraphs() {
    return lengths.length;
  }

  /** Weighted length of the whole text (the sum of its paragraphs'). */
  public long weightedLength() {
    return total;
  }

  /**
   * Offset in the text of the {@code i}-th paragraph's first character, {@code 0 <= i <
   * paragraphs()}.
   */
  public int start(int i) {
    return starts[i];
  }

  /** Weighted length of the {@code i}-th paragraph, {@code 0 <= i < paragraphs()}. */
  public int length(int i) {
    return lengths[i];
  }

  /**
   * Gale–Church alignment cost of the two structures per paragraph: about {@code 0.12} for
   * identical shapes (every bead 1-1 at no length cost), growing with every split, merge, dropped
   * paragraph and length mismatch. {@code NaN} when either text has no shape. Symmetric.
   *
   * @param other the other text's shape
   * @return the cost over the mean paragraph count, {@code >= 0}, or {@code NaN}
   */
  public double distance(ParagraphShape other) {
    return distance(other, Double.POSITIVE_INFINITY);
  }

  /**
   * {@link #distance} under Gale and Church's own prior for a split or merge (0.089 rather than
   * {@value #MERGE_PRIOR}): the stricter agreement the matcher asks of a rival candidate before it
   * lets the rival veto a pair. Never below {@link #distance}, and equal to it when the best
   * alignment has no split or merge. Symmetric.
   *
   * @param other the other text's shape
   * @return the cost over the mean paragraph count, {@code >= 0}, or {@code NaN}
   */
  public double galeChurchDistance(ParagraphShape other) {
    GaleChurchProgramme programme =
        GaleChurchProgramme.run(
            this, other, VARIANCE, GALE_CHURCH_MERGE_COST, Double.POSITIVE_INFINITY, false, false);
    return programme == null ? Double.NaN : programme.distance(0);
  }

  /**
   * The alignment of the two structures: its {@link Alignment#distance()} and, for each paragraph
   * of this text, the paragraphs of {@code other} in the same bead.
   */
  public Alignment align(ParagraphShape other) {
    return align(other, VARIANCE, MERGE_OVER_ONE_ONE);
  }

  /** {@link #align(ParagraphShape)} with the given variance per weighted character. */
  Alignment align(ParagraphShape other, double variance) {
    return align(other, variance, MERGE_OVER_ONE_ONE);
  }

  /**
   * {@link #distance} and {@link #galeChurchDistance} of one pair, from one pass over the band: the
   * two programmes differ only in the prior of a split or merge, so every length term (three beads
   * and two drops per cell, each a logarithm of an {@code erfc}) is computed once for both. Equal,
   * bit for bit, to the two methods called apart.
   *
   * @param other the other text's shape
   * @return both distances, each {@code NaN} when either text has no shape
   */
  public Distances distances(ParagraphShape other) {
    return distances(other, Double.POSITIVE_INFINITY);
  }

  /**
   * {@link #distances(ParagraphShape)} for a caller that only needs the distances up to {@code
   * bound}: a distance above it may come back as {@code +infinity} instead (a distance at or below
   * it is exact). Every step of the programme adds a positive cost and every path crosses one of
   * any two consecutive rows, so once both rows cost more than the bound allows, the rest of the
   * band need not be filled.
   *
   * @param other the other text's shape
   * @param bound the largest distance the caller tells apart from "too far"
   * @return both distances, each exact, {@code +infinity} when above {@code bound}, or {@code NaN}
   *     when either text has no shape
   */
  public Distances distances(ParagraphShape other, double bound) {
    GaleChurchProgramme programme =
        GaleChurchProgramme.run(this, other, VARIANCE, BOTH_MERGE_COSTS, bound, false, false);
    return programme == null
        ? new Distances(Double.NaN, Double.NaN)
        : new Distances(programme.distance(0), programme.distance(1));
  }

  /**
   * {@link #distance(ParagraphShape)} up to {@code bound}, like {@link #distances(ParagraphShape,
   * double)}: exact at or below {@code bound}, possibly {@code +infinity} above it. A finite bound
   * prunes the programme as an A* search does (see {@link GaleChurchProgramme}): this runs for
   * every structure candidate of the matcher, most of them far apart.
   *
   * @param other the other text's shape
   * @param bound the largest distance the caller tells apart from "too far"
   * @return the distance, {@code +infinity}, or {@code NaN} when either text has no shape
   */
  public double distance(ParagraphShape other, double bound) {
    // An infinite (or NaN) bound prunes nothing: the whole band, as distance(other).
    boolean finite = bound < Double.POSITIVE_INFINITY;
    GaleChurchProgramme programme =
        GaleChurchProgramme.run(
            this, other, VARIANCE, MERGE_COST, finite ? Math.max(0, bound) : bound, finite, false);
    return programme == null ? Double.NaN : programme.distance(0);
  }

  /**
   * The band cells {@link #distance(ParagraphShape)} fills for this pair, 0 when either text has no
   * shape: the work the band bounds, for tests.
   */
  long distanceCells(ParagraphShape other) {
    GaleChurchProgramme programme =
        GaleChurchProgramme.run(
            this, other, VARIANCE, MERGE_COST, Double.POSITIVE_INFINITY, false, false);
    return programme == null ? 0 : programme.cells;
  }

  /**
   * The two structure distances of a pair of texts.
   *
   * @param distance {@link #distance(ParagraphShape)}
   * @param galeChurch {@link #galeChurchDistance(ParagraphShape)}
   */
  public record Distances(double distance, double galeChurch) {}

  /**
   * {@link #align(ParagraphShape)} with the given variance and cost of a 1-2 or 2-1 bead over a 1-1
   * bead's prior, in nats.
   */
  private Alignment align(ParagraphShape other, double variance, double mergeCost) {
    GaleChurchProgramme programme =
        GaleChurchProgramme.run(
            this, other, variance, new double[] {mergeCost}, Double.POSITIVE_INFINITY, false, true);
    if (programme == null) {
      return new Alignment(Double.NaN, new int[0], new int[0]);
    }
    return programme.alignment();
  }

  /**
   * {@link #distances(ParagraphShape, double)} and, when {@link Distances#distance()} is at most
   * {@code bound}, {@link #align(ParagraphShape)} (else {@code null}), from one programme: the
   * alignment is the first distance's way back, and a table within the bound was filled to its end.
   * A caller that measures many pairs and then aligns the close ones would otherwise run the
   * programme of each close pair twice. Internal to the align stage, not API: public for the
   * matcher's structure rules in {@code org.polydup.align}.
   *
   * @param other the other text's structure
   * @param bound the distance above which no alignment is traced
   * @return both distances, and the alignment when within {@code bound}
   */
  public AlignedDistances alignedDistances(ParagraphShape other, double bound) {
    GaleChurchProgramme programme =
        GaleChurchProgramme.run(this, other, VARIANCE, BOTH_MERGE_COSTS, bound, false, true);
    if (programme == null) {
      return new AlignedDistances(new Distances(Double.NaN, Double.NaN), null);
    }
    Distances distances = new Distances(programme.distance(0), programme.distance(1));
    return new AlignedDistances(
        distances, distances.distance() <= bound ? programme.alignment() : null);
  }

  /**
   * The result of {@link #alignedDistances}. Internal to the align stage, not API.
   *
   * @param distances both distances, as {@link #distances(ParagraphShape, double)} gives them
   * @param alignment {@link #align(ParagraphShape)}, or {@code null} above the bound
   */
  public record AlignedDistances(Distances distances, Alignment alignment) {}

  /**
   * The paragraph holding char {@code offset} of the text: the last paragraph starting at or before
   * it ({@code 0} before the first). Requires {@code paragraphs() > 0}.
   */
  public int paragraphAt(int offset) {
    int found = Arrays.binarySearch(starts, offset);
    return found >= 0 ? found : Math.max(0, -found - 2);
  }

  /**
   * The result of {@link #align(ParagraphShape)}: the cost per paragraph and, for each paragraph
   * {@code i} of the first text, the paragraphs {@code first(i)..last(i)} of the second in the same
   * bead (an empty range, {@code first(i) = last(i) + 1}, for a paragraph left out).
   */
  public static final class Alignment {
    private final double distance;
    private final int[] first;
    private final int[] last;

    Alignment(double distance, int[] first, int[] last) {
      this.distance = distance;
      this.first = first;
      this.last = last;
    }

    /** The cost per paragraph, {@code >= 0}, or {@code NaN} when either text has no shape. */
    public double distance() {
      return distance;
    }

    /**
     * The first paragraph of the second text in the bead of paragraph {@code firstParagraph} of the
     * first text; above {@link #last} when that paragraph was left out (a 1-0 bead).
     */
    public int first(int firstParagraph) {
      return first[firstParagraph];
    }

    /** The last paragraph of the second text in the bead of paragraph {@code firstParagraph}. */
    public int last(int firstParagraph) {
      return last[firstParagraph];
    }

    /** Number of paragraphs of the first text (0 when either text has no shape). */
    public int paragraphs() {
      return first.length;
    }

    /**
     * Whether paragraph {@code second} of the second text lies within {@code slack} paragraphs of
     * the bead of paragraph {@code firstParagraph} of the first text.
     */
    public boolean corresponds(int firstParagraph, int second, int slack) {
      return second >= first[firstParagraph] - slack && second <= last[firstParagraph] + slack;
    }
  }

  @Override
  public String toString() {
    return "ParagraphShape" + Arrays.toString(lengths);
  }
}
