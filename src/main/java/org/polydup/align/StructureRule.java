package org.polydup.align;

import static org.polydup.align.MatchBatch.bestKey;

import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;
import java.util.Map;
import org.polydup.Relation;
import org.polydup.align.CrossLanguageMatcher.PairFilter;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.pairwise.Aligner;
import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.align.pairwise.AlignmentThresholds;
import org.polydup.align.structure.ParagraphShape;
import org.polydup.align.structure.StructureIndex;

/**
 * The structure-only rule: pairs no shared name made candidates, found by their paragraph structure
 * alone ({@link StructureIndex}). Of two documents in different languages, each with {@value
 * #STRUCTURE_ONLY_PARAGRAPHS} paragraphs or more and neither with a translation in the other's
 * language yet, the pair is taken as a translation when their structure distance ({@link
 * ParagraphShape#distance}, which prices merged paragraphs) is at most {@value
 * #STRUCTURE_ONLY_DISTANCE}, each is the other's closest structure among the candidates in that
 * language, and the second closest of each lies {@value #STRUCTURE_MARGIN} times further away. The
 * candidates include texts one merged paragraph apart ({@link StructureIndex}), so a translation
 * that merged or split a paragraph is found as well as one that kept them all. Chats, forum posts
 * and reviews name nothing, but a translation keeps their turns and their lengths; the margin, not
 * an absolute bar, is what keeps chance agreements out, the way bitext mining scores a sentence
 * pair against each side's nearest neighbours (Artetxe and Schwenk, "Margin-based parallel corpus
 * mining with multilingual sentence embeddings", ACL 2019).
 */
final class StructureRule {
  /**
   * Paragraphs each text needs before its structure alone may make a pair a translation ({@link
   * #accept}): with fewer, too many unrelated texts share a structure by chance.
   */
  static final int STRUCTURE_ONLY_PARAGRAPHS = 8;

  /**
   * How much closer than any rival a pair's structures must be for {@link #accept}: each document's
   * second-closest candidate in the other's language lies at least this many times further away by
   * {@link ParagraphShape#distance}. That distance, unlike the share vector's, prices a merged or
   * split paragraph rather than ruling the pair out, so a translation that merged paragraphs still
   * ranks first. Its floor is the cost of identical shapes (0.117), so no resolution below which
   * two distances count as equal is needed. Offline over all xling pairs of texts with 8 or more
   * paragraphs (each the other's closest, no other checks), true/false pairs at margin 1.5 / 1.75 /
   * 2.0: 2,285/3 / 1,978/0 / 1,590/0, and with 10% of line breaks merged ({@code PerturbedSet
   * --merge 0.1 --seed 1}) 806/12 / - / 364/3, against 2,317/56 and 176/87 by the share distance at
   * margin 2. Through the scan (with {@link #STRUCTURE_ONLY_DISTANCE} 1.1), xling true/false pairs
   * at 1.35 / 1.5 / 2.0: 2,855/92 / 2,839/84 / 2,744/77, merged seed 1 2,506/105 / 2,483/87 /
   * 2,405/81.
   */
  static final double STRUCTURE_MARGIN = 1.5;

  /**
   * Structure distance ({@link ParagraphShape#distance}) at and below which {@link #accept} may
   * take a pair; the margin, not this bar, is what keeps chance agreements out. Above {@link
   * CrossLanguageMatcher#SHAPE_DISTANCE} because each merged or split paragraph adds 2.19 nats to
   * the cost: of xling's gold pairs of texts with 8 or more paragraphs, 1,359 of 1,410 lie within
   * 0.9, but with 10% of line breaks merged only 606 of 1,286 (201 more between 1.0 and 1.2). Swept
   * through the scan at 0.9 / 1.1 / 1.3, xling true/false pairs 2,811/81 / 2,839/84 / 2,840/84,
   * merged seed 1 2,446/85 / 2,483/87 / 2,488/87: 1.1, where the gain levels off.
   */
  static final double STRUCTURE_ONLY_DISTANCE = 1.1;

  /** A candidate's distance that {@link #accept}'s first pass left unpriced. */
  private static final double UNPRICED = -1;

  private StructureRule() {}

