package org.polydup.align.pairwise;

import java.util.Arrays;
import java.util.Comparator;
import org.polydup.align.extract.Entity;
import org.polydup.align.extract.EntityKind;
import org.polydup.align.extract.EntityProfile;
import org.polydup.internal.Mixing;

/**
 * One side's key sequence, each key weighted by its rarity and its repeats in the text. Immutable.
 *
 * <p>Built by {@link Aligner#sequence} and shared by every alignment of its document: a batch keeps
 * them in {@link KeySequences}, a query in {@link QuerySequences}. It stores what a pair's
 * alignment needs without a pass over every position of both texts: the distinct keys (sorted, to
 * intersect by merging), each position's rank among them, each key's weight and its positions.
 */
final class KeySequence {
  /**
   * An order of sequences that depends only on their content: the longer first, then the heavier,
   * then by {@link #contentHash}; equal (but for a hash collision) only for sequences of the same
   * keys.
   */
  static final Comparator<KeySequence> ORDER =
      Comparator.comparingInt((KeySequence s) -> -s.ranks.length)
          .thenComparingDouble(s -> -s.totalWeight)
          .thenComparingLong(s -> s.contentHash);

  final EntityProfile profile;

  /** A hash of the key at each position, in order. */
  final long contentHash;

  /** The entity at each position, or {@code null} when position and entity index are equal. */
  final int[] entityIndexes;

  // No per-position keys or weights: the ranks below stand for them once the sequence is built,
  // and a batch keeps every document's sequences until it ends (per-position weights were 239 MB
  // of full bulk's live set with alignment on).
  final double totalWeight;

  /** The keys of positive weight, distinct and sorted: pairs intersect them by merging. */
  final long[] distinctKeys;

  /**
   * Each position's index in {@link #distinctKeys}, -1 for keys of weight 0: a pair finds the
   * positions of its shared keys without a search per position.
   */
  final int[] ranks;

  /** The weight of each key of {@link #distinctKeys}, all positive: see {@link #weight}. */
  private final double[] weightOfRank;

  /**
   * The positions of each key of {@link #distinctKeys}, in text order, key after key: those of the
   * key of rank {@code r} are {@code positionsByRank[rankStarts[r] .. rankStarts[r + 1])}. A pair's
   * shared keys are usually few among a text's keys (a cross-language pair shares a few names; a
   * same-language candidate often a fraction of its words), so gathering their positions here costs
   * what they hold, where a pass over every position of both texts for every pair was a sixth of
   * the alignment's time and most of its allocation.
   */
  private final int[] positionsByRank;

  private final int[] rankStarts;

  private KeySequence(
      EntityProfile profile,
      int[] entityIndexes,
      double[] weightOfRank,
      long[] distinctKeys,
      int[] ranks) {
    this.profile = profile;
    this.entityIndexes = entityIndexes;
    this.weightOfRank = weightOfRank;
    this.distinctKeys = distinctKeys;
    this.ranks = ranks;
    double total = 0;
    for (int i = 0; i < ranks.length; i++) {
      total += weight(i); // in position order, as the scores have always summed them
    }
    this.totalWeight = total;
    long hash = ranks.length;
    for (int rank : ranks) {
      hash = Mixing.fmix64(hash ^ (rank >= 0 ? distinctKeys[rank] : 0));
    }
    this.contentHash = hash;
    // A counting sort of the positions by rank, stable, so each key's positions stay in order.
    int[] starts = new int[distinctKeys.length + 1];
    for (int rank : ranks) {
      if (rank >= 0) {
        starts[rank + 1]++;
      }
    }
    for (int r = 0; r < distinctKeys.length; r++) {
      starts[r + 1] += starts[r];
    }
    int[] byRank = new int[starts[distinctKeys.length]];
    int[] next = Arrays.copyOf(starts, distinctKeys.length);
    for (int i = 0; i < ranks.length; i++) {
      if (ranks[i] >= 0) {
        byRank[next[ranks[i]]++] = i;
      }
    }
    this.positionsByRank = byRank;
    this.rankStarts = starts;
  }

  static KeySequence of(
      EntityProfile profile, boolean anchorsOnly, boolean hanForms, KeyStatistics statistics) {
    int[] indexes = null;
    long[] keys;
    if (anchorsOnly || profile.hasSecondKeys()) {
      int count = 0;
      for (int i = 0; i < profile.size(); i++) {
        if (takes(profile, i, anchorsOnly, hanForms)) {
          count++;
        }
      }
      indexes = new int[count];
      keys = new long[count];
      int next = 0;
      for (int i = 0; i < profile.size(); i++) {
        if (takes(profile, i, anchorsOnly, hanForms)) {
          indexes[next] = i;
          keys[next] = anchorsOnly ? profile.key(i) : profile.wordKey(i);
          next++;
        }
      }
    } else {
      // Every entity, in order: the profile's own word keys, shared rather than copied (the
      // sequences of a batch stay cached until it ends).
      keys = profile.wordKeyArray();
    }
    // Each distinct key's repeat count and weight from one sort, then each position's by a
    // search in the distinct keys: a repeat-count map and a statistics lookup per position (a
    // probe into the batch's large frequency map) were most of this method's time.
    int count = keys.length;
    long[] distinct = keys.clone();
    Arrays.sort(distinct);
    int[] repeats = new int[count];
    int distinctCount = 0;
    for (int i = 0; i < count; i++) {
      if (distinctCount == 0 || distinct[i] != distinct[distinctCount - 1]) {
        distinct[distinctCount++] = distinct[i];
      }
      repeats[distinctCount - 1]++;
    }
    double[] distinctWeights = new double[distinctCount];
    // Each distinct key's index among those of positive weight (the sequence's distinctKeys).
    int[] positiveRanks = new int[distinctCount];
    int positive = 0;
    for (int k = 0; k < distinctCount; k++) {
      distinctWeights[k] = statistics.weight(distinct[k]) / Math.sqrt(repeats[k]);
      positiveRanks[k] = distinctWeights[k] > 0 ? positive++ : -1;
    }
    long[] distinctKeys = new long[positive];
    double[] weightOfRank = new double[positive];
    for (int k = 0; k < distinctCount; k++) {
      if (positiveRanks[k] >= 0) {
        distinctKeys[positiveRanks[k]] = distinct[k];
        weightOfRank[positiveRanks[k]] = distinctWeights[k];
      }
    }
    int[] ranks = new int[count];
    for (int i = 0; i < count; i++) {
      ranks[i] = positiveRanks[Arrays.binarySearch(distinct, 0, distinctCount, keys[i])];
    }
    return new KeySequence(profile, indexes, weightOfRank, distinctKeys, ranks);
  }

