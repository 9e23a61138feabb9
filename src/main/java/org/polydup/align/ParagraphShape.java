package org.polydup.align;

import java.util.Arrays;

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
 * matcher uses it for rivals only ({@link ShapeAgreements}).
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
  private static final double COST_ONE_ONE = -Math.log(0.89);

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
  private static final double COST_DROP = -Math.log(0.0099 / 2);

  // The merge costs each public method's programme runs with (see programme); never written to.
  private static final double[] MERGE_COST = {MERGE_OVER_ONE_ONE};
  private static final double[] GALE_CHURCH_MERGE_COST = {GALE_CHURCH_MERGE_OVER_ONE_ONE};
  private static final double[] BOTH_MERGE_COSTS = {
    MERGE_OVER_ONE_ONE, GALE_CHURCH_MERGE_OVER_ONE_ONE
  };

  private static final ParagraphShape NONE = new ParagraphShape(new int[0], new int[0], 0);

  // Moves of the programme, kept for the way back (see Alignment).
  private static final byte ONE_ONE = 1;
  private static final byte ONE_TWO = 2;
  private static final byte TWO_ONE = 3;
  private static final byte ONE_ZERO = 4;
  private static final byte ZERO_ONE = 5;

  private final int[] lengths;

  /** Offset in the raw text of each paragraph's first char. */
  private final int[] starts;

  private final long total;

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
   */
  static int weight(int c) {
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
    Programme programme =
        programme(other, VARIANCE, GALE_CHURCH_MERGE_COST, Double.POSITIVE_INFINITY, false, false);
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
    Programme programme = programme(other, VARIANCE, BOTH_MERGE_COSTS, bound, false, false);
    return programme == null
        ? new Distances(Double.NaN, Double.NaN)
        : new Distances(programme.distance(0), programme.distance(1));
  }

  /**
   * {@link #distance(ParagraphShape)} up to {@code bound}, like {@link #distances(ParagraphShape,
   * double)}: exact at or below {@code bound}, possibly {@code +infinity} above it. A finite bound
   * prunes the programme as an A* search does (see {@code programme}): this runs for every
   * structure candidate of the matcher, most of them far apart.
   *
   * @param other the other text's shape
   * @param bound the largest distance the caller tells apart from "too far"
   * @return the distance, {@code +infinity}, or {@code NaN} when either text has no shape
   */
  public double distance(ParagraphShape other, double bound) {
    // An infinite (or NaN) bound prunes nothing: the whole band, as distance(other).
    boolean finite = bound < Double.POSITIVE_INFINITY;
    Programme programme =
        programme(other, VARIANCE, MERGE_COST, finite ? Math.max(0, bound) : bound, finite, false);
    return programme == null ? Double.NaN : programme.distance(0);
  }

  /**
   * The band cells {@link #distance(ParagraphShape)} fills for this pair, 0 when either text has no
   * shape: the work the band bounds, for tests.
   */
  long distanceCells(ParagraphShape other) {
    Programme programme =
        programme(other, VARIANCE, MERGE_COST, Double.POSITIVE_INFINITY, false, false);
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
    Programme programme =
        programme(other, variance, new double[] {mergeCost}, Double.POSITIVE_INFINITY, false, true);
    if (programme == null) {
      return new Alignment(Double.NaN, new int[0], new int[0]);
    }
    return alignment(programme);
  }

  /**
   * {@link #distances(ParagraphShape, double)} and, when {@link Distances#distance()} is at most
   * {@code bound}, {@link #align(ParagraphShape)} (else {@code null}), from one programme: the
   * alignment is the first distance's way back, and a table within the bound was filled to its end.
   * A caller that measures many pairs and then aligns the close ones would otherwise run the
   * programme of each close pair twice.
   */
  AlignedDistances alignedDistances(ParagraphShape other, double bound) {
    Programme programme = programme(other, VARIANCE, BOTH_MERGE_COSTS, bound, false, true);
    if (programme == null) {
      return new AlignedDistances(new Distances(Double.NaN, Double.NaN), null);
    }
    Distances distances = new Distances(programme.distance(0), programme.distance(1));
    return new AlignedDistances(
        distances, distances.distance() <= bound ? alignment(programme) : null);
  }

  /**
   * The result of {@link #alignedDistances}.
   *
   * @param distances both distances, as {@link #distances(ParagraphShape, double)} gives them
   * @param alignment {@link #align(ParagraphShape)}, or {@code null} above the bound
   */
  record AlignedDistances(Distances distances, Alignment alignment) {}

  /** The way back through the first table of a programme run with its moves. */
  private static Alignment alignment(Programme programme) {
    int n = programme.n;
    int m = programme.m;
    byte[][] moves = programme.moves;
    // The way back: for each row paragraph, the first and last column paragraph of its bead (an
    // empty range, first > last, for a paragraph left out).
    int[] first = new int[n];
    int[] last = new int[n];
    int i = n;
    int j = m;
    while (i > 0 || j > 0) {
      byte move = moves[i][j - centre(i, n, m) + BAND];
      switch (move) {
        case ONE_ONE -> {
          first[i - 1] = j - 1;
          last[i - 1] = j - 1;
          i--;
          j--;
        }
        case ONE_TWO -> {
          first[i - 1] = j - 2;
          last[i - 1] = j - 1;
          i--;
          j -= 2;
        }
        case TWO_ONE -> {
          first[i - 1] = j - 1;
          last[i - 1] = j - 1;
          first[i - 2] = j - 1;
          last[i - 2] = j - 1;
          i -= 2;
          j--;
        }
        case ONE_ZERO -> {
          first[i - 1] = j;
          last[i - 1] = j - 1;
          i--;
        }
        default -> j--;
      }
    }
    double distance = programme.distance(0);
    return programme.thisDown
        ? new Alignment(distance, first, last)
        : new Alignment(distance, invert(first, last, m, true), invert(first, last, m, false));
  }

  /**
   * The outcome of one programme: per merge cost asked for, the cost of the whole path (or whether
   * it is known to exceed the bound), and the first one's moves when asked for.
   */
  private static final class Programme {
    /** Whether this text runs down the rows (it has at least as many paragraphs). */
    final boolean thisDown;

    final int n;
    final int m;

    /** Per merge cost: the cost of the best path to the last cell. */
    final double[] totals;

    /** The first table's moves, by row and band cell, or {@code null}. */
    final byte[][] moves;

    /** Per merge cost: whether its distance is known to exceed the bound (its table unfinished). */
    final boolean[] exceeded;

    /** Band cells filled, over all tables: the programme's work, for tests of its bound. */
    final long cells;

    Programme(
        boolean thisDown,
        int n,
        int m,
        double[] totals,
        byte[][] moves,
        boolean[] exceeded,
        long cells) {
      this.thisDown = thisDown;
      this.n = n;
      this.m = m;
      this.totals = totals;
      this.moves = moves;
      this.exceeded = exceeded;
      this.cells = cells;
    }

    /**
     * The whole path's cost per paragraph under the {@code variant}-th merge cost, or {@code
     * +infinity} when it exceeds the bound.
     */
    double distance(int variant) {
      return exceeded[variant] ? Double.POSITIVE_INFINITY : totals[variant] / ((n + m) / 2.0);
    }
  }

  /**
   * Runs the programme once for each of {@code mergeCosts} (the cost of a 1-2 or 2-1 bead over a
   * 1-1 bead's prior, in nats), sharing the length terms, with the moves of the first when {@code
   * withMoves}; {@code null} when either text has no shape. Only the three band rows a step reaches
   * back to are kept (the way back needs the moves alone).
   *
   * <p>Every cell takes the cheapest of its five steps, priced in the same order with the same sums
   * whatever the bound, so a distance the bound keeps is equal bit for bit to the unbounded one. A
   * step from an infinite cell, or whose least possible cost (its priors and a length term a hair
   * under zero: the erfc approximation's relative error is under 1.2e-7, so a term is never below
   * -1.2e-7) cannot beat the cell's best so far, could not win: its length term, a logarithm of an
   * {@code erfc}, is never computed. The tables of several merge costs are filled one after the
   * other row by row and share each cell's length terms; a table known to exceed the bound is not
   * filled further.
   *
   * <p>A finite {@code bound} stops a table early, by one of two rules:
   *
   * <ul>
   *   <li>By rows ({@code restBound} false; {@link #distances(ParagraphShape, double)}): every path
   *       crosses row {@code i - 1} or row {@code i} and only adds positive costs after it, so once
   *       the cheaper of the two rows' cheapest cells is over the bound, the distance is.
   *   <li>By the rest ({@code restBound} true, {@code bound >= 0}; {@link #distance(ParagraphShape,
   *       double)}), as an A* search: a cell whose cost so far plus the least the rest of any path
   *       can cost exceeds the budget ({@code bound} times the mean paragraph count, with room for
   *       rounding) is left infinite, and the table ends with two rows in a row without a finite
   *       cell. The rest of a path that still has {@code r} row and {@code c} column paragraphs to
   *       cover costs at least {@code 0.117 min(r, c)} (a bead per paragraph of the shorter rest)
   *       plus, for each of the {@code |r - c|} paragraphs one side has in excess, the cheaper of a
   *       merge's and a drop's prior: each 2-1 or 1-0 bead takes one more row than columns. Its
   *       length terms add at least {@code D^2 / (s2 * L)}, where {@code D} is the difference
   *       between what is left of the two texts and {@code L} their sum: a bead's term, {@code
   *       -log(2 (1 - Phi(delta)))}, is at least {@code delta^2 / 2 = (l1 - l2)^2 / (s2 (l1 + l2))}
   *       (the Chernoff bound on the normal tail), and the beads' differences add up to {@code D}
   *       and their sums to {@code L}, so by the Cauchy-Schwarz inequality their terms add up to at
   *       least that. Between unrelated texts the budget runs out after a few rows, and between
   *       close ones the cells far off the diagonal, which need several merges to reach and as many
   *       to leave, are never priced.
   * </ul>
   *
   * <p>Both rules leave a distance within the bound exact; above it they differ. By rows it comes
   * back {@code +infinity} or exact; by the rest {@code +infinity} or, within the budget's rounding
   * room, the cheapest path the pruning left. Each rule stays with the callers it had, so that
   * their results above the bound stay what they were too.
   */
  private Programme programme(
      ParagraphShape other,
      double variance,
      double[] mergeCosts,
      double bound,
      boolean restBound,
      boolean withMoves) {
    // The longer structure runs down the rows, so the band's centre moves at most one column per
    // row and a path along it always exists; the beads are symmetric, so the order is free.
    boolean thisDown = lengths.length >= other.lengths.length;
    ParagraphShape longer = thisDown ? this : other;
    ParagraphShape shorter = thisDown ? other : this;
    int n = longer.lengths.length;
    int m = shorter.lengths.length;
    if (m == 0) {
      return null;
    }
    // Both texts rescaled to their mean weighted length: each paragraph keeps its share. A scaled
    // length (always the same product) and a drop's cost are computed where needed, not in arrays
    // up front: most bounded programmes end after a few rows, and that set-up was a large part of
    // each call.
    double scale = (total + other.total) / 2.0;
    int[] rowLengths = longer.lengths;
    int[] columnLengths = shorter.lengths;
    double rowFactor = scale / longer.total;
    double columnFactor = scale / shorter.total;
    double pathParagraphs = (n + m) / 2.0;
    int variants = mergeCosts.length;
    // Least costs of beads, a hair under their priors (see above).
    double leastOneOne = COST_ONE_ONE - 1e-6;
    double leastDrop = COST_DROP - 1e-6;
    // The rest bound's budget, with room for rounding (the pruning must never drop a path within
    // the bound), and what is left of each text after its first i paragraphs, for the rest's
    // length terms.
    double budget = 0;
    double[] restA = null;
    double[] restB = null;
    if (restBound) {
      budget = bound * pathParagraphs * (1 + 1e-9) + 1e-9;
      restA = new double[n + 1];
      for (int i = n - 1; i >= 0; i--) {
        restA[i] = restA[i + 1] + rowLengths[i] * rowFactor;
      }
      restB = new double[m + 1];
      for (int j = m - 1; j >= 0; j--) {
        restB[j] = restB[j + 1] + columnLengths[j] * columnFactor;
      }
    }
    int width = 2 * BAND + 1;
    // Rows i, i - 1 and i - 2 of the band, at i % 3, (i + 2) % 3 and (i + 1) % 3; in each, the
    // tables side by side, the variant-th from variant * width.
    double[][] rows = new double[3][variants * width];
    int[] centres = new int[3];
    byte[][] moves = withMoves ? new byte[n + 1][width] : null;
    boolean[] exceeded = new boolean[variants];
    // Each table's cheapest cell in the row before.
    double[] previousRowMinimum = new double[variants];
    // Several tables share a row's length terms, by cell. Without the rest bound, a column
    // paragraph's drop is kept too: far off the diagonal, the 25 cells of a column may each price
    // it. (With one table, or the rest bound's few cells, keeping them costs more than it saves.)
    // A term not computed yet is 0: every bead and drop costs more than 0.1.
    double[] oneOneTerms = variants > 1 ? new double[width] : null;
    double[] oneTwoTerms = variants > 1 ? new double[width] : null;
    double[] twoOneTerms = variants > 1 ? new double[width] : null;
    double[] columnDrops = restBound ? null : new double[m];
    long cells = 0;
    for (int i = 0; i <= n; i++) {
      int centre = centre(i, n, m);
      double[] row = rows[i % 3];
      Arrays.fill(row, Double.POSITIVE_INFINITY);
      centres[i % 3] = centre;
      double[] up = rows[(i + 2) % 3];
      int upCentre = centres[(i + 2) % 3];
      double[] upTwo = rows[(i + 1) % 3];
      int upTwoCentre = centres[(i + 1) % 3];
      if (variants > 1) {
        Arrays.fill(oneOneTerms, 0);
        Arrays.fill(oneTwoTerms, 0);
        Arrays.fill(twoOneTerms, 0);
      }
      double a1 = i >= 1 ? rowLengths[i - 1] * rowFactor : 0;
      double dropA = 0;
      int firstColumn = Math.max(0, centre - BAND);
      int lastColumn = Math.min(m, centre + BAND);
      boolean all = true;
      for (int variant = 0; variant < variants; variant++) {
        if (exceeded[variant]) {
          // Its distance is known; the other tables go on.
          continue;
        }
        cells += lastColumn - firstColumn + 1;
        int offset = variant * width;
        double mergeCost = mergeCosts[variant];
        // The least cost of a paragraph one side has in excess, for the rest bound.
        double leastExcess = Math.min(mergeCost, leastDrop);
        byte[] rowMoves = variant == 0 && moves != null ? moves[i] : null;
        double rowMinimum = Double.POSITIVE_INFINITY;
        for (int j = firstColumn; j <= lastColumn; j++) {
          int k = j - centre + BAND;
          double best = Double.POSITIVE_INFINITY;
          byte move = 0;
          if (i == 0 && j == 0) {
            best = 0;
          } else {
            double b1 = j >= 1 ? columnLengths[j - 1] * columnFactor : 0;
            if (i >= 1 && j >= 1) {
              double from = band(up, upCentre, j - 1, offset);
              if (from < Double.POSITIVE_INFINITY) {
                double c = from + bead(oneOneTerms, k, a1, b1, variance);
                if (c < best) {
                  best = c;
                  move = ONE_ONE;
                }
              }
            }
            if (i >= 1 && j >= 2) {
              double from = band(up, upCentre, j - 2, offset);
              if (from < Double.POSITIVE_INFINITY && from + mergeCost + leastOneOne < best) {
                double c =
                    from
                        + mergeCost
                        + bead(
                            oneTwoTerms, k, a1, b1 + columnLengths[j - 2] * columnFactor, variance);
                if (c < best) {
                  best = c;
                  move = ONE_TWO;
                }
              }
            }
            if (i >= 2 && j >= 1) {
              double from = band(upTwo, upTwoCentre, j - 1, offset);
              if (from < Double.POSITIVE_INFINITY && from + mergeCost + leastOneOne < best) {
                double c =
                    from
                        + mergeCost
                        + bead(twoOneTerms, k, a1 + rowLengths[i - 2] * rowFactor, b1, variance);
                if (c < best) {
                  best = c;
                  move = TWO_ONE;
                }
              }
            }
            if (i >= 1) {
              double from = band(up, upCentre, j, offset);
              if (from < Double.POSITIVE_INFINITY && from + leastDrop < best) {
                if (dropA == 0) {
                  dropA = drop(a1, variance);
                }
                double c = from + dropA;
                if (c < best) {
                  best = c;
                  move = ONE_ZERO;
                }
              }
            }
            if (j >= 1) {
              double from = band(row, centre, j - 1, offset);
              if (from < Double.POSITIVE_INFINITY && from + leastDrop < best) {
                double term = columnDrops != null ? columnDrops[j - 1] : 0;
                if (term == 0) {
                  term = drop(b1, variance);
                  if (columnDrops != null) {
                    columnDrops[j - 1] = term;
                  }
                }
                double c = from + term;
                if (c < best) {
                  best = c;
                  move = ZERO_ONE;
                }
              }
            }
            if (restBound) {
              int restRows = n - i;
              int restColumns = m - j;
              double restLengths = restA[i] + restB[j];
              double restDifference = restA[i] - restB[j];
              double rest =
                  leastOneOne * Math.min(restRows, restColumns)
                      + leastExcess * Math.abs(restRows - restColumns)
                      + (restLengths > 0
                          ? restDifference * restDifference / (variance * restLengths)
                              - 1e-6 * (restRows + restColumns)
                          : 0);
              if (!(best + rest <= budget)) {
                best = Double.POSITIVE_INFINITY;
              }
            }
          }
          row[offset + k] = best;
          if (best < rowMinimum) {
            rowMinimum = best;
          }
          if (rowMoves != null) {
            rowMoves[k] = move;
          }
        }
        double reach = Math.min(previousRowMinimum[variant], rowMinimum);
        if (i >= 1
            && (restBound ? reach == Double.POSITIVE_INFINITY : reach / pathParagraphs > bound)) {
          exceeded[variant] = true;
        }
        previousRowMinimum[variant] = rowMinimum;
        all &= exceeded[variant];
      }
      if (all) {
        break;
      }
    }
    double[] totals = new double[variants];
    for (int variant = 0; variant < variants; variant++) {
      totals[variant] = band(rows[n % 3], centres[n % 3], m, variant * width);
    }
    return new Programme(thisDown, n, m, totals, moves, exceeded, cells);
  }

  /**
   * A bead's length term, {@link #bead(double, double, double)}, kept in {@code terms} at band cell
   * {@code k} for the programme's other tables; {@code terms} is {@code null} when only one table
   * is filled. A slot holding 0 is not computed yet: every bead costs more than 0.1.
   */
  private static double bead(double[] terms, int k, double a, double b, double variance) {
    if (terms == null) {
      return bead(a, b, variance);
    }
    double term = terms[k];
    if (term == 0) {
      term = bead(a, b, variance);
      terms[k] = term;
    }
    return term;
  }

  /**
   * For each column paragraph, the first ({@code wantFirst}) or the last row paragraph whose bead
   * holds it.
   */
  private static int[] invert(int[] first, int[] last, int columns, boolean wantFirst) {
    int[] inverse = new int[columns];
    Arrays.fill(inverse, wantFirst ? Integer.MAX_VALUE : Integer.MIN_VALUE);
    for (int row = 0; row < first.length; row++) {
      for (int column = first[row]; column <= last[row]; column++) {
        inverse[column] =
            wantFirst ? Math.min(inverse[column], row) : Math.max(inverse[column], row);
      }
    }
    fillDropped(inverse, first, last, wantFirst);
    return inverse;
  }

  /**
   * A column paragraph left out of every bead gets an empty range at its place: first is the next
   * row paragraph after it, last the one before it.
   */
  private static void fillDropped(int[] inverse, int[] first, int[] last, boolean isFirst) {
    for (int column = 0; column < inverse.length; column++) {
      if (inverse[column] != Integer.MAX_VALUE && inverse[column] != Integer.MIN_VALUE) {
        continue;
      }
      // Rows whose beads end before this column come before it.
      int before = 0;
      for (int row = 0; row < first.length; row++) {
        if (last[row] < column && first[row] <= last[row]) {
          before = row + 1;
        }
      }
      inverse[column] = isFirst ? before : before - 1;
    }
  }

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

    private Alignment(double distance, int[] first, int[] last) {
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

  /** A 1-1 bead's cost (other beads add their prior's difference): prior plus length term. */
  private static double bead(double first, double second, double variance) {
    double mean = (first + second) / 2;
    double delta = Math.abs(second - first) / Math.sqrt(variance * mean);
    return COST_ONE_ONE - logTwoSidedTail(delta);
  }

  /** A 1-0 or 0-1 bead: its prior plus the length term against an empty paragraph. */
  private static double drop(double length, double variance) {
    return COST_DROP - logTwoSidedTail(length / Math.sqrt(variance * length / 2));
  }

  /** {@code log(2 * (1 - Phi(delta)))} for {@code delta >= 0}, finite for large deltas. */
  static double logTwoSidedTail(double delta) {
    if (delta < 5) {
      return Math.log(Math.max(1e-300, erfc(delta / Math.sqrt(2))));
    }
    // Asymptotic tail: 2 * phi(d) / d.
    return Math.log(2 / Math.sqrt(2 * Math.PI)) - delta * delta / 2 - Math.log(delta);
  }

  /**
   * Complementary error function (Numerical Recipes' Chebyshev fit, relative error {@literal <}
   * 1.2e-7).
   */
  private static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double r =
        t
            * Math.exp(
                -z * z
                    - 1.26551223
                    + t
                        * (1.00002368
                            + t
                                * (0.37409196
                                    + t
                                        * (0.09678418
                                            + t
                                                * (-0.18628806
                                                    + t
                                                        * (0.27886807
                                                            + t
                                                                * (-1.13520398
                                                                    + t
                                                                        * (1.48851587
                                                                            + t
                                                                                * (-0.82215223
                                                                                    + t
                                                                                        * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
  }

  /** Column of the band's centre in row {@code i}: the diagonal, {@code i * m / n}. */
  private static int centre(int i, int n, int m) {
    return (int) ((long) i * m / n);
  }

  /**
   * The cell of column {@code j} in a band row centred on {@code centre}, in the table whose cells
   * start at {@code offset}, or infinity outside the band.
   */
  private static double band(double[] row, int centre, int j, int offset) {
    int k = j - centre + BAND;
    return k < 0 || k > 2 * BAND ? Double.POSITIVE_INFINITY : row[offset + k];
  }

  @Override
  public String toString() {
    return "ParagraphShape" + Arrays.toString(lengths);
  }
}