  /**
   * Takes as translations the pairs of {@code batch} that this rule finds.
   *
   * @param versions each document's version ({@link Versions#of}): a rival is a text of another
   *     version
   * @return the keys of the pairs it took
   */
  static long[] accept(MatchBatch batch, int[] versions) {
    EntityProfile[] profiles = batch.profiles;
    ParagraphShape[] shapes = batch.shapes;
    PairMap<AlignmentResult> aligned = batch.aligned;
    PairFilter settled = batch.settled;
    int[] language = batch.languageNumbers();
    // The (document, other language) slots that have a translation already: one version each.
    LongOpenHashSet translated = new LongOpenHashSet();
    for (Map.Entry<Long, AlignmentResult> entry : aligned.entrySet()) {
      AlignmentResult result = entry.getValue();
      if (result.crossLanguage() && result.relation() == Relation.TRANSLATION) {
        int low = (int) (entry.getKey() >>> 32);
        int high = (int) (long) entry.getKey();
        translated.add(batch.bestKeyInLanguageOf(low, high));
        translated.add(batch.bestKeyInLanguageOf(high, low));
      }
    }
    long[] candidates = StructureIndex.candidatePairs(shapes, language, STRUCTURE_ONLY_PARAGRAPHS);
    AlignmentThresholds full = batch.thresholds;
    // Each text's figures, once: a text is in many candidates.
    long[][] figures = new long[profiles.length][];
    Arrays.parallelSetAll(
        figures,
        d -> shapes[d].paragraphs() >= STRUCTURE_ONLY_PARAGRAPHS ? Figures.of(profiles[d]) : null);
    // The Gale–Church distance (merges priced) of every candidate would be most of this rule's
    // work; two passes find the same pairs for much less. The first prices only the pairs that may
    // be taken (both documents still without a translation, the pair's own checks passed) and only
    // up to STRUCTURE_ONLY_DISTANCE. The second prices the rivals of those few: every candidate of
    // either document of such a pair, up to the margin times the pair's distance, beyond which a
    // rival neither leads nor vetoes. Every distance the checks below read is then what one pass
    // over all candidates up to STRUCTURE_MARGIN * STRUCTURE_ONLY_DISTANCE would give; the others
    // are infinite or beyond their bound. A distance returned finite is exact.
    double[] distances = new double[candidates.length];
    Arrays.parallelSetAll(
        distances,
        c -> {
          int low = (int) (candidates[c] >>> 32);
          int high = (int) candidates[c];
          return !translated.contains(bestKey(low, language[high]))
                  && !translated.contains(bestKey(high, language[low]))
                  && ShapeComparison.comparable(shapes[low], shapes[high])
                  && Aligner.lengthRatio(profiles[low], profiles[high]) <= full.maximumLengthRatio()
                  && Figures.agree(figures[low], figures[high])
              ? shapes[low].distance(shapes[high], STRUCTURE_ONLY_DISTANCE)
              : UNPRICED;
        });
    // A pair the first pass's distances rule out already (another version leads for either
    // document, or lies within the margin) stays out whatever rivals the second pass adds.
    Leaders firstPass = closestStructures(candidates, distances, language, versions);
    // Per document and other language, how far a rival of one of its possible pairs may lie.
    Long2DoubleOpenHashMap rivalBound = new Long2DoubleOpenHashMap();
    for (int c = 0; c < candidates.length; c++) {
      if (distances[c] >= 0 && distances[c] <= STRUCTURE_ONLY_DISTANCE) {
        int low = (int) (candidates[c] >>> 32);
        int high = (int) candidates[c];
        long lowKey = bestKey(low, language[high]);
        long highKey = bestKey(high, language[low]);
        double bound = STRUCTURE_MARGIN * distances[c];
        if (firstPass.leadBothWays(lowKey, low, highKey, high, bound)
            && !settled.settled(low, high)) {
          rivalBound.mergeDouble(lowKey, bound, Math::max);
          rivalBound.mergeDouble(highKey, bound, Math::max);
        }
      }
    }
    Arrays.parallelSetAll(
        distances,
        c -> {
          int low = (int) (candidates[c] >>> 32);
          int high = (int) candidates[c];
          double priced = distances[c];
          double bound =
              Math.max(
                  rivalBound.get(bestKey(low, language[high])),
                  rivalBound.get(bestKey(high, language[low])));
          if (priced < Double.POSITIVE_INFINITY && priced >= 0) {
            return priced; // exact
          }
          if (bound == 0 || (priced >= 0 && bound <= STRUCTURE_ONLY_DISTANCE)) {
            return Double.POSITIVE_INFINITY; // no rival to price, or beyond its bound already
          }
          return ShapeComparison.comparable(shapes[low], shapes[high])
              ? shapes[low].distance(shapes[high], bound)
              : Double.POSITIVE_INFINITY;
        });
    Leaders closest = closestStructures(candidates, distances, language, versions);
    LongArrayList mutual = new LongArrayList();
    for (int c = 0; c < candidates.length; c++) {
      if (!(distances[c] <= STRUCTURE_ONLY_DISTANCE)) {
        continue;
      }
      int low = (int) (candidates[c] >>> 32);
      int high = (int) candidates[c];
      long lowKey = bestKey(low, language[high]);
      long highKey = bestKey(high, language[low]);
      double floor = STRUCTURE_MARGIN * distances[c];
      if (closest.leadBothWays(lowKey, low, highKey, high, floor)
          && !translated.contains(lowKey)
          && !translated.contains(highKey)
          && ShapeComparison.comparable(shapes[low], shapes[high])
          && Aligner.lengthRatio(profiles[low], profiles[high]) <= full.maximumLengthRatio()
          && Figures.agree(figures[low], figures[high])
          && !settled.settled(low, high)) {
        mutual.add(candidates[c]);
      }
    }
    // Names the two texts share must lie in paragraphs the structure alignment pairs up, as in
    // the other structure rule; a pair sharing none passes.
    long[] accepted =
        Arrays.stream(mutual.toLongArray())
            .parallel()
            .filter(
                key -> {
                  int low = (int) (key >>> 32);
                  int high = (int) key;
                  AlignmentResult result = batch.withEvidence(low, high, aligned.get(key));
                  if (!result.evidence().isEmpty()
                      && !ShapeComparison.anchorsCorrespond(batch, result, key)) {
                    return false;
                  }
                  aligned.put(key, result.withRelation(Relation.TRANSLATION));
                  return true;
                })
            .toArray();
    return accepted;
  }

  /**
   * Per document and other language, the closest structure among {@code candidates} and the second
   * closest, offered every priced distance: an unpriced ({@link #UNPRICED}) or infinite one changes
   * no leader.
   */
  private static Leaders closestStructures(
      long[] candidates, double[] distances, int[] language, int[] versions) {
    Leaders closest = Leaders.lowest(versions);
    for (int c = 0; c < candidates.length; c++) {
      if (distances[c] >= 0 && distances[c] < Double.POSITIVE_INFINITY) {
        int low = (int) (candidates[c] >>> 32);
        int high = (int) candidates[c];
        closest.offer(bestKey(low, language[high]), high, distances[c]);
        closest.offer(bestKey(high, language[low]), low, distances[c]);
      }
    }
    return closest;
  }
}
