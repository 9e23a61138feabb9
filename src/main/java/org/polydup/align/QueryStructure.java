package org.polydup.align;

import it.unimi.dsi.fastutil.ints.Int2ObjectMap;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.polydup.Relation;

/**
 * The batch's two structure rules in the form a query can apply ({@link IncrementalMatcher}):
 * paragraph structures of the added documents, and a {@link GrowingStructureIndex} over them.
 *
 * <ul>
 *   <li>{@link #acceptAgreeing}, the structure arm of {@link MutualBest} with {@link
 *       ShapeAgreements}: among the queried document's aligned candidates in one language, the one
 *       whose structure is closest, within {@link CrossLanguageMatcher#SHAPE_DISTANCE} and with no
 *       other within it under Gale and Church's prior, whose anchors lie in corresponding
 *       paragraphs, agrees; with a little entity evidence ({@link
 *       MutualBest#enoughBesideStructure}) it is a translation. Whether the candidate's structure
 *       is also closest to the queried one among the candidate's own aligned candidates is not
 *       known to a query; that side is left out, as for the entity margin.
 *   <li>{@link #acceptStructureOnly}, {@link StructureRule}: texts of {@value
 *       StructureRule#STRUCTURE_ONLY_PARAGRAPHS} or more paragraphs that share no name, found
 *       through the structure index, taken when each is the other's closest structure by {@link
 *       StructureRule#STRUCTURE_MARGIN} among the added texts. Both sides are checked here: the
 *       candidate's rivals in the queried document's language come from the same index. What a
 *       query cannot see is whether the candidate has a translation in that language already, and
 *       which texts are versions of one another (the batch's {@link Versions}) beyond the queried
 *       text's own copies, so a second version of the queried text's partner counts as a rival.
 * </ul>
 *
 * Threads as {@link IncrementalMatcher}: the queries may run concurrently, not with {@link #add}.
 */
final class QueryStructure {
  private final List<ParagraphShape> shapes = new ArrayList<>();
  private final GrowingStructureIndex index = new GrowingStructureIndex();

  /** Adds the structure of the next document (numbered in order of addition, as the caller). */
  void add(ParagraphShape shape) {
    index.add(shapes.size(), shape);
    shapes.add(shape);
  }

  /** Forgets an added document's structure: it is no candidate and no rival any more. */
  void remove(int number) {
    ParagraphShape shape = shapes.get(number);
    if (shape != null) {
      index.remove(number, shape);
      shapes.set(number, null);
    }
  }

  /**
   * The structure arm: marks translations among the queried document's cross-language {@code
   * results} whose structures agree, and adds to {@code agreeing} every candidate whose structure
   * agrees, copy or not (a translation's span checks read it: {@link
   * CrossLanguageMatcher.AlignedPair#shapeAgrees}).
   *
   * @param query the queried document
   * @param profiles the added documents' entities, by number
   * @param results per candidate number, its alignment with the queried document (first)
   */
  void acceptAgreeing(
      IncrementalMatcher.Profile query,
      List<EntityProfile> profiles,
      Int2ObjectMap<AlignmentResult> results,
      AlignmentThresholds thresholds,
      IntOpenHashSet agreeing) {
    // Per other language: the closest structure, and how many lie within the bar by Gale-Church.
    Map<String, Closest> closest = new HashMap<>();
    for (Int2ObjectMap.Entry<AlignmentResult> entry : results.int2ObjectEntrySet()) {
      int number = entry.getIntKey();
      ParagraphShape other = shapes.get(number);
      if (!entry.getValue().crossLanguage() || !ShapeComparison.comparable(query.shape(), other)) {
        continue;
      }
      ParagraphShape.AlignedDistances distances =
          query.shape().alignedDistances(other, CrossLanguageMatcher.SHAPE_DISTANCE);
      closest
          .computeIfAbsent(profiles.get(number).language(), language -> new Closest())
          .offer(number, distances);
    }
    for (Closest language : closest.values()) {
      if (language.number < 0
          || !(language.distance <= CrossLanguageMatcher.SHAPE_DISTANCE)
          || language.strictWithin > (language.strictLeads ? 1 : 0)) {
        continue;
      }
      AlignmentResult result = results.get(language.number);
      if (result.evidence().isEmpty()
          || !ShapeComparison.anchorsCorrespond(
              query.shape(), shapes.get(language.number), result, language.alignment)) {
        continue;
      }
      agreeing.add(language.number);
      if (!result.isCopy()
          && MutualBest.enoughBesideStructure(result)
          && Aligner.lengthRatio(query.entities(), profiles.get(language.number))
              <= thresholds.maximumLengthRatio()) {
        results.put(language.number, result.withRelation(Relation.TRANSLATION));
      }
    }
  }

