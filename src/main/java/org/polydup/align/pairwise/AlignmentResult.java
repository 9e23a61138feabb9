package org.polydup.align.pairwise;

import java.util.List;
import org.polydup.Relation;
import org.polydup.align.extract.EntityKind;

/**
 * The outcome of aligning two entity profiles. Immutable.
 *
 * @param relation {@link Relation#TRANSLATION}, {@link Relation#DERIVED}, {@link Relation#RELATED},
 *     or {@code null} when the texts are unrelated
 * @param score the headline score in [0, 1]: matched weight over the total weight of the lighter
 *     text (coverage of the shorter text)
 * @param coverageFirst matched weight over the first text's total weight, in [0, 1]
 * @param coverageSecond matched weight over the second text's total weight, in [0, 1]
 * @param density of the densest run of aligned pairs (the partial-copy passage): its matched weight
 *     over that plus the weight it skips, in [0, 1]; high when a passage is copied, low when shared
 *     names are scattered
 * @param matchedWeight sum of the IDF weights of the aligned pairs
 * @param crossLanguage whether anchors (not words) were aligned because the languages differ
 * @param evidence the aligned pairs in text order
 * @param partialCopy whether a dense run of the evidence passes the partial-copy thresholds on its
 *     own (a passage retold inside a longer text), whatever the relation says
 */
public record AlignmentResult(
    Relation relation,
    double score,
    double coverageFirst,
    double coverageSecond,
    double density,
    double matchedWeight,
    boolean crossLanguage,
    List<AlignedEntityPair> evidence,
    boolean partialCopy) {

  /** Copies the evidence list, unless it is the aligner's own immutable one. */
  public AlignmentResult {
    evidence = evidence instanceof AlignmentEvidence ? evidence : List.copyOf(evidence);
  }

  /**
   * Where the entity of one text in the {@code index}-th pair of {@link #evidence()} starts: {@code
   * evidence().get(index).first().start()} (or {@code second()}), without building the pair and its
   * entities. A batch checks where the evidence of every aligned pair lies, and shows the entities
   * of few.
   *
   * @param first the first text's entity (true) or the second's
   */
  public int evidenceStart(int index, boolean first) {
    if (evidence instanceof AlignmentEvidence aligned) {
      return aligned.start(index, first);
    }
    AlignedEntityPair pair = evidence.get(index);
    return (first ? pair.first() : pair.second()).start();
  }

  /** Where that entity ends (exclusive); see {@link #evidenceStart}. */
  public int evidenceEnd(int index, boolean first) {
    if (evidence instanceof AlignmentEvidence aligned) {
      return aligned.end(index, first);
    }
    AlignedEntityPair pair = evidence.get(index);
    return (first ? pair.first() : pair.second()).end();
  }

  /** The kind of that entity; see {@link #evidenceStart}. */
  public EntityKind evidenceKind(int index, boolean first) {
    if (evidence instanceof AlignmentEvidence aligned) {
      return aligned.kind(index, first);
    }
    AlignedEntityPair pair = evidence.get(index);
    return (first ? pair.first() : pair.second()).kind();
  }

  /**
   * The weight of the {@code index}-th pair of {@link #evidence()}, without building it; see {@link
   * #evidenceStart}.
   */
  public double evidenceWeight(int index) {
    return evidence instanceof AlignmentEvidence aligned
        ? aligned.weight(index)
        : evidence.get(index).weight();
  }

  /** This result with another relation (used when cluster evidence confirms a pair). */
  public AlignmentResult withRelation(Relation newRelation) {
    return with(newRelation, evidence);
  }

  private AlignmentResult with(Relation newRelation, List<AlignedEntityPair> newEvidence) {
    return new AlignmentResult(
        newRelation,
        score,
        coverageFirst,
        coverageSecond,
        density,
        matchedWeight,
        crossLanguage,
        newEvidence,
        partialCopy);
  }

  /** This result with its two texts exchanged: the coverages and each evidence pair's sides. */
  public AlignmentResult swapped() {
    List<AlignedEntityPair> turned;
    if (evidence instanceof AlignmentEvidence aligned) {
      turned = aligned.swapped();
    } else {
      turned =
          evidence.stream()
              .map(pair -> new AlignedEntityPair(pair.second(), pair.first(), pair.weight()))
              .toList();
    }
    return new AlignmentResult(
        relation,
        score,
        coverageSecond,
        coverageFirst,
        density,
        matchedWeight,
        crossLanguage,
        turned,
        partialCopy);
  }

  /** Whether the relation says "copy" (translation or derived), as opposed to related or none. */
  public boolean isCopy() {
    return relation == Relation.TRANSLATION || relation == Relation.DERIVED;
  }
}