  /**
   * Whether the sequence takes the {@code i}-th entity: an anchor sequence its anchors (and the
   * {@link EntityKind#HAN_FORM} keys when both languages write Han), a word sequence every entity
   * but the Han forms and Katakana {@link EntityKind#SPELLING}s, which repeat a word that is
   * already there.
   */
  private static boolean takes(
      EntityProfile profile, int i, boolean anchorsOnly, boolean hanForms) {
    if (profile.kind(i) == EntityKind.HAN_FORM) {
      return anchorsOnly && hanForms;
    }
    if (profile.kind(i) == EntityKind.SPELLING) {
      return anchorsOnly;
    }
    return !anchorsOnly || profile.kind(i).isAnchor() || profile.key(i) != 0;
  }

  /**
   * Positions (in text order) of the keys {@code sharedOfDistinct} numbers (it maps {@link
   * #distinctKeys} to shared numbers or -1); {@code shared} is how many keys it numbers.
   */
  int[] positionsOf(int[] sharedOfDistinct, int shared) {
    if (shared == 0) {
      return new int[0];
    }
    int count = 0;
    int keysShared = 0;
    for (int r = 0; r < distinctKeys.length; r++) {
      if (sharedOfDistinct[r] >= 0) {
        count += rankStarts[r + 1] - rankStarts[r];
        keysShared++;
      }
    }
    int[] positions = new int[count];
    if (keysShared == 1 || count < ranks.length / 8) {
      // Few positions: each shared key's own, then sorted into text order.
      int next = 0;
      for (int r = 0; r < distinctKeys.length; r++) {
        if (sharedOfDistinct[r] >= 0) {
          int from = rankStarts[r];
          int length = rankStarts[r + 1] - from;
          System.arraycopy(positionsByRank, from, positions, next, length);
          next += length;
        }
      }
      if (keysShared > 1) {
        Arrays.sort(positions);
      }
    } else {
      int next = 0;
      for (int i = 0; i < ranks.length; i++) {
        int rank = ranks[i];
        if (rank >= 0 && sharedOfDistinct[rank] >= 0) {
          positions[next++] = i;
        }
      }
    }
    return positions;
  }

  /**
   * For each key {@code sharedOfDistinct} numbers (see {@link #positionsOf}), sets its weight (the
   * same at every position of it) in {@code weightOfShared} and counts its positions in {@code
   * countOfShared}.
   */
  void countShared(int[] sharedOfDistinct, double[] weightOfShared, int[] countOfShared) {
    if (weightOfShared.length == 0) {
      return;
    }
    for (int r = 0; r < distinctKeys.length; r++) {
      int shared = sharedOfDistinct[r];
      if (shared >= 0) {
        int from = rankStarts[r];
        weightOfShared[shared] = weightOfRank[r];
        countOfShared[shared] += rankStarts[r + 1] - from;
      }
    }
  }

  /**
   * The shared number and weight of the first {@code count} of {@code positions} into {@code keys}
   * and {@code weights}: {@link LocalAlignment}'s input.
   */
  void gather(int[] positions, int count, int[] sharedOfDistinct, int[] keys, double[] weights) {
    for (int i = 0; i < count; i++) {
      keys[i] = sharedOfDistinct[ranks[positions[i]]];
      weights[i] = weight(positions[i]);
    }
  }

  double weightBetween(int from, int to) {
    double total = 0;
    for (int i = from; i <= to; i++) {
      total += weight(i);
    }
    return total;
  }

  /**
   * The weight of the key at {@code position}: its rarity over the square root of its repeats in
   * this text, in [0, 1]; 0 for a key with no rank, which is exactly the weight such a key has.
   */
  double weight(int position) {
    int rank = ranks[position];
    return rank >= 0 ? weightOfRank[rank] : 0;
  }

  /** Positions in the sequence. */
  int length() {
    return ranks.length;
  }

  Entity entity(int position) {
    return profile.entity(entityIndex(position));
  }

  /** Where the entity at {@code position} starts in the text: {@code entity(position).start()}. */
  int start(int position) {
    return profile.start(entityIndex(position));
  }

  /** Where the entity at {@code position} ends: {@code entity(position).end()}. */
  int end(int position) {
    return profile.end(entityIndex(position));
  }

  /** The kind of the entity at {@code position}: {@code entity(position).kind()}. */
  EntityKind kind(int position) {
    return profile.kind(entityIndex(position));
  }

  private int entityIndex(int position) {
    return entityIndexes == null ? position : entityIndexes[position];
  }
}
