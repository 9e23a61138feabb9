package org.polydup.align;

import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectAVLTreeMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.Predicate;
import org.polydup.Relation;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.pairwise.Aligner;
import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.align.pairwise.AlignmentThresholds;
import org.polydup.align.pairwise.KeyStatistics;
import org.polydup.align.pairwise.QuerySequences;
import org.polydup.align.structure.ParagraphShape;

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
 * evidence {@link MutualBest} asks of its margin arms, and the candidate's own query finds no added
 * document in the queried one's language within that margin either (the batch's two sides, among
 * the documents added so far). Exclusivity is one-sided ({@link Exclusivity}): a copy in another
 * language scoring under half of the best score the queried document reaches in that language is
 * demoted. The two structure rules follow, as {@link QueryStructure} says: chats, forum threads and
 * shop pages name too little for the entity rules and are found by their paragraph structures.
 * Last, a translation found is shared with the other versions of it among the candidates, and,
 * through the structure index, among the added texts whose structures agree with the queried one's.
 * Key weights are the document frequencies of the documents added so far.
 *
 * <p>Threads: matches may run concurrently with each other, but not with an add or a remove; the
 * caller orders them (the detector adds and removes under a write lock and queries under a read
 * lock).
 */
public final class IncrementalMatcher {
  /**
   * Candidates aligned per query in the same language, candidates in other languages aligned
   * whatever their structure, and rivals per candidate: the batch's first-pass depth.
   */
  private static final int CANDIDATES_PER_KIND = 8;

  /**
   * Candidates ranked per query in other languages: the depth of the batch's deeper pass ({@link
   * CandidateSearch#DEEP_CANDIDATES}). A batch aligns a pair when either document ranks the other
   * among its first 8; a query ranks from one side only, and in an archive holding a story in many
   * versions and languages, the first 8 may all be versions of it in other languages than the one
   * asked about. With xling arriving into the first 20,000 bulk documents ({@code ./polydup eval
   * xling --incremental --distractors ../shared/data/bulk/docs.jsonl.gz}), true/false pairs at 8 /
   * 16 / 32: 2,016/34 / 2,289/46 / 2,424/55; xling alone 2,827/89 / 2,835/99 / 2,840/100;
   * syndication false pairs 124 / 131 / 138. Its cost: the syndication run took 25 / 29 / 45 s.
   * Those beyond the first 8 are aligned only when their structure agrees, as in the batch's deeper
   * pass ({@link #deepCandidateAgrees}).
   */
  private static final int OTHER_LANGUAGE_CANDIDATES = CandidateSearch.DEEP_CANDIDATES;

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
  private final QueryStructure structure = new QueryStructure();
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
   * What the matcher keeps of a document: its entities and its paragraph structure.
   *
   * @param entities the text's entities ({@link CrossLanguageMatcher#extract})
   * @param shape the text's paragraph structure ({@link ParagraphShape#of})
   */
  public record Profile(EntityProfile entities, ParagraphShape shape) {
    /** Checks that both are given. */
    public Profile {
      Objects.requireNonNull(entities, "entities");
      Objects.requireNonNull(shape, "shape");
    }
  }

  /**
   * The entities and structure of a text, as {@link #add} and {@link #match} take them; thread-safe
   * (an extractor per thread, shared with the batch matcher), and meant to run outside the caller's
   * lock.
   */
  public static Profile profile(String text, String language) {
    return profile(CrossLanguageMatcher.extract(text, language), text);
  }

  /**
   * The profile of a text whose entities were extracted before (a stored index's): only the
   * structure, which is cheap, is computed.
   */
  public static Profile profile(EntityProfile entities, String text) {
    return new Profile(entities, ParagraphShape.of(text));
  }

  /**
   * Adds a document.
   *
   * @return its number, from 0 in order of addition
   */
  public int add(Profile profile) {
    statistics.add(profile.entities());
    profiles.add(profile.entities());
    structure.add(profile.shape());
    return index.add(profile.entities());
  }

  /**
   * Removes an added document: its keys no longer count in the key weights, and it is no candidate
   * and no rival of later queries. Its number is not reused.
   *
   * @return whether it was added and not removed yet
   */
  public boolean remove(int number) {
    if (number < 0 || number >= profiles.size() || profiles.get(number) == null) {
      return false;
    }
    statistics.remove(profiles.get(number));
    index.remove(number);
    structure.remove(number);
    profiles.set(number, null);
    return true;
  }

