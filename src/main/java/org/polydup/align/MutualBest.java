package org.polydup.align;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;
import java.util.Map;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.pairwise.Aligner;
import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.align.pairwise.AlignmentThresholds;
import org.polydup.align.structure.ParagraphShape;

/**
 * Margin rule for texts with few or diluted anchors (short chats, reviews, shop pages): a pair
 * below the translation weight is still a translation when each document is the other's best match
 * in its language by a clear margin, the second best scoring at most {@value #MARGIN} of it, with
 * at least {@value #MARGIN_COVERAGE} coverage, half the translation weight (the bar of triangle
 * closing) and the aligner's length-ratio check. Mining parallel documents by a margin over the
 * nearest neighbours rather than by an absolute score is Artetxe and Schwenk, "Margin-based
 * Parallel Corpus Mining with Multilingual Sentence Embeddings", ACL 2019; absolute scores are not
 * comparable across texts of two and of twenty anchors. Swept on xling (>= 400 chars, pooled)
 * through the matcher and the scan's span checks, true/false pairs gained at coverage 0.08 / 0.12 /
 * 0.16 with margin 0.5: +49/+12 / +29/+2 / +14/+1; margin 0.5 / 0.7 / 1.0 (none) at coverage 0.12:
 * +29/+2 / +31/+4 / +35/+12 (half the translation weight or 0.5 / 1.5 changed at most 2 pairs).
 * Through the scan at 0.12 and 0.5: xling true/false pairs 2,096/81 -> 2,123/83, recall@1 0.818 ->
 * 0.832, syndication false positives 103 -> 105; with the aligner's length-ratio check as well,
 * 2,116/81, recall@1 0.829, syndication 103.
 *
 * <p>A second arm takes a pair whose anchors are diluted rather than few: the full translation
 * weight at half the translation coverage (the long-text rule of the aligner, without its doubled
 * weight), each text covered at least {@value #DILUTED_MINIMUM_COVERAGE}, under the same margin and
 * ratio checks. Through the scan, xling true/false pairs gained at half coverage 0.04 / 0.06:
 * +19/+2 / +6/+1; at 0.04 that also took one syndication false positive (an Icelandic and a French
 * story on one event, each the other's only match in its language). See {@link
 * #DILUTED_MINIMUM_COVERAGE} for the second bar.
 *
 * <p>A third arm takes a pair whose paragraph structures agree ({@link ShapeAgreements}: the
 * Gale–Church alignment of their paragraph lengths costs at most {@value
 * CrossLanguageMatcher#SHAPE_DISTANCE} per paragraph with a merged or split paragraph priced at
 * {@value ParagraphShape#MERGE_PRIOR}, neither document aligns that closely with another candidate
 * in the other's language, and the shared anchors lie in paragraphs the alignment pairs up) with a
 * little entity evidence, {@value #SHAPE_COVERAGE} coverage and {@value #SHAPE_WEIGHT} weight,
 * under the same ratio check and with no margin: the structure is the margin. Chats, reviews and
 * social posts carry one or two names, too few for the other arms, but keep their turns and
 * paragraphs in translation.
 */
final class MutualBest {
  /** Minimum score of a pair accepted by its margin. */
  private static final double MARGIN_COVERAGE = 0.12;

  /** Second-best score, as a share of the best, for the margin rule. */
  private static final double MARGIN = 0.5;

  /**
   * Coverage of the heavier text as well as the lighter one for the margin rule's second arm. A
   * diluted translation still covers both texts; a story written independently on the same event
   * shares its names with the other story's lead alone. Swept through the scan at 0 / 0.02 / 0.03 /
   * 0.04: xling true/false pairs gained +19/+2 / +19/+2 / +18/+2 / +14/+1 (from 2,116/81),
   * syndication false positives +1 / +1 / 0 / 0 (from 101). On the matcher alone at 0.03, the two
   * halves of xling by cluster-id parity gain +13/+0 and +11/+0 (from 1,102/29 and 1,119/29
   * true/false copies).
   */
  private static final double DILUTED_MINIMUM_COVERAGE = 0.03;

  /**
   * Entity evidence a pair needs besides its structure for the structure arm: this coverage and
   * {@link #SHAPE_WEIGHT}, a fifth of the translation weight. A pair on structure alone, with
   * nothing in common, is not taken: in a pooled corpus many texts of a few even paragraphs align
   * by chance. Swept through the scan (even / odd halves, true/false pairs) at coverage 0.02 / 0.03
   * / 0.04: 1,233/10 / 1,254/20, 1,226/10 / 1,235/20, 1,197/10 / 1,208/20; at weight 0.25 / 0.5 /
   * 1.0: 1,228/10 / 1,235/20, 1,226/10 / 1,235/20, 1,202/10 / 1,217/19.
   */
  private static final double SHAPE_COVERAGE = 0.03;

