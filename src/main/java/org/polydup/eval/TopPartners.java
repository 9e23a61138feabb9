package org.polydup.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each document's best-scored partner, for recall@1: whether the partner a reader would look at
 * first is a gold one. A tie at the top is a hit only when every partner tied there is gold, so
 * that the order pairs are listed in never decides it (eight xling documents had a gold and a wrong
 * partner of exactly equal score, one of two identical texts; taking the first listed made four of
 * them hits and four misses; an auditor, session 31). Not thread-safe.
 */
final class TopPartners {
  private final Map<String, Double> bestScore = new HashMap<>();
  private final Map<String, Boolean> allGoldAtTop = new HashMap<>();

  /** Counts the pair {@code a}, {@code b} with {@code score} as a candidate top for both. */
  void offer(String a, String b, double score, boolean gold) {
    for (String id : List.of(a, b)) {
      Double best = bestScore.get(id);
      if (best == null || score > best) {
        bestScore.put(id, score);
        allGoldAtTop.put(id, gold);
      } else if (score == best) {
        allGoldAtTop.put(id, allGoldAtTop.get(id) && gold);
      }
    }
  }

  /** Whether {@code id}'s top partners (one, or several tied) are all gold; false with none. */
  boolean hit(String id) {
    return allGoldAtTop.getOrDefault(id, false);
  }
}
