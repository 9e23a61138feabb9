package org.polydup.align;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.polydup.Relation;

/**
 * The align stage for documents that arrive one at a time: each added document's entities go into a
 * growing {@link EntityIndex}, and a query aligns one document with its best candidates there.
 *
 * <h2>What a query can and cannot judge</h2>
 *
 * A batch ({@link CrossLanguageMatcher}) compares every pair with the other pairs of both of its
 * documents: each document's best version in the other's language, by a margin ({@link
 * MutualBest}), paragraph structures against rivals, triangles, versions. A query sees only the
 * queried document's candidates, so it applies the aligner's own thresholds and the margin rule
 * from the queried side alone: the queried document's best candidate in a language is taken as a
 * translation when the runner-up in that language scores at most half of it and the pair has the
 * evidence {@link MutualBest} asks of its margin arms. Whether the candidate also prefers the
 * queried document is not known, so this is the one-sided form of the batch rule; so is exclusivity
 * ({@link Exclusivity}): a copy in another language scoring under half of the best score the
 * queried document reaches in that language is demoted. Key weights are the document frequencies of
 * the documents added so far.
 *
 * <p>Threads: matches may run concurrently with each other, but not with an add; the caller orders
 * them (the detector adds under a write lock and queries under a read lock).
 */
public final class IncrementalMatcher {
  /** Candidates aligned per query and per kind (other languages, same language): the batch's. */
  private static final int CANDIDATES_PER_KIND = 8;

  /**
   * Longest posting list a query reads: the batch's cap for a large batch ({@link
   * CrossLanguageMatcher#maximumPostings}). In a small index such lists belong to keys in over a
   * twentieth of the documents, which weigh nothing anyway ({@link KeyStatistics}).
   */
  private static final int MAXIMUM_POSTINGS = CrossLanguageMatcher.maximumPostings(20_000);

  private final Aligner aligner = new Aligner(AlignmentThresholds.defaults());
  private final KeyStatistics statistics = new KeyStatistics();
  private final EntityIndex index = new EntityIndex(statistics, MAXIMUM_POSTINGS);
  private final List<EntityProfile> profiles = new ArrayList<>();
  private final boolean reportRelated;

  /**
   * An empty matcher.
   *
   * @param reportRelated whether {@code RELATED} pairs are returned
   */
  public IncrementalMatcher(boolean reportRelated) {
    this.reportRelated = reportRelated;
  }

  /** A copy {@link #match} found: the added document's number, and the aligned pair. */
  public record Found(int number, CrossLanguageMatcher.AlignedPair pair) {}

  /**
   * The entities of a text, as {@link #add} and {@link #match} take them; thread-safe (an extractor
   * per thread, shared with the batch matcher), and meant to run outside the caller's lock.
   */
  public static EntityProfile profile(String text, String language) {
    return CrossLanguageMatcher.extract(text, language);
  }

  /**
   * Adds a document's entities.
   *
   * @return its number, from 0 in order of addition
   */
  public int add(EntityProfile profile) {
    statistics.add(profile);
    profiles.add(profile);
    return index.add(profile);
  }

  /**
   * The copies of a queried document among the added ones: translations, reworded copies and, when
   * asked, related pairs, {@code a} being the queried document, by ascending number.
   *
   * @param id the queried document's id, for the pairs
   * @param profile its entities
   * @param exclude the number of an added document to leave out (the queried one), or -1
   * @param idOf an added document's id by number, {@code null} for one that was removed
   * @param settled numbers whose pair with the queried document is decided already (a verbatim
   *     copy): not aligned
   */
  public List<Found> match(
      String id,
      EntityProfile profile,
      int exclude,
      IntFunction<String> idOf,
      IntPredicate settled) {
    List<EntityIndex.Candidate> candidates = index.query(profile, CANDIDATES_PER_KIND, exclude);
    int[] numbers =
        candidates.stream().mapToInt(EntityIndex.Candidate::document).sorted().toArray();
    AlignmentResult[] results = new AlignmentResult[numbers.length];
    // Per other language: the best-scored candidate (its index in numbers) and the runner-up.
    Map<String, int[]> leaders = new HashMap<>();
    for (int k = 0; k < numbers.length; k++) {
      int number = numbers[k];
      if (idOf.apply(number) == null || settled.test(number)) {
        continue;
      }
      EntityProfile other = profiles.get(number);
      results[k] = aligner.align(profile, other, statistics);
      if (results[k].crossLanguage()) {
        int[] leader = leaders.computeIfAbsent(other.language(), l -> new int[] {-1, -1});
        if (leader[0] < 0 || results[k].score() > results[leader[0]].score()) {
          leader[1] = leader[0];
          leader[0] = k;
        } else if (leader[1] < 0 || results[k].score() > results[leader[1]].score()) {
          leader[1] = k;
        }
      }
    }
    AlignmentThresholds full = aligner.thresholds();
    for (int[] leader : leaders.values()) {
      AlignmentResult best = results[leader[0]];
      double runnerUp = leader[1] < 0 ? 0 : results[leader[1]].score();
      if (!best.isCopy()
          && MutualBest.strongEnoughForMargin(best, full)
          && MutualBest.clearMargin(best, runnerUp)
          && Aligner.lengthRatio(profile, profiles.get(numbers[leader[0]]))
              <= full.maximumLengthRatio()) {
        results[leader[0]] = best.withRelation(Relation.TRANSLATION);
      }
    }
    // Exclusivity as the batch has it, from the queried side: a copy in another language scoring
    // under half of that language's best is not the version there.
    for (int k = 0; k < numbers.length; k++) {
      AlignmentResult result = results[k];
      if (result != null && result.crossLanguage() && result.isCopy()) {
        int[] leader = leaders.get(profiles.get(numbers[k]).language());
        if (!Exclusivity.leadsEnough(result, results[leader[0]].score())) {
          results[k] = Exclusivity.demoted(result);
        }
      }
    }
    List<Found> found = new ArrayList<>();
    for (int k = 0; k < numbers.length; k++) {
      AlignmentResult result = results[k];
      if (result != null && CrossLanguageMatcher.reported(result.relation(), reportRelated)) {
        found.add(
            new Found(
                numbers[k],
                new CrossLanguageMatcher.AlignedPair(
                    id, idOf.apply(numbers[k]), result.relation(), result.score(), result, false)));
      }
    }
    return found;
  }
}
