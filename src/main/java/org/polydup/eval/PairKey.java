package org.polydup.eval;

/** An unordered pair of document ids. */
record PairKey(String first, String second) {

  static PairKey of(String x, String y) {
    return x.compareTo(y) <= 0 ? new PairKey(x, y) : new PairKey(y, x);
  }
}
