package org.polydup.align;

import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

/**
 * Per key (a document and another language, {@link MatchBatch#bestKey(int, int)}): the best value
 * offered, the document that reached it, and the second best value. Either the highest values lead
 * (scores) or the lowest (distances); a key offered nothing has no partner ({@code -1}) and the
 * worst possible values. Not thread-safe.
 */
final class Leaders {
  private final boolean lowest;
  private final int[] version;
  private final Long2DoubleOpenHashMap best = new Long2DoubleOpenHashMap();
  private final Long2DoubleOpenHashMap second = new Long2DoubleOpenHashMap();
  private final Long2IntOpenHashMap partner = new Long2IntOpenHashMap();

  private Leaders(boolean lowest, int[] version) {
    this.lowest = lowest;
    this.version = version;
    double none = lowest ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    best.defaultReturnValue(none);
    second.defaultReturnValue(none);
    partner.defaultReturnValue(-1);
  }

  /**
   * Leaders by the highest value, each document standing for its version ({@link Versions}): the
   * runner-up is the best of another version.
   */
  static Leaders highest(int[] version) {
    return new Leaders(false, version);
  }

  /** Leaders by the lowest value, by version like {@link #highest}. */
  static Leaders lowest(int[] version) {
    return new Leaders(true, version);
  }

  /**
   * Offers {@code document}'s value for {@code key}. Equal values go to the lower version number:
   * the offers come in the iteration order of a map filled by parallel threads, and the leader must
   * not depend on it. Another copy of the leading version raises the lead, never the runner-up.
   */
  void offer(long key, int document, double value) {
    int offered = version[document];
    double top = best.get(key);
    int leader = partner.get(key);
    if (offered == leader) {
      if (beats(value, top)) {
        best.put(key, value);
      }
    } else if (beats(value, top) || (value == top && offered < leader)) {
      second.put(key, top);
      best.put(key, value);
      partner.put(key, offered);
    } else if (beats(value, second.get(key))) {
      second.put(key, value);
    }
  }

  /** Whether {@code document}'s version leads for {@code key}. */
  boolean leads(long key, int document) {
    return partner.get(key) == version[document];
  }

  double second(long key) {
    return second.get(key);
  }

  /**
   * Whether the pair of {@code low} and {@code high} leads both ways, each document's runner-up (in
   * the other's language) at {@code floor} or beyond (lowest-led only): the pair's two keys are
   * {@code lowKey} (low's, for high's language) and {@code highKey}.
   */
  boolean leadBothWays(long lowKey, int low, long highKey, int high, double floor) {
    return leads(lowKey, high)
        && leads(highKey, low)
        && second(lowKey) >= floor
        && second(highKey) >= floor;
  }

  /**
   * Whether a version other than {@code document}'s has a value within {@code bound} for {@code
   * key} (lowest-led only).
   */
  boolean anotherWithin(long key, int document, double bound) {
    return second.get(key) <= bound || (!leads(key, document) && best.get(key) <= bound);
  }

  private boolean beats(double value, double than) {
    return lowest ? value < than : value > than;
  }
}