  /** Aligned weight the structure arm needs; see {@link #SHAPE_COVERAGE}. */
  private static final double SHAPE_WEIGHT = 0.5;

  private MutualBest() {}

  /**
   * Whether a pair below the translation bar has the evidence the margin rule asks of its first or
   * second arm: few anchors ({@value #MARGIN_COVERAGE} coverage, half the translation weight) or
   * diluted ones (the full weight at half the coverage, each text covered at least {@value
   * #DILUTED_MINIMUM_COVERAGE}).
   */
  static boolean strongEnoughForMargin(AlignmentResult result, AlignmentThresholds full) {
    boolean fewAnchors =
        result.score() >= MARGIN_COVERAGE && result.matchedWeight() >= full.translationWeight() / 2;
    boolean diluted =
        result.score() >= full.translationCoverage() / 2
            && result.matchedWeight() >= full.translationWeight()
            && Math.min(result.coverageFirst(), result.coverageSecond())
                >= DILUTED_MINIMUM_COVERAGE;
    return fewAnchors || diluted;
  }

  /**
   * Whether a pair whose paragraph structures agree has the entity evidence the structure arm asks
   * besides: {@value #SHAPE_COVERAGE} coverage and {@value #SHAPE_WEIGHT} aligned weight.
   */
  static boolean enoughBesideStructure(AlignmentResult result) {
    return result.score() >= SHAPE_COVERAGE && result.matchedWeight() >= SHAPE_WEIGHT;
  }

  /** Whether the runner-up's score is at most {@value #MARGIN} of the pair's. */
  static boolean clearMargin(AlignmentResult result, double runnerUp) {
    return runnerUp <= MARGIN * result.score();
  }

  /**
   * Takes as translations the pairs of {@code batch} that one of the three arms accepts.
   *
   * @param versions each document's version ({@link Versions#of}): the runner-up is the best of
   *     another version
   * @param shapeAgrees the pairs whose paragraph structures agree ({@link ShapeAgreements#find})
   */
  static void accept(MatchBatch batch, int[] versions, LongOpenHashSet shapeAgrees) {
    PairMap<AlignmentResult> aligned = batch.aligned;
    // Per document and other language: the best score, its partner, the second best score.
    Leaders scores = Leaders.highest(versions);
    batch.forEachCrossLanguage(
        (low, lowKey, high, highKey, score) -> {
          scores.offer(lowKey, high, score);
          scores.offer(highKey, low, score);
        });
    // Each pair's verdict reads only the leaders, complete by now: judged on the pool's threads.
    long[] accepted =
        aligned
            .parallelEntries()
            .filter(
                entry -> {
                  int low = (int) (entry.getKey() >>> 32);
                  int high = (int) (long) entry.getKey();
                  return accepts(batch, scores, shapeAgrees, low, high, entry.getValue());
                })
            .mapToLong(Map.Entry::getKey)
            .toArray();
    Arrays.stream(accepted)
        .parallel()
        .forEach(
            key ->
                aligned.put(
                    key, batch.asTranslation((int) (key >>> 32), (int) key, aligned.get(key))));
  }

  /** Whether one of the three arms takes the pair {@code low, high}, aligned as {@code result}. */
  private static boolean accepts(
      MatchBatch batch,
      Leaders scores,
      LongOpenHashSet shapeAgrees,
      int low,
      int high,
      AlignmentResult result) {
    EntityProfile[] profiles = batch.profiles;
    AlignmentThresholds full = batch.thresholds;
    if (!result.crossLanguage()
        || result.isCopy()
        || Aligner.lengthRatio(profiles[low], profiles[high]) > full.maximumLengthRatio()) {
      // The length-ratio check of the aligner holds here too: a translation is about as long.
      return false;
    }
    long lowKey = batch.bestKeyInLanguageOf(low, high);
    long highKey = batch.bestKeyInLanguageOf(high, low);
    boolean mutualBest = scores.leads(lowKey, high) && scores.leads(highKey, low);
    if (mutualBest
        && strongEnoughForMargin(result, full)
        && clearMargin(result, scores.second(lowKey))
        && clearMargin(result, scores.second(highKey))) {
      return true;
    }
    return enoughBesideStructure(result) && shapeAgrees.contains(MatchBatch.pairKey(low, high));
  }
}
