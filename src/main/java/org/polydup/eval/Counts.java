package org.polydup.eval;

import java.util.Locale;

/** True positives, false positives and false negatives, with the derived rates. */
final class Counts {
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

  String row(String label) {
    if (truePositives + falseNegatives == 0) {
      // No gold pairs: only the false positives mean anything.
      return String.format(
          Locale.ROOT,
          "%-14s %6d %6d %6d   (no gold pairs)",
          label,
          truePositives,
          falsePositives,
          falseNegatives);
    }
    return String.format(
        Locale.ROOT,
        "%-14s %6d %6d %6d   P %.4f  R %.4f  F1 %.4f",
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
  String recallRow(String label) {
    return String.format(
        Locale.ROOT,
        "%-14s %6d %6s %6d   R %.4f",
        label,
        truePositives,
        "-",
        falseNegatives,
        recall());
  }

  static String header() {
    return String.format(Locale.ROOT, "%-14s %6s %6s %6s", "", "TP", "FP", "FN");
  }
}
