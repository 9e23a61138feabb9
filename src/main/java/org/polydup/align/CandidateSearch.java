package org.polydup.align;

import static org.polydup.align.CrossLanguageMatcher.SHAPE_DISTANCE;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.polydup.Relation;
import org.polydup.align.CrossLanguageMatcher.PairFilter;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.align.pairwise.KeyStatistics;
import org.polydup.align.structure.ParagraphShape;

/**
 * Which pairs of a batch are aligned at all: each document's best candidates through an {@link
 * EntityIndex}, per kind (other language, same language), then ({@link #deepenByShape}) deeper
 * candidates in other languages, chosen by paragraph structure, for the documents with paragraphs
 * that the first pass found no translation for. Pairs the caller settled are not aligned; those of
 * them in one language that are whole-text copies are kept for {@link Versions} ({@link
 * #wholeCopies}). One instance per batch.
 */
final class CandidateSearch {
  /**
   * Depth of the second, structure-chosen candidate pass ({@link #deepenByShape}): a document with
   * no translation after the first pass and at least {@value ShapeComparison#SHAPE_PARAGRAPHS}
   * paragraphs takes its best {@value} candidates in other languages (the first pass ranks that
   * deep for every document with the paragraphs, and aligns the first {@code
   * candidatesPerDocument}), and aligns those not yet aligned whose paragraph structure is {@link
   * ShapeComparison#comparable} and agrees (distance at most {@link
   * CrossLanguageMatcher#SHAPE_DISTANCE}, checked before the entity alignment). A chat or review
   * ranks its translation low among texts sharing its one or two names; the structure picks it out.
   *
   * <p>Through the scan on xling (true/false pairs, all / even / odd halves by the parity of the
   * cluster's order of first appearance): off 2,439/83 / 1,268/20 / 1,189/42; 16: 2,460/83 /
   * 1,277/20 / 1,196/42; 24: 2,467/83 / 1,280/20 / 1,199/42; 32: 2,476/83 (F1 0.891, recall@1
   * 0.939) / 1,283/20 / 1,203/42; 48: 2,486/83 / 1,287/20 / 1,207/42; 64: 2,493/83 / 1,288/20 /
   * 1,213/42; 96: 2,499/83; 128: 2,500/84 (the first new false pair). Syndication false positives
   * 96 at 0 (off), 32 and 64; rewrites 8,772/565 and seeds 10/10 unchanged at 32. On the first
   * 20,000 bulk documents (bench, 2 threads, runs alternated with main's jar) pairs 51,833 ->
   * 52,564 at 32 (53,396 at 64); scan CPU at 32 46.6 s, mean of 7 runs, against 45.8 s of 10
   * (+1.8%; run-to-run spread 42.6-52.2 s, adjacent pairs of runs -4% to +10%), seconds in the
   * cross-language stage 21.4 against 20.9; at 64 50.2 s of 6 (+10%). 32 rather than the plateau
   * from 64 (halves +0/+1 from 64 to 96): the cost. The extra bulk pairs are unlabelled.
   */
  static final int DEEP_CANDIDATES = 32;

  private final MatchBatch batch;
  private final int candidatesPerDocument;
  private final int deepCandidates;

  /**
   * The other-language candidates of the deeper pass, kept from the first pass's ranking for the
   * documents that may ask for them (see {@link #deepenByShape}): ranking again cost as much again.
   */
  private final int[][] deeper;

  /**
   * Settled candidate pairs that are whole-text copies: one version of a story (see {@link
   * Versions}).
   */
  private final Set<Long> wholeCopies = ConcurrentHashMap.newKeySet();

  /**
   * A search over {@code batch}.
   *
   * @param candidatesPerDocument candidates aligned per document and per kind
   * @param deepCandidates depth of the deeper pass; {@code <= candidatesPerDocument} turns it off
   */
  CandidateSearch(MatchBatch batch, int candidatesPerDocument, int deepCandidates) {
    this.batch = batch;
    this.candidatesPerDocument = candidatesPerDocument;
    this.deepCandidates = deepCandidates;
    this.deeper = new int[batch.size()][];
  }

