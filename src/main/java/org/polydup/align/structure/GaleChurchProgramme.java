package org.polydup.align.structure;

import static org.polydup.align.structure.ParagraphShape.BAND;
import static org.polydup.align.structure.ParagraphShape.COST_DROP;
import static org.polydup.align.structure.ParagraphShape.COST_ONE_ONE;

import java.util.Arrays;

/**
 * Gale and Church's dynamic programme over the paragraph lengths of two {@link ParagraphShape}s
 * ({@link #run}), and its outcome: per merge cost asked for, the cost of the whole path (or whether
 * it is known to exceed the bound), and the first one's moves when asked for, from which {@link
 * #alignment} takes the way back.
 *
 * <p>Every cell takes the cheapest of its five steps, priced in the same order with the same sums
 * whatever the bound, so a distance the bound keeps is equal bit for bit to the unbounded one. A
 * step from an infinite cell, or whose least possible cost (its priors and a length term a hair
 * under zero: the erfc approximation's relative error is under 1.2e-7, so a term is never below
 * -1.2e-7) cannot beat the cell's best so far, could not win: its length term, a logarithm of an
 * {@code erfc}, is never computed. The tables of several merge costs are filled one after the other
 * row by row and share each cell's length terms; a table known to exceed the bound is not filled
 * further.
 *
 * <p>A finite {@code bound} stops a table early, by one of two rules:
 *
 * <ul>
 *   <li>By rows ({@code restBound} false; {@link ParagraphShape#distances(ParagraphShape,
 *       double)}): every path crosses row {@code i - 1} or row {@code i} and only adds positive
 *       costs after it, so once the cheaper of the two rows' cheapest cells is over the bound, the
 *       distance is.
 *   <li>By the rest ({@code restBound} true, {@code bound >= 0}; {@link
 *       ParagraphShape#distance(ParagraphShape, double)}), as an A* search: a cell whose cost so
 *       far plus the least the rest of any path can cost exceeds the budget ({@code bound} times
 *       the mean paragraph count, with room for rounding) is left infinite, and the table ends with
 *       two rows in a row without a finite cell. The rest of a path that still has {@code r} row
 *       and {@code c} column paragraphs to cover costs at least {@code 0.117 min(r, c)} (a bead per
 *       paragraph of the shorter rest) plus, for each of the {@code |r - c|} paragraphs one side
 *       has in excess, the cheaper of a merge's and a drop's prior: each 2-1 or 1-0 bead takes one
 *       more row than columns. Its length terms add at least {@code D^2 / (s2 * L)}, where {@code
 *       D} is the difference between what is left of the two texts and {@code L} their sum: a
 *       bead's term, {@code -log(2 (1 - Phi(delta)))}, is at least {@code delta^2 / 2 = (l1 - l2)^2
 *       / (s2 (l1 + l2))} (the Chernoff bound on the normal tail), and the beads' differences add
 *       up to {@code D} and their sums to {@code L}, so by the Cauchy-Schwarz inequality their
 *       terms add up to at least that. Between unrelated texts the budget runs out after a few
 *       rows, and between close ones the cells far off the diagonal, which need several merges to
 *       reach and as many to leave, are never priced.
 * </ul>
 *
 * <p>Both rules leave a distance within the bound exact; above it they differ. By rows it comes
 * back {@code +infinity} or exact; by the rest {@code +infinity} or, within the budget's rounding
 * room, the cheapest path the pruning left. Each rule stays with the callers it had, so that their
 * results above the bound stay what they were too.
 */
final class GaleChurchProgramme {
  // Moves of the programme, kept for the way back (see alignment()).
  private static final byte ONE_ONE = 1;
  private static final byte ONE_TWO = 2;
  private static final byte TWO_ONE = 3;
  private static final byte ONE_ZERO = 4;
  private static final byte ZERO_ONE = 5;

  /**
   * Whether {@code shape}, the text it ran for, runs down the rows (it has at least as many
   * paragraphs).
   */
  private final boolean thisDown;

  private final int n;
  private final int m;

  /** Per merge cost: the cost of the best path to the last cell. */
  private final double[] totals;

  /** The first table's moves, by row and band cell, or {@code null}. */
  private final byte[][] moves;

  /** Per merge cost: whether its distance is known to exceed the bound (its table unfinished). */
  private final boolean[] exceeded;

  /** Band cells filled, over all tables: the programme's work, for tests of its bound. */
  final long cells;

  private GaleChurchProgramme(
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

  /**
   * Runs the programme once for each of {@code mergeCosts} (the cost of a 1-2 or 2-1 bead over a
   * 1-1 bead's prior, in nats), sharing the length terms, with the moves of the first when {@code
   * withMoves}; {@code null} when either text has no shape. Only the three band rows a step reaches
   * back to are kept (the way back needs the moves alone).
   */
  static GaleChurchProgramme run(
      ParagraphShape shape,
      ParagraphShape other,
      double variance,
      double[] mergeCosts,
      double bound,
      boolean restBound,
      boolean withMoves) {
    // The longer structure runs down the rows, so the band's centre moves at most one column per
    // row and a path along it always exists; the beads are symmetric, so the order is free.
    boolean thisDown = shape.lengths.length >= other.lengths.length;
    ParagraphShape longer = thisDown ? shape : other;
    ParagraphShape shorter = thisDown ? other : shape;
    int n = longer.lengths.length;
    int m = shorter.lengths.length;
    if (m == 0) {
      return null;
    }
    // Both texts rescaled to their mean weighted length: each paragraph keeps its share. A scaled
    // length (always the same product) and a drop's cost are computed where needed, not in arrays
    // up front: most bounded programmes end after a few rows, and that set-up was a large part of
    // each call.
    double scale = (shape.total + other.total) / 2.0;
    int[] rowLengths = longer.lengths;
    int[] columnLengths = shorter.lengths;
    double rowFactor = scale / longer.total;
    double columnFactor = scale / shorter.total;
    double pathParagraphs = (n + m) / 2.0;
    int variants = mergeCosts.length;
    // Least costs of beads, a hair under their priors (see the class comment).
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
    return new GaleChurchProgramme(thisDown, n, m, totals, moves, exceeded, cells);
  }

  /**
   * The way back through the first table, for a programme run with its moves: for each paragraph of
   * {@code shape}, the paragraphs of {@code other} in the same bead.
   */
  ParagraphShape.Alignment alignment() {
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
    double distance = distance(0);
    return thisDown
        ? new ParagraphShape.Alignment(distance, first, last)
        : new ParagraphShape.Alignment(
            distance, invert(first, last, m, true), invert(first, last, m, false));
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
}