  /**
   * The structure-only rule: adds to {@code results} (as translations) and to {@code agreeing} the
   * added documents in languages where the queried one has no translation yet whose structure is
   * each other's closest by the margin.
   *
   * @param query the queried document
   * @param exclude an added document to leave out (the queried one), or -1
   * @param removed whether an added document was removed
   * @param settled whether a document's pair with the queried one is decided already
   * @param aligner aligns a pair when no entity candidate brought it
   */
  void acceptStructureOnly(
      IncrementalMatcher.Profile query,
      int exclude,
      IntPredicate removed,
      IntPredicate settled,
      List<EntityProfile> profiles,
      IntFunction<AlignmentResult> aligner,
      Int2ObjectMap<AlignmentResult> results,
      AlignmentThresholds thresholds,
      IntOpenHashSet agreeing) {
    ParagraphShape shape = query.shape();
    String language = query.entities().language();
    if (shape.paragraphs() < StructureRule.STRUCTURE_ONLY_PARAGRAPHS) {
      return;
    }
    // Languages where the queried document has a translation already: one version each.
    Map<String, Boolean> translated = new HashMap<>();
    for (Int2ObjectMap.Entry<AlignmentResult> entry : results.int2ObjectEntrySet()) {
      if (entry.getValue().crossLanguage() && entry.getValue().relation() == Relation.TRANSLATION) {
        translated.put(profiles.get(entry.getIntKey()).language(), true);
      }
    }
    double bound = StructureRule.STRUCTURE_MARGIN * StructureRule.STRUCTURE_ONLY_DISTANCE;
    Map<String, Closest> closest = new HashMap<>();
    for (int number : index.candidates(shape)) {
      String other = profiles.get(number).language();
      if (number == exclude
          || removed.test(number)
          || other.equals(language)
          || translated.containsKey(other)
          || !ShapeComparison.comparable(shape, shapes.get(number))) {
        continue;
      }
      closest
          .computeIfAbsent(other, l -> new Closest())
          .offer(number, shape.distance(shapes.get(number), bound));
    }
    for (Closest rivals : closest.values()) {
      int number = rivals.number;
      double distance = rivals.distance;
      if (number < 0
          || !(distance <= StructureRule.STRUCTURE_ONLY_DISTANCE)
          || rivals.second < StructureRule.STRUCTURE_MARGIN * distance
          || settled.test(number)
          || Aligner.lengthRatio(query.entities(), profiles.get(number))
              > thresholds.maximumLengthRatio()
          || !Figures.agree(query.entities(), profiles.get(number))
          || !closestFromItsSide(number, distance, language, exclude, removed, settled, profiles)) {
        continue;
      }
      AlignmentResult result = results.get(number);
      if (result == null) {
        result = aligner.apply(number);
      }
      if (!result.evidence().isEmpty()
          && !ShapeComparison.anchorsCorrespond(shape, shapes.get(number), result, null)) {
        continue;
      }
      results.put(number, result.withRelation(Relation.TRANSLATION));
      agreeing.add(number);
    }
  }

  /**
   * Whether no added text in {@code language} other than the queried one lies within the margin of
   * {@code distance} of document {@code number}'s structure. A copy of the queried text ({@code
   * settled}) is the same version, not a rival.
   */
  private boolean closestFromItsSide(
      int number,
      double distance,
      String language,
      int exclude,
      IntPredicate removed,
      IntPredicate settled,
      List<EntityProfile> profiles) {
    ParagraphShape shape = shapes.get(number);
    double bound = StructureRule.STRUCTURE_MARGIN * distance;
    for (int rival : index.candidates(shape)) {
      if (rival != number
          && rival != exclude
          && !removed.test(rival)
          && !settled.test(rival)
          && profiles.get(rival).language().equals(language)
          && ShapeComparison.comparable(shape, shapes.get(rival))
          && shape.distance(shapes.get(rival), bound) < bound) {
        return false;
      }
    }
    return true;
  }

  /**
   * The closest structure offered for one language, its number (ties to the lower number, so the
   * order of offers does not matter), the second closest distance, and the Gale–Church side.
   */
  private static final class Closest {
    int number = -1;
    double distance = Double.POSITIVE_INFINITY;
    double second = Double.POSITIVE_INFINITY;
    ParagraphShape.Alignment alignment;
    int strictWithin;
    boolean strictLeads;

    void offer(int candidate, double offered) {
      if (offered < distance || (offered == distance && candidate < number)) {
        second = distance;
        distance = offered;
        number = candidate;
      } else if (offered < second) {
        second = offered;
      }
    }

    void offer(int candidate, ParagraphShape.AlignedDistances offered) {
      offer(candidate, offered.distances().distance());
      if (number == candidate) {
        alignment = offered.alignment(); // each candidate is offered once
      }
      if (offered.distances().galeChurch() <= CrossLanguageMatcher.SHAPE_DISTANCE) {
        strictWithin++;
      }
      // Whether the leader is itself within the bar by Gale-Church: it is then not its own rival.
      strictLeads =
          number == candidate
              ? offered.distances().galeChurch() <= CrossLanguageMatcher.SHAPE_DISTANCE
              : strictLeads;
    }
  }
}
