package org.polydup.align;

import it.unimi.dsi.fastutil.ints.Int2ObjectMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.polydup.Relation;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.pairwise.Aligner;
import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.align.pairwise.AlignmentThresholds;
import org.polydup.align.structure.GrowingStructureIndex;
import org.polydup.align.structure.ParagraphShape;

/**
 * The batch's structure rules in the form a query can apply ({@link IncrementalMatcher}): paragraph
 * structures of the added documents, and a {@link GrowingStructureIndex} over them.
 *
 * <ul>
 *   <li>{@link Rules#acceptAgreeing}, the structure arm of {@link MutualBest} with {@link
 *       ShapeAgreements}: among the queried document's aligned candidates in one language, the one
 *       whose structure is closest, within {@link CrossLanguageMatcher#SHAPE_DISTANCE} and with no
 *       other within it under Gale and Church's prior, whose anchors lie in corresponding
 *       paragraphs, agrees; with a little entity evidence ({@link
 *       MutualBest#enoughBesideStructure}) it is a translation. Whether the candidate's structure
 *       is also closest to the queried one among the candidate's own aligned candidates is not
 *       known to a query; that side is left out, as for the entity margin.
 *   <li>{@link Rules#acceptStructureOnly}, {@link StructureRule}: texts of {@value
 *       StructureRule#STRUCTURE_ONLY_PARAGRAPHS} or more paragraphs that share no name, found
 *       through the structure index, taken when each is the other's closest structure by {@link
 *       StructureRule#STRUCTURE_MARGIN} among the added texts. Both sides are checked here: the
 *       candidate's rivals in the queried document's language come from the same index. What a
 *       query cannot see is whether the candidate has a translation in that language already.
 *   <li>{@link Rules#shareByStructure}, the structure's part of {@link VersionSharing}: where the
 *       queried document has a translation, the other versions of that translation whose structures
 *       agree with the queried one's as closely are translations too.
 * </ul>
 *
 * <p>In the first two, a text of the same version as the leader (or, among the candidate's rivals,
 * as the queried text) is no rival ({@link QueryVersions}), as in the batch: an archive may hold a
 * story in several versions per language.
 *
 * <p>Threads as {@link IncrementalMatcher}: the queries may run concurrently, not with {@link
 * #add}.
 */
final class QueryStructure {
  private final List<ParagraphShape> shapes = new ArrayList<>();
  private final GrowingStructureIndex index =
      new GrowingStructureIndex(StructureRule.STRUCTURE_ONLY_PARAGRAPHS);

  /** Adds the structure of the next document (numbered in order of addition, as the caller). */
  void add(ParagraphShape shape) {
    index.add(shapes.size(), shape);
    shapes.add(shape);
  }

