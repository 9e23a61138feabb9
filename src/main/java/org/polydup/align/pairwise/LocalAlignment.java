package org.polydup.align.pairwise;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * Smith-Waterman local alignment (Smith and Waterman, "Identification of common molecular
 * subsequences", J. Mol. Biol. 1981) of two weighted key sequences, as {@link Aligner} scores it: a
 * match of equal keys earns the lower of the two weights, skipping an element costs {@link
 * #GAP_PENALTY} times its own weight, and the alignment may start and end anywhere.
 *
 * <p>Two exact ways to the same optimum, chosen per pair by their cost:
 *
 * <ul>
 *   <li>The textbook dynamic programme over all {@code n × m} cells. On bulk news with alignment on
 *       that was 16.8 billion cells for 1.1 million pairs, a sixth of the scan's CPU, although only
 *       the cells where both keys are equal can gain anything.
 *   <li>A sparse programme over those match points alone (the chaining formulation of Eppstein,
 *       Galil, Giancarlo and Italiano, "Sparse dynamic programming I", J. ACM 1992): because every
 *       gap costs its own element's weight, the cost of going from match {@code (i', j')} to match
 *       {@code (i, j)} is {@code PA[i] - PA[i'+1] + PB[j] - PB[j'+1]} with prefix sums {@code PA},
 *       {@code PB} of the gap costs. So a match's best predecessor is the greatest {@code V(i',j')
 *       + PA[i'+1] + PB[j'+1]} over {@code i' < i, j' < j}: a prefix maximum, kept in a Fenwick
 *       tree over {@code j} while the rows are swept in order. {@code O(M log m)} for {@code M}
 *       match points; the local alignment's restart at zero is the {@code max(0, ·)} on entry.
 * </ul>
 *
 * Both keep the first best cell in row-major order, so they report the same end point; the matched
 * weights agree up to floating-point rounding of the prefix sums.
 *
 * <p>Not thread-safe: a worker owns its buffers and is used by one thread at a time (an alignment
 * never runs another inside it).
 */
final class LocalAlignment {
  /** What skipping an element costs, as a share of its weight. */
  static final double GAP_PENALTY = 0.5;

  /**
   * The sparse programme's cost per match point, in dense cells: it is chosen when {@code points ×
   * SPARSE_POINT_COST < n × m}. A point costs a Fenwick query and update ({@code 2 log2 m} steps)
   * where a cell costs three comparisons.
   */
  static final int SPARSE_POINT_COST = 6;

  /**
   * Scores closer than this are a tie. The sparse programme sums gap costs as prefix differences,
   * the dense one cell by cell, so equal alignments (a repeated name paired with either of its
   * occurrences) differ by rounding, and rounding must not pick between them: ties go to the
   * earlier match point, so repeated keys pair in order, first with first.
   */
  private static final double TIE = 1e-9;

  private byte[] moves = new byte[4096];
  private double[] previous = new double[256];
  private double[] current = new double[256];
  private double[] gapsB = new double[256];

  private int[] countOfKey = new int[256];
  private int[] firstOfKey = new int[256];
  private int[] columnsByKey = new int[256];
  private double[] prefixA = new double[256];
  private double[] prefixB = new double[256];
  private double[] treeValue = new double[256];
  private int[] treePoint = new int[256];
  private double[] pointCarry = new double[256];
  private int[] pointRow = new int[256];
  private int[] pointColumn = new int[256];
  private int[] pointPrevious = new int[256];

  /** Which programme {@link #align} runs. */
  enum Programme {
    /** The cheaper of the two for the pair, by {@link #SPARSE_POINT_COST}. */
    CHEAPER,
    /** The sparse programme whatever its cost (for the equivalence tests). */
    SPARSE,
    /** The dense programme whatever its cost (for the equivalence tests). */
    DENSE
  }

  /**
   * Aligns {@code keysA[0, n)} with {@code keysB[0, m)}; keys are small non-negative ints (a pair's
   * shared keys, numbered {@code 0 .. keyCount - 1}).
   *
   * @param pairs receives the aligned index pairs {@code i, j} (flat, in text order)
   * @param programme {@link Programme#CHEAPER} but in tests
   * @return the matched weight: the sum of the lower weight of each aligned pair
   */
  double align(
      int[] keysA,
      double[] weightsA,
      int n,
      int[] keysB,
      double[] weightsB,
      int m,
      int keyCount,
      IntArrayList pairs,
      Programme programme) {
    if (n == 0 || m == 0) {
      return 0;
    }
    if (programme != Programme.DENSE) {
      long points = matchPoints(keysA, n, keysB, m, keyCount);
      if (programme == Programme.SPARSE || points * SPARSE_POINT_COST < (long) n * m) {
        return sparse(keysA, weightsA, n, keysB, weightsB, m, (int) points, pairs);
      }
    }
    return dense(keysA, weightsA, n, keysB, weightsB, m, pairs);
  }

  /**
   * How many cells hold equal keys; leaves each key's count in B in {@link #countOfKey} and B's
   * columns grouped by key, ascending within a key, in {@link #columnsByKey} from {@link
   * #firstOfKey}.
   */
  private long matchPoints(int[] keysA, int n, int[] keysB, int m, int keyCount) {
    if (countOfKey.length < keyCount + 1) {
      countOfKey = new int[Math.max(keyCount + 1, 2 * countOfKey.length)];
      firstOfKey = new int[countOfKey.length];
    }
    Arrays.fill(countOfKey, 0, keyCount, 0);
    for (int j = 0; j < m; j++) {
      countOfKey[keysB[j]]++;
    }
    long points = 0;
    for (int i = 0; i < n; i++) {
      points += countOfKey[keysA[i]];
    }
    int start = 0;
    for (int k = 0; k < keyCount; k++) {
      firstOfKey[k] = start;
      start += countOfKey[k];
    }
    if (columnsByKey.length < m) {
      columnsByKey = new int[Math.max(m, 2 * columnsByKey.length)];
    }
    // A counting sort; firstOfKey is advanced while filling and moved back after.
    for (int j = 0; j < m; j++) {
      columnsByKey[firstOfKey[keysB[j]]++] = j;
    }
    for (int k = 0; k < keyCount; k++) {
      firstOfKey[k] -= countOfKey[k];
    }
    return points;
  }

  /** The chaining programme over match points; see the class comment. */
  private double sparse(
      int[] keysA,
      double[] weightsA,
      int n,
      int[] keysB,
      double[] weightsB,
      int m,
      int points,
      IntArrayList pairs) {
    if (prefixA.length < n + 1) {
      prefixA = new double[Math.max(n + 1, 2 * prefixA.length)];
    }
    if (prefixB.length < m + 1) {
      prefixB = new double[Math.max(m + 1, 2 * prefixB.length)];
      treeValue = new double[prefixB.length];
      treePoint = new int[prefixB.length];
    }
    if (pointCarry.length < points) {
      int grown = Math.max(points, 2 * pointCarry.length);
      pointCarry = new double[grown];
      pointRow = new int[grown];
      pointColumn = new int[grown];
      pointPrevious = new int[grown];
    }
    // prefixA[i]: the cost of skipping elements 0 .. i-1 of A; likewise B.
    prefixA[0] = 0;
    for (int i = 0; i < n; i++) {
      prefixA[i + 1] = prefixA[i] + GAP_PENALTY * weightsA[i];
    }
    prefixB[0] = 0;
    for (int j = 0; j < m; j++) {
      prefixB[j + 1] = prefixB[j] + GAP_PENALTY * weightsB[j];
    }
    // Fenwick tree over columns 1..m of the best carry V + prefixA[i+1] + prefixB[j+1] so far.
    Arrays.fill(treeValue, 1, m + 1, Double.NEGATIVE_INFINITY);
    double best = 0;
    int bestPoint = -1;
    int count = 0;
    for (int i = 0; i < n; i++) {
      int key = keysA[i];
      int from = firstOfKey[key];
      int to = from + countOfKey[key];
      int rowStart = count;
      // This row's points read only earlier rows: all are valued before any enters the tree.
      for (int c = from; c < to; c++) {
        int j = columnsByKey[c];
        double carry = Double.NEGATIVE_INFINITY;
        int previousPoint = -1;
        for (int t = j; t > 0; t -= t & -t) {
          if (treeValue[t] > carry + TIE
              || (treeValue[t] >= carry - TIE && treePoint[t] < previousPoint)) {
            carry = treeValue[t];
            previousPoint = treePoint[t];
          }
        }
        double entry = carry - prefixA[i] - prefixB[j];
        if (!(entry > 0)) {
          entry = 0;
          previousPoint = -1;
        }
        double value = entry + Math.min(weightsA[i], weightsB[j]);
        pointRow[count] = i;
        pointColumn[count] = j;
        pointPrevious[count] = previousPoint;
        pointCarry[count] = value + prefixA[i + 1] + prefixB[j + 1];
        if (value > best + TIE) {
          best = value;
          bestPoint = count;
        }
        count++;
      }
      for (int p = rowStart; p < count; p++) {
        double carry = pointCarry[p];
        for (int t = pointColumn[p] + 1; t <= m; t += t & -t) {
          if (carry > treeValue[t] + TIE) {
            treeValue[t] = carry;
            treePoint[t] = p;
          }
        }
      }
    }
    int start = pairs.size();
    double matched = 0;
    for (int p = bestPoint; p >= 0; p = pointPrevious[p]) {
      int i = pointRow[p];
      int j = pointColumn[p];
      pairs.add(j);
      pairs.add(i);
      matched += Math.min(weightsA[i], weightsB[j]);
    }
    reverse(pairs, start);
    return matched;
  }

  /** The textbook programme over every cell, with a traceback matrix. */
  private double dense(
      int[] keysA,
      double[] weightsA,
      int n,
      int[] keysB,
      double[] weightsB,
      int m,
      IntArrayList pairs) {
    // Every cell the traceback reads is written below first, so a reused buffer needs no clearing.
    if (moves.length < (n + 1) * (m + 1)) {
      moves = new byte[Math.max((n + 1) * (m + 1), 2 * moves.length)];
    }
    if (previous.length < m + 1) {
      int grown = Math.max(m + 1, 2 * previous.length);
      previous = new double[grown];
      current = new double[grown];
      gapsB = new double[grown];
    }
    for (int j = 1; j <= m; j++) {
      gapsB[j] = GAP_PENALTY * weightsB[j - 1];
    }
    double[] above = previous;
    double[] row = current;
    Arrays.fill(above, 0, m + 1, 0);
    double best = 0;
    int bestI = 0;
    int bestJ = 0;
    for (int i = 1; i <= n; i++) {
      int keyA = keysA[i - 1];
      double weightA = weightsA[i - 1];
      double gapA = GAP_PENALTY * weightA;
      int offset = i * (m + 1);
      row[0] = 0;
      for (int j = 1; j <= m; j++) {
        double value = 0;
        byte move = 0;
        if (keyA == keysB[j - 1]) {
          double diagonal = above[j - 1] + Math.min(weightA, weightsB[j - 1]);
          if (diagonal > value) {
            value = diagonal;
            move = 1;
          }
        }
        double up = above[j] - gapA;
        if (up > value) {
          value = up;
          move = 2;
        }
        double left = row[j - 1] - gapsB[j];
        if (left > value) {
          value = left;
          move = 3;
        }
        row[j] = value;
        moves[offset + j] = move;
        if (value > best) {
          best = value;
          bestI = i;
          bestJ = j;
        }
      }
      double[] swap = above;
      above = row;
      row = swap;
    }
    int start = pairs.size();
    double matched = 0;
    int i = bestI;
    int j = bestJ;
    while (i > 0 && j > 0) {
      byte move = moves[i * (m + 1) + j];
      if (move == 0) {
        break;
      }
      if (move == 1) {
        pairs.add(j - 1);
        pairs.add(i - 1);
        matched += Math.min(weightsA[i - 1], weightsB[j - 1]);
        i--;
        j--;
      } else if (move == 2) {
        i--;
      } else {
        j--;
      }
    }
    reverse(pairs, start);
    return matched;
  }

  /** Reverses {@code pairs} from {@code start}: pushed as (j, i) backwards, read as (i, j). */
  private static void reverse(IntArrayList pairs, int start) {
    int[] values = pairs.elements();
    for (int low = start, high = pairs.size() - 1; low < high; low++, high--) {
      int swap = values[low];
      values[low] = values[high];
      values[high] = swap;
    }
  }
}