  /**
   * The copies of a queried document among the added ones: translations, reworded copies and, when
   * asked, related pairs, {@code a} being the queried document, by ascending number.
   *
   * @param id the queried document's id, for the pairs
   * @param query its entities and structure
   * @param exclude the number of an added document to leave out (the queried one), or -1
   * @param idOf an added document's id by number, {@code null} for one that was removed
   * @param settled numbers whose pair with the queried document is decided already (a verbatim
   *     copy): not aligned
   */
  public List<Found> match(
      String id, Profile query, int exclude, IntFunction<String> idOf, IntPredicate settled) {
    EntityProfile profile = query.entities();
    // By number, so that the pairs come out in ascending order.
    Int2ObjectAVLTreeMap<AlignmentResult> results = new Int2ObjectAVLTreeMap<>();
    EntityIndex.Candidates byKind =
        index.query(profile, OTHER_LANGUAGE_CANDIDATES, CANDIDATES_PER_KIND, exclude);
    List<EntityIndex.Candidate> candidates = new ArrayList<>();
    List<EntityIndex.Candidate> others = byKind.otherLanguages();
    for (int rank = 0; rank < others.size(); rank++) {
      if (rank < CANDIDATES_PER_KIND
          || deepCandidateAgrees(query.shape(), others.get(rank).document())) {
        candidates.add(others.get(rank));
      }
    }
    candidates.addAll(byKind.sameLanguage());
    QuerySequences sequences = new QuerySequences(aligner, statistics);
    for (EntityIndex.Candidate candidate : candidates) {
      int number = candidate.document();
      if (idOf.apply(number) != null && !settled.test(number)) {
        results.put(number, sequences.align(profile, profiles.get(number)));
      }
    }
    AlignmentThresholds full = aligner.thresholds();
    QueryVersions versions = new QueryVersions(query, profiles, structure::shape, sequences);
    Map<String, int[]> leaders = leadersByLanguage(results, versions);
    // Per candidate: the best score of its other documents in the queried one's language.
    Int2DoubleOpenHashMap rivals = new Int2DoubleOpenHashMap();
    IntToDoubleFunction rivalBest =
        number ->
            rivals.computeIfAbsent(
                number,
                n ->
                    bestRivalScore(
                        n, profile.language(), exclude, idOf, settled, versions, sequences));
    for (int[] leader : leaders.values()) {
      AlignmentResult best = results.get(leader[0]);
      double runnerUp = leader[1] < 0 ? 0 : results.get(leader[1]).score();
      if (!best.isCopy()
          && MutualBest.strongEnoughForMargin(best, full)
          && MutualBest.clearMargin(best, runnerUp)
          && Aligner.lengthRatio(profile, profiles.get(leader[0])) <= full.maximumLengthRatio()
          && MutualBest.clearMargin(best, rivalBest.applyAsDouble(leader[0]))) {
        results.put(leader[0], best.withRelation(Relation.TRANSLATION));
      }
    }
    // Exclusivity as the batch has it, from both sides: a copy in another language scoring under
    // half of the best either document reaches in the other's language is not the version there.
    for (Int2ObjectMap.Entry<AlignmentResult> entry : results.int2ObjectEntrySet()) {
      AlignmentResult result = entry.getValue();
      if (result.crossLanguage() && result.isCopy()) {
        int[] leader = leaders.get(profiles.get(entry.getIntKey()).language());
        double best =
            Math.max(results.get(leader[0]).score(), rivalBest.applyAsDouble(entry.getIntKey()));
        if (!Exclusivity.leadsEnough(result, best)) {
          entry.setValue(Exclusivity.demoted(result));
        }
      }
    }
    // Then the structure rules, in the batch's order (ShapeAgreements, StructureRule).
    IntOpenHashSet agreeing = new IntOpenHashSet();
    QueryStructure.Rules rules =
        new QueryStructure.Rules(
            structure,
            query,
            exclude,
            number -> idOf.apply(number) == null,
            settled,
            versions,
            profiles,
            number -> sequences.align(profile, profiles.get(number)),
            results,
            full,
            agreeing);
    rules.acceptAgreeing();
    rules.acceptStructureOnly();
    shareWithVersions(profile, results, versions, full);
    rules.shareByStructure();
    List<Found> found = new ArrayList<>();
    for (Int2ObjectMap.Entry<AlignmentResult> entry : results.int2ObjectEntrySet()) {
      AlignmentResult result = entry.getValue();
      int number = entry.getIntKey();
      if (CrossLanguageMatcher.reported(result.relation(), reportRelated)) {
        found.add(
            new Found(
                number,
                new CrossLanguageMatcher.AlignedPair(
                    id,
                    idOf.apply(number),
                    result.relation(),
                    result.score(),
                    result,
                    agreeing.contains(number))));
      }
    }
    return found;
  }

  /**
   * Whether a candidate ranked below the first {@value #CANDIDATES_PER_KIND} in other languages is
   * worth aligning: its paragraph structure agrees with the queried text's within {@link
   * CrossLanguageMatcher#SHAPE_DISTANCE}, the condition of the batch's deeper pass ({@link
   * CandidateSearch#deepenByShape}). Aligned unconditionally, such candidates were taken on the
   * aligner's thresholds alone where a scan would never have aligned them: of the 66 false
   * syndication pairs a query reported beyond the scan's, 27 were of that kind. With the condition,
   * true/false/missed pairs of xling into the first 20,000 bulk documents 2,674/60/324 →
   * 2,644/40/354 (into bulk documents 50,001-70,000: 2,686/63/312 → 2,655/35/343), xling alone
   * 2,840/100/158 → 2,838/91/160, syndication false pairs 138 → 125; and 18% less time for the
   * 20,000 bulk documents one at a time. Unlike the batch, a query asks for them even when its
   * first candidates hold a translation: in an archive they are versions in other languages.
   */
  private boolean deepCandidateAgrees(ParagraphShape queried, int number) {
    ParagraphShape shape = structure.shape(number);
    return shape != null && CandidateSearch.deepCandidateAgrees(queried, shape);
  }

