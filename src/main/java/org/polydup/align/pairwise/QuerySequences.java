package org.polydup.align.pairwise;

import java.util.IdentityHashMap;
import java.util.Map;
import org.polydup.align.IncrementalMatcher;
import org.polydup.align.extract.EntityProfile;

/**
 * Within one query of an {@link IncrementalMatcher}: each text's weighted key sequences, built on
 * first use and shared by all the query's alignments, as {@link KeySequences} shares them in a
 * batch. A query aligns the queried text with up to 40 candidates, each candidate with its rivals,
 * and pairs of candidates to tell their versions apart; building both sequences for every one of
 * those alignments was a quarter of a query's time. The key weights cannot change during a query
 * (the matcher's caller keeps adds and removes out while it runs), so a sequence built once is the
 * sequence every later alignment in the query would have built. Not thread-safe: one per query.
 *
 * <p>Internal to the align stage, not API: public only for the incremental matcher in {@code
 * org.polydup.align}.
 */
public final class QuerySequences {
  private final Aligner aligner;
  private final KeyStatistics statistics;

  /** By profile, the sequences on every word, on anchors, and on anchors with Han forms. */
  private final Map<EntityProfile, KeySequence[]> built = new IdentityHashMap<>();

  /**
   * Sequences for one query, none built yet.
   *
   * @param aligner the aligner that aligns them
   * @param statistics the key weights, unchanged during the query
   */
  public QuerySequences(Aligner aligner, KeyStatistics statistics) {
    this.aligner = aligner;
    this.statistics = statistics;
  }

  /**
   * The aligner in use.
   *
   * @return the aligner given at construction
   */
  public Aligner aligner() {
    return aligner;
  }

  /**
   * {@link Aligner#align(EntityProfile, EntityProfile, KeyStatistics)}, on shared sequences.
   *
   * @param first one text's profile
   * @param second the other's
   * @return their alignment
   */
  public AlignmentResult align(EntityProfile first, EntityProfile second) {
    boolean crossLanguage = Aligner.crossLanguage(first, second);
    boolean hanForms = Aligner.hanForms(first, second);
    return aligner.align(
        sequence(first, crossLanguage, hanForms),
        sequence(second, crossLanguage, hanForms),
        statistics);
  }

  private KeySequence sequence(EntityProfile profile, boolean crossLanguage, boolean hanForms) {
    KeySequence[] variants = built.computeIfAbsent(profile, p -> new KeySequence[3]);
    int variant = !crossLanguage ? 0 : hanForms ? 2 : 1;
    if (variants[variant] == null) {
      variants[variant] = Aligner.sequence(profile, crossLanguage, hanForms, statistics);
    }
    return variants[variant];
  }
}
