package org.polydup.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * True positives, false positives and false negatives, with the derived rates; and the {@link
 * Table} that prints them as rows under a {@code TP FP FN} header.
 */
final class Counts {
  /**
   * The narrowest label column: the language pairs, length buckets and relations of the eval tables
   * fit in it with room to spare, so most tables print as they always did.
   */
  static final int MINIMUM_LABEL_WIDTH = 14;

  long truePositives;
  long falsePositives;
  long falseNegatives;

  double precision() {
    long reported = truePositives + falsePositives;
    return reported == 0 ? 1.0 : (double) truePositives / reported;
  }

  double recall() {
    long relevant = truePositives + falseNegatives;
    return relevant == 0 ? 1.0 : (double) truePositives / relevant;
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /**
   * The width of a column holding {@code labels}: {@link #MINIMUM_LABEL_WIDTH}, or one more than
   * the longest label when that is wider, so that with the column separator a label is followed by
   * at least two spaces whatever it is.
   */
  static int labelWidth(Collection<String> labels) {
    int width = MINIMUM_LABEL_WIDTH;
    for (String label : labels) {
      width = Math.max(width, label.length() + 1);
    }
    return width;
  }

  private String row(String label, int width) {
    if (truePositives + falseNegatives == 0) {
      // No gold pairs: only the false positives mean anything.
      return String.format(
          Locale.ROOT,
          "%-" + width + "s %6d %6d %6d   (no gold pairs)",
          label,
          truePositives,
          falsePositives,
          falseNegatives);
    }
    return String.format(
        Locale.ROOT,
        "%-" + width + "s %6d %6d %6d   P %.4f  R %.4f  F1 %.4f",
        label,
        truePositives,
        falsePositives,
        falseNegatives,
        precision(),
        recall(),
        f1());
  }

  /**
   * A row for counts that have no false positives of their own (a transform: a false pair was made
   * by no transform): true positives, misses and recall only.
   */
  private String recallRow(String label, int width) {
    return String.format(
        Locale.ROOT,
        "%-" + width + "s %6d %6s %6d   R %.4f",
        label,
        truePositives,
        "-",
        falseNegatives,
        recall());
  }

  /**
   * Rows of counts under one {@code TP FP FN} header, with lines of text between them, printed with
   * one label column for all the rows: {@link #labelWidth} of their labels, so that a long label
   * ({@code as translation}) neither touches its row's numbers nor pushes them out of line with the
   * other rows'.
   */
  static final class Table {
    private final List<Line> lines = new ArrayList<>();

    /** One line: a row of {@code counts} labelled {@code text}, or the text alone. */
    private record Line(String text, Counts counts, boolean recallOnly) {}

    /**
     * Adds a row of the counts with precision, recall and F1 (false positives only without gold).
     */
    Table row(String label, Counts counts) {
      lines.add(new Line(label, counts, false));
      return this;
    }

    /** Adds a row of the true positives, misses and recall alone (see {@link Counts#recallRow}). */
    Table recallRow(String label, Counts counts) {
      lines.add(new Line(label, counts, true));
      return this;
    }

    /** Adds a line of text printed as it is, such as the heading of the rows that follow. */
    Table text(String line) {
      lines.add(new Line(line, null, false));
      return this;
    }

    /** The header and every line added, in order, each ended by a line feed. */
    @Override
    public String toString() {
      List<String> labels = new ArrayList<>();
      for (Line line : lines) {
        if (line.counts() != null) {
          labels.add(line.text());
        }
      }
      int width = labelWidth(labels);
      StringBuilder s = new StringBuilder();
      s.append(String.format(Locale.ROOT, "%-" + width + "s %6s %6s %6s", "", "TP", "FP", "FN"));
      s.append('\n');
      for (Line line : lines) {
        if (line.counts() == null) {
          s.append(line.text());
        } else if (line.recallOnly()) {
          s.append(line.counts().recallRow(line.text(), width));
        } else {
          s.append(line.counts().row(line.text(), width));
        }
        s.append('\n');
      }
      return s.toString();
    }
  }
}