  /**
   * The candidate's side of the margin and of exclusivity: the best score of the added documents in
   * the queried one's {@code language} that the candidate's own query brings (0 when none). A
   * version of the queried document (a copy the shingle stage found, {@code settled}, or a
   * rewording of the whole text) is not a rival, as in the batch ({@link Versions}).
   */
  private double bestRivalScore(
      int number,
      String language,
      int exclude,
      IntFunction<String> idOf,
      IntPredicate settled,
      QueryVersions versions,
      QuerySequences sequences) {
    EntityProfile candidate = profiles.get(number);
    double best = 0;
    for (EntityIndex.Candidate rival :
        index.queryLanguage(candidate, language, CANDIDATES_PER_KIND, number)) {
      int r = rival.document();
      if (r != exclude && idOf.apply(r) != null && !settled.test(r)) {
        double score = sequences.align(candidate, profiles.get(r)).score();
        if (score > best && !versions.ofQuery(r)) {
          best = score;
        }
      }
    }
    return best;
  }

  /**
   * The batch's {@link VersionSharing} from the queried side: a translation of one version of a
   * story is a translation of its other versions, so a candidate of the same version as a
   * translation found in its language is taken on the bar of triangle closing ({@link
   * TriangleClosing#meetsClosingBar}) and the length-ratio check. The versions compete for one
   * margin; the winner carries the others.
   */
  private void shareWithVersions(
      EntityProfile profile,
      Int2ObjectMap<AlignmentResult> results,
      QueryVersions versions,
      AlignmentThresholds full) {
    Map<String, IntArrayList> translations =
        byLanguage(results, profiles, IncrementalMatcher::isTranslation);
    if (translations.isEmpty()) {
      return;
    }
    List<Integer> shared = new ArrayList<>();
    for (Int2ObjectMap.Entry<AlignmentResult> entry : results.int2ObjectEntrySet()) {
      AlignmentResult result = entry.getValue();
      int number = entry.getIntKey();
      IntArrayList found = translations.get(profiles.get(number).language());
      if (found != null
          && result.crossLanguage()
          && result.relation() != Relation.TRANSLATION
          && TriangleClosing.meetsClosingBar(full, result)
          && Aligner.lengthRatio(profile, profiles.get(number)) <= full.maximumLengthRatio()
          && found.intStream().anyMatch(t -> versions.same(t, number))) {
        shared.add(number);
      }
    }
    for (int number : shared) {
      results.put(number, results.get(number).withRelation(Relation.TRANSLATION));
    }
  }

  /**
   * Per other language among the cross-language results: the number of the best-scored candidate
   * and of the runner-up, the best of another version (-1 when there is none). Ties go to the lower
   * number.
   */
  private Map<String, int[]> leadersByLanguage(
      Int2ObjectMap<AlignmentResult> results, QueryVersions versions) {
    Map<String, int[]> leaders = new HashMap<>();
    byLanguage(results, profiles, AlignmentResult::crossLanguage)
        .forEach(
            (language, numbers) -> {
              numbers.sort(
                  (x, y) -> {
                    int byScore = Double.compare(results.get(y).score(), results.get(x).score());
                    return byScore != 0 ? byScore : Integer.compare(x, y);
                  });
              int runnerUp = versions.runnerUp(numbers);
              leaders.put(
                  language,
                  new int[] {numbers.getInt(0), runnerUp < 0 ? -1 : numbers.getInt(runnerUp)});
            });
    return leaders;
  }

  /**
   * The numbers of the {@code results} that {@code kept} accepts, by their document's language, in
   * ascending order.
   */
  static Map<String, IntArrayList> byLanguage(
      Int2ObjectMap<AlignmentResult> results,
      List<EntityProfile> profiles,
      Predicate<AlignmentResult> kept) {
    Map<String, IntArrayList> numbers = new HashMap<>();
    for (Int2ObjectMap.Entry<AlignmentResult> entry : results.int2ObjectEntrySet()) {
      if (kept.test(entry.getValue())) {
        numbers
            .computeIfAbsent(profiles.get(entry.getIntKey()).language(), l -> new IntArrayList())
            .add(entry.getIntKey());
      }
    }
    return numbers;
  }

  /** Whether a result is a translation between two languages. */
  static boolean isTranslation(AlignmentResult result) {
    return result.crossLanguage() && result.relation() == Relation.TRANSLATION;
  }
}