  /** The structure of added document {@code number} ({@code null} once removed). */
  ParagraphShape shape(int number) {
    return shapes.get(number);
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
   * The rules above for one query: the queried document, the added documents it is judged against,
   * and the results the rules read and extend. Applied in the order {@link #acceptAgreeing}, {@link
   * #acceptStructureOnly}, {@link #shareByStructure}.
   */
  static final class Rules {
    private final QueryStructure structure;
    private final IncrementalMatcher.Profile query;
    private final int exclude;
    private final IntPredicate removed;
    private final IntPredicate settled;
    private final QueryVersions versions;
    private final List<EntityProfile> profiles;
    private final IntFunction<AlignmentResult> aligner;
    private final Int2ObjectMap<AlignmentResult> results;
    private final AlignmentThresholds thresholds;
    private final IntOpenHashSet agreeing;

    /**
     * The rules for one query.
     *
     * @param structure the added documents' structures and their index
     * @param query the queried document
     * @param exclude an added document to leave out (the queried one), or -1
     * @param removed whether an added document was removed
     * @param settled whether a document's pair with the queried one is decided already
     * @param versions which added documents are one version, for this query
     * @param profiles the added documents' entities, by number
     * @param aligner aligns the queried document with an added one that no candidate brought
     * @param results per candidate number, its alignment with the queried document (first); the
     *     rules add translations to it
     * @param thresholds the aligner's thresholds
     * @param agreeing receives the numbers whose structure agrees with the queried one's
     */
    Rules(
        QueryStructure structure,
        IncrementalMatcher.Profile query,
        int exclude,
        IntPredicate removed,
        IntPredicate settled,
        QueryVersions versions,
        List<EntityProfile> profiles,
        IntFunction<AlignmentResult> aligner,
        Int2ObjectMap<AlignmentResult> results,
        AlignmentThresholds thresholds,
        IntOpenHashSet agreeing) {
      this.structure = structure;
      this.query = query;
      this.exclude = exclude;
      this.removed = removed;
      this.settled = settled;
      this.versions = versions;
      this.profiles = profiles;
      this.aligner = aligner;
      this.results = results;
      this.thresholds = thresholds;
      this.agreeing = agreeing;
    }

    /**
     * The structure arm: marks translations among the queried document's cross-language {@code
     * results} whose structures agree, and adds to {@code agreeing} every candidate whose structure
     * agrees, copy or not (a translation's span checks read it: {@link
     * CrossLanguageMatcher.AlignedPair#shapeAgrees}).
     */
    void acceptAgreeing() {
      // Per other language: every comparable candidate's distances, the closest first.
      Map<String, List<Offer>> byLanguage = new HashMap<>();
      for (Int2ObjectMap.Entry<AlignmentResult> entry : results.int2ObjectEntrySet()) {
        int number = entry.getIntKey();
        ParagraphShape other = structure.shapes.get(number);
        if (!entry.getValue().crossLanguage()
            || !ShapeComparison.comparable(query.shape(), other)) {
          continue;
        }
        ParagraphShape.AlignedDistances distances =
            query.shape().alignedDistances(other, CrossLanguageMatcher.SHAPE_DISTANCE);
        if (!Double.isNaN(distances.distances().distance())) {
          byLanguage
              .computeIfAbsent(profiles.get(number).language(), language -> new ArrayList<>())
              .add(new Offer(number, distances.distances().distance(), distances));
        }
      }
      for (List<Offer> offers : byLanguage.values()) {
        offers.sort(Offer.CLOSEST_FIRST);
        Offer leader = offers.get(0);
        if (!(leader.distance <= CrossLanguageMatcher.SHAPE_DISTANCE)
            || anotherVersionWithin(offers, leader, versions)) {
          continue;
        }
        AlignmentResult result = results.get(leader.number);
        if (result.evidence().isEmpty()
            || !ShapeComparison.anchorsCorrespond(
                query.shape(),
                structure.shapes.get(leader.number),
                result,
                leader.aligned.alignment())) {
          continue;
        }
        agreeing.add(leader.number);
        if (!result.isCopy()
            && MutualBest.enoughBesideStructure(result)
            && Aligner.lengthRatio(query.entities(), profiles.get(leader.number))
                <= thresholds.maximumLengthRatio()) {
          results.put(leader.number, result.withRelation(Relation.TRANSLATION));
        }
      }
    }

    /**
     * The structure-only rule: adds to {@code results} (as translations) and to {@code agreeing}
     * the added documents in languages where the queried one has no translation yet whose structure
     * is each other's closest by the margin.
     */
    void acceptStructureOnly() {
      ParagraphShape shape = query.shape();
      String language = query.entities().language();
      if (shape.paragraphs() < StructureRule.STRUCTURE_ONLY_PARAGRAPHS) {
        return;
      }
      // Languages where the queried document has a translation already: one version each.
      Set<String> translated =
          IncrementalMatcher.byLanguage(results, profiles, IncrementalMatcher::isTranslation)
              .keySet();
      double bound = StructureRule.STRUCTURE_MARGIN * StructureRule.STRUCTURE_ONLY_DISTANCE;
      Map<String, List<Offer>> byLanguage = new HashMap<>();
      for (int number : structure.index.candidates(shape)) {
        String other = profiles.get(number).language();
        if (number == exclude
            || removed.test(number)
            || other.equals(language)
            || translated.contains(other)
            || !ShapeComparison.comparable(shape, structure.shapes.get(number))) {
          continue;
        }
        double distance = shape.distance(structure.shapes.get(number), bound);
        if (distance < Double.POSITIVE_INFINITY) {
          byLanguage
              .computeIfAbsent(other, l -> new ArrayList<>())
              .add(new Offer(number, distance, null));
        }
      }
      for (List<Offer> offers : byLanguage.values()) {
        offers.sort(Offer.CLOSEST_FIRST);
        int number = offers.get(0).number;
        double distance = offers.get(0).distance;
        // The runner-up is the closest of another version than the leader's.
        IntArrayList ranked = new IntArrayList();
        offers.forEach(offer -> ranked.add(offer.number));
        int runnerUp = versions.runnerUp(ranked);
        double second = runnerUp < 0 ? Double.POSITIVE_INFINITY : offers.get(runnerUp).distance;
        if (!(distance <= StructureRule.STRUCTURE_ONLY_DISTANCE)
            || second < StructureRule.STRUCTURE_MARGIN * distance
            || settled.test(number)
            || !lengthAndFiguresAgree(number)
            || !structure.closestFromItsSide(
                number, distance, language, exclude, removed, settled, versions, profiles)) {
          continue;
        }
        AlignmentResult result = results.get(number);
        acceptUnlessNamesDisagree(number, result == null ? aligner.apply(number) : result);
      }
    }

    /**
     * Versions by structure: in each language where the queried document has a translation already,
     * an added text whose paragraph structure lies within {@link
     * StructureRule#STRUCTURE_ONLY_DISTANCE} of the queried one's and that is one version of such a
     * translation ({@link QueryVersions#same}) is a translation too, with the structure-only rule's
     * checks (length ratio, figures, names in corresponding paragraphs). It adds them to {@code
     * results} and {@code agreeing}.
     *
     * <p>Why: in an archive holding a story in several versions per language (machine translations
     * of one source), a query's entity candidates and its structure-only rule each take one version
     * per language, and the others are no candidates at all: they rank below the versions of the
     * story in other languages, and chats and shop pages name too little to rank well. The batch
     * finds them from their own side ({@link StructureRule}, {@link VersionSharing}), which a query
     * cannot; a version whose structure agrees with the queried text as closely as the translation
     * found is the same evidence seen once more.
     */
    void shareByStructure() {
      ParagraphShape shape = query.shape();
      if (shape.paragraphs() < StructureRule.STRUCTURE_ONLY_PARAGRAPHS) {
        return;
      }
      Map<String, IntArrayList> translations =
          IncrementalMatcher.byLanguage(results, profiles, IncrementalMatcher::isTranslation);
      if (translations.isEmpty()) {
        return;
      }
      IntArrayList versionsFound = new IntArrayList();
      for (int number : structure.index.candidates(shape)) {
        IntArrayList found = translations.get(profiles.get(number).language());
        if (found == null
            || number == exclude
            || removed.test(number)
            || settled.test(number)
            || results.containsKey(number)
            || !ShapeComparison.comparable(shape, structure.shapes.get(number))
            || !(shape.distance(structure.shapes.get(number), StructureRule.STRUCTURE_ONLY_DISTANCE)
                <= StructureRule.STRUCTURE_ONLY_DISTANCE)
            || !lengthAndFiguresAgree(number)
            || found.intStream().noneMatch(t -> versions.same(t, number))) {
          continue;
        }
        versionsFound.add(number);
      }
      // Accepted after the loop: a version taken must not count as a translation found for the
      // next candidates, or one text's acceptance would depend on the order of the index's buckets.
      for (int number : versionsFound) {
        acceptUnlessNamesDisagree(number, aligner.apply(number));
      }
    }

    /**
     * The checks of a pair found by its structure alone, on the entities: the two texts are about
     * as long ({@link Aligner#lengthRatio}) and their figures agree ({@link Figures#agree}).
     */
    private boolean lengthAndFiguresAgree(int number) {
      return Aligner.lengthRatio(query.entities(), profiles.get(number))
              <= thresholds.maximumLengthRatio()
          && Figures.agree(query.entities(), profiles.get(number));
    }

    /**
     * Takes added document {@code number}, found by its structure, as a translation (and as
     * agreeing), unless the names it shares with the queried text, {@code result}'s evidence, lie
     * in paragraphs the structure alignment does not pair up; a pair sharing none passes.
     */
    private void acceptUnlessNamesDisagree(int number, AlignmentResult result) {
      if (result.evidence().isEmpty()
          || ShapeComparison.anchorsCorrespond(
              query.shape(), structure.shapes.get(number), result, null)) {
        results.put(number, result.withRelation(Relation.TRANSLATION));
        agreeing.add(number);
      }
    }
  }

  /**
   * Whether a text of another version than the leader's lies within {@link
   * CrossLanguageMatcher#SHAPE_DISTANCE} under Gale and Church's prior: a rival the structure arm
   * must not have.
   */
  private static boolean anotherVersionWithin(
      List<Offer> offers, Offer leader, QueryVersions versions) {
    for (Offer offer : offers) {
      if (offer != leader
          && offer.aligned.distances().galeChurch() <= CrossLanguageMatcher.SHAPE_DISTANCE
          && !versions.same(leader.number, offer.number)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether no added text in {@code language} other than the queried one lies within the margin of
   * {@code distance} of document {@code number}'s structure. A version of the queried text (a copy,
   * {@code settled}, or a rewording of the whole text) is not a rival.
   */
  private boolean closestFromItsSide(
      int number,
      double distance,
      String language,
      int exclude,
      IntPredicate removed,
      IntPredicate settled,
      QueryVersions versions,
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
          && shape.distance(shapes.get(rival), bound) < bound
          && !versions.ofQuery(rival)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A candidate's structure distance from the queried text, and for the structure arm both
   * distances with the structure alignment.
   */
  private record Offer(int number, double distance, ParagraphShape.AlignedDistances aligned) {
    /** Closest first; ties to the lower number, so the order of offers does not matter. */
    static final Comparator<Offer> CLOSEST_FIRST =
        Comparator.comparingDouble(Offer::distance).thenComparingInt(Offer::number);
  }
}
