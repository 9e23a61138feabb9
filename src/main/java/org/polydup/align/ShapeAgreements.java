package org.polydup.align;

import static org.polydup.align.CrossLanguageMatcher.SHAPE_DISTANCE;

import it.unimi.dsi.fastutil.longs.Long2DoubleMap;
import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;
import java.util.Map;
import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.align.structure.ParagraphShape;

/**
 * Cross-language pairs whose paragraph structures agree: {@link ParagraphShape#distance} at most
 * {@link CrossLanguageMatcher#SHAPE_DISTANCE}, each the other's closest, and for each of the two
 * documents no rival: no other aligned candidate in the other's language within that distance by
 * {@link ParagraphShape#galeChurchDistance}. Keyed like {@link MatchBatch#aligned}. Read by the
 * structure arm of {@link MutualBest} and reported with each pair ({@link
 * CrossLanguageMatcher.AlignedPair#shapeAgrees}).
 *
 * <p>The pair itself is judged with a merge prior of {@value ParagraphShape#MERGE_PRIOR}, so a
 * translation that merged or split a paragraph still agrees; a rival must agree under Gale and
 * Church's stricter 0.089. Under the cheap prior alone, texts of a few even paragraphs (reviews,
 * chats of 5-12 lines) gain rivals of one paragraph more or fewer, which veto true pairs whose
 * counts match: xling unperturbed lost 4 true pairs at a merge prior of 0.15, 0.2 or 0.3, and keeps
 * all with the strict rivals.
 */
final class ShapeAgreements {
  private ShapeAgreements() {}

  /**
   * The cross-language pairs of {@code batch} whose paragraph structures agree.
   *
   * @param versions each document's version ({@link Versions#of}): a rival is a text of another
   *     version
   */
  static LongOpenHashSet find(MatchBatch batch, int[] versions) {
    PairMap<AlignmentResult> aligned = batch.aligned;
    ShapeDistances shapeDistances = ShapeDistances.of(batch.shapes, aligned);
    // Per document and other language: the closest structure, its partner, the second closest;
    // the same under Gale and Church's merge prior, for the rivals.
    Leaders closest = Leaders.lowest(versions);
    Leaders strictClosest = Leaders.lowest(versions);
    for (Long2DoubleMap.Entry e : shapeDistances.distances().long2DoubleEntrySet()) {
      int low = (int) (e.getLongKey() >>> 32);
      int high = (int) e.getLongKey();
      long lowKey = batch.bestKeyInLanguageOf(low, high);
      long highKey = batch.bestKeyInLanguageOf(high, low);
      closest.offer(lowKey, high, e.getDoubleValue());
      closest.offer(highKey, low, e.getDoubleValue());
      double strictDistance = shapeDistances.strict().get(e.getLongKey());
      strictClosest.offer(lowKey, high, strictDistance);
      strictClosest.offer(highKey, low, strictDistance);
    }
    // Each pair's test reads only its distance and the leaders, complete by now: run on the pool's
    // threads.
    Long2DoubleOpenHashMap distances = shapeDistances.distances();
    long[] closeOnly =
        Arrays.stream(distances.keySet().toLongArray())
            .parallel()
            .filter(
                key -> {
                  int low = (int) (key >>> 32);
                  int high = (int) key;
                  long lowKey = batch.bestKeyInLanguageOf(low, high);
                  long highKey = batch.bestKeyInLanguageOf(high, low);
                  return distances.get(key) <= SHAPE_DISTANCE
                      && closest.leads(lowKey, high)
                      && closest.leads(highKey, low)
                      && !strictClosest.anotherWithin(lowKey, high, SHAPE_DISTANCE)
                      && !strictClosest.anotherWithin(highKey, low, SHAPE_DISTANCE);
                })
            .toArray();
    long[] agreeing =
        Arrays.stream(closeOnly)
            .parallel()
            .filter(
                key ->
                    ShapeComparison.anchorsCorrespond(
                        batch, aligned.get(key), key, shapeDistances.alignments().get(key)))
            .toArray();
    return new LongOpenHashSet(agreeing);
  }

  /**
   * Structure distances of the cross-language pairs of {@code aligned} whose two texts are {@link
   * ShapeComparison#comparable}, keyed like {@code aligned}: under {@link ParagraphShape#distance}
   * and under {@link ParagraphShape#galeChurchDistance} ({@code strict}), each exact up to {@link
   * CrossLanguageMatcher#SHAPE_DISTANCE} and possibly {@code +infinity} above it. {@link #find}
   * reads no more: a pair counts only at or below that distance, so a farther pair can never be the
   * closest of a document that has one within it, and a rival counts only within it.
   */
  private record ShapeDistances(
      Long2DoubleOpenHashMap distances,
      Long2DoubleOpenHashMap strict,
      Long2ObjectOpenHashMap<ParagraphShape.Alignment> alignments) {
    static ShapeDistances of(ParagraphShape[] shapes, PairMap<AlignmentResult> aligned) {
      long[] keys =
          aligned.entrySet().stream()
              .filter(e -> e.getValue().crossLanguage())
              .mapToLong(Map.Entry::getKey)
              .filter(
                  key -> ShapeComparison.comparable(shapes[(int) (key >>> 32)], shapes[(int) key]))
              .toArray();
      // Both distances from one programme: they share every length term. Only distances up to
      // SHAPE_DISTANCE count (see find), so the programme may stop above it. The close pairs keep
      // their structure alignment too, which find checks anchors on.
      ParagraphShape.AlignedDistances[] values =
          Arrays.stream(keys)
              .parallel()
              .mapToObj(
                  key ->
                      shapes[(int) (key >>> 32)].alignedDistances(
                          shapes[(int) key], SHAPE_DISTANCE))
              .toArray(ParagraphShape.AlignedDistances[]::new);
      Long2DoubleOpenHashMap distances = new Long2DoubleOpenHashMap(keys.length);
      Long2DoubleOpenHashMap strict = new Long2DoubleOpenHashMap(keys.length);
      Long2ObjectOpenHashMap<ParagraphShape.Alignment> alignments = new Long2ObjectOpenHashMap<>();
      for (int i = 0; i < keys.length; i++) {
        distances.put(keys[i], values[i].distances().distance());
        strict.put(keys[i], values[i].distances().galeChurch());
        if (values[i].alignment() != null) {
          alignments.put(keys[i], values[i].alignment());
        }
      }
      return new ShapeDistances(distances, strict, alignments);
    }
  }
}