  /**
   * The first pass: indexes the batch's profiles, and aligns each document with its best {@code
   * candidatesPerDocument} candidates per kind.
   *
   * @param statistics the batch's key weights
   */
  void alignCandidates(KeyStatistics statistics) {
    EntityProfile[] profiles = batch.profiles;
    ParagraphShape[] shapes = batch.shapes;
    PairMap<AlignmentResult> aligned = batch.aligned;
    PairFilter settled = batch.settled;
    EntityIndex index =
        new EntityIndex(statistics, CrossLanguageMatcher.maximumPostings(profiles.length));
    // Every document queries once with its own profile below: the index keeps its keys for that.
    index.addAll(profiles, true);
    IntStream.range(0, profiles.length)
        .parallel()
        .forEach(
            i -> {
              boolean mayDeepen = mayDeepen(shapes[i]);
              EntityIndex.Candidates found =
                  index.query(
                      profiles[i],
                      mayDeepen ? deepCandidates : candidatesPerDocument,
                      candidatesPerDocument,
                      i);
              List<EntityIndex.Candidate> others = found.otherLanguages();
              if (mayDeepen) {
                deeper[i] = others.stream().mapToInt(EntityIndex.Candidate::document).toArray();
              }
              List<EntityIndex.Candidate> candidates =
                  new ArrayList<>(
                      others.subList(0, Math.min(candidatesPerDocument, others.size())));
              candidates.addAll(found.sameLanguage());
              for (EntityIndex.Candidate candidate : candidates) {
                int low = Math.min(i, candidate.document());
                int high = Math.max(i, candidate.document());
                if (settled.settled(low, high)) {
                  if (profiles[low].language().equals(profiles[high].language())
                      && settled.wholeCopy(low, high)) {
                    wholeCopies.add(MatchBatch.pairKey(low, high));
                  }
                  continue;
                }
                aligned.computeIfAbsent(MatchBatch.pairKey(low, high), k -> batch.align(low, high));
              }
            });
  }

  /**
   * Deeper candidates for documents the first pass found no translation for; see {@link
   * #DEEP_CANDIDATES}. Deterministic: which documents ask depends on the first pass alone, and each
   * pair is aligned at most once, whichever side finds it.
   */
  void deepenByShape() {
    if (deepCandidates <= candidatesPerDocument) {
      return;
    }
    EntityProfile[] profiles = batch.profiles;
    ParagraphShape[] shapes = batch.shapes;
    PairMap<AlignmentResult> aligned = batch.aligned;
    PairFilter settled = batch.settled;
    BitSet translated = new BitSet(profiles.length);
    for (Map.Entry<Long, AlignmentResult> entry : aligned.entrySet()) {
      if (entry.getValue().crossLanguage() && entry.getValue().relation() == Relation.TRANSLATION) {
        translated.set((int) (entry.getKey() >>> 32));
        translated.set((int) (long) entry.getKey());
      }
    }
    IntStream.range(0, profiles.length)
        .parallel()
        .filter(i -> !translated.get(i) && mayDeepen(shapes[i]))
        .forEach(
            i -> {
              for (int other : deeper[i]) {
                int low = Math.min(i, other);
                int high = Math.max(i, other);
                if (aligned.containsKey(MatchBatch.pairKey(low, high))
                    || !deepCandidateAgrees(shapes[i], shapes[other])
                    || settled.settled(low, high)) {
                  continue;
                }
                aligned.computeIfAbsent(MatchBatch.pairKey(low, high), k -> batch.align(low, high));
              }
            });
  }

  /**
   * Whether a deeper candidate is worth aligning: its paragraph structure and the asking document's
   * are comparable and agree within {@link CrossLanguageMatcher#SHAPE_DISTANCE}. The batch's deeper
   * pass asks it ({@link #deepenByShape}), and a query of its candidates past the first few ({@link
   * IncrementalMatcher}).
   */
  static boolean deepCandidateAgrees(ParagraphShape asking, ParagraphShape candidate) {
    return ShapeComparison.comparable(asking, candidate)
        && asking.distance(candidate, SHAPE_DISTANCE) <= SHAPE_DISTANCE;
  }

  /**
   * The settled candidate pairs in one language that are whole-text copies ({@link
   * PairFilter#wholeCopy}), by {@link MatchBatch#pairKey}; complete after {@link #alignCandidates}.
   */
  Set<Long> wholeCopies() {
    return wholeCopies;
  }

  /**
   * Whether a document may ask for the deeper candidates of {@link #deepenByShape}: it has the
   * paragraphs a structure needs, and the matcher looks deeper than its first pass.
   */
  private boolean mayDeepen(ParagraphShape shape) {
    return deepCandidates > candidatesPerDocument
        && shape.paragraphs() >= ShapeComparison.SHAPE_PARAGRAPHS;
  }
}
