package org.polydup.align;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.align.pairwise.AlignmentThresholds;
import org.polydup.align.structure.ParagraphShape;
import org.polydup.cluster.UnionFind;

/**
 * Each document's version: the least document number among its whole-text copies in its own
 * language, joined transitively. A story often exists in several versions in one language (a
 * repost, several machine translations of one source, two agencies' translations), and each is a
 * translation of the original: the margin rules ({@link MutualBest}, {@link ShapeAgreements},
 * {@link StructureRule}) compare the best version with the runner-up of <em>another</em> version,
 * or the copies cancel each other's margin and none is found. In xling, one version per language,
 * this changes nothing; with 20,000 bulk documents (full of machine translations of the same
 * sources) scanned around xling, it kept the xling pairs the rules found alone.
 *
 * <p>Two documents are copies when the shingle stage settled them as a whole-text copy ({@link
 * CrossLanguageMatcher.PairFilter#wholeCopy}), or when their word alignment covers each of them at
 * {@link #VERSION_COVERAGE} with the {@code derived} weight (a rewording of the whole text, not a
 * shared passage: a digest holding one retold item must not stand for the item's story) and their
 * paragraph structures agree ({@link #oneVersion}): two support chats built from one set of canned
 * sentences share nearly all their words but not their turns.
 */
final class Versions {
  /**
   * Coverage of each text by the word alignment that makes two same-language documents one version.
   * A machine translation and a human one of the same source cover each other about 0.35 to 0.7 by
   * word stems, under the {@code derived} bar of 0.4 for some. Swept with {@code ./polydup eval
   * xling --distractors ../shared/data/bulk/docs.jsonl.gz} at 0.4 / 0.3 / 0.2: true/false pairs
   * 2,648/79 / 2,704/80 / 2,718/80, recall@1 0.947 / 0.956 / 0.957; xling alone (2,798/77) and
   * syndication (87 false positives) unchanged at each. 0.3, not the plateau's end: a looser link
   * lets two texts that merely share a template and a structure split no margin.
   */
  static final double VERSION_COVERAGE = 0.3;

  private Versions() {}

  /**
   * Each document's version in {@code batch}, by input position.
   *
   * @param wholeCopies settled pairs ({@link MatchBatch#pairKey}) that are whole-text copies
   */
  static int[] of(MatchBatch batch, Set<Long> wholeCopies) {
    EntityProfile[] profiles = batch.profiles;
    AlignmentThresholds full = batch.thresholds;
    LongArrayList links = new LongArrayList();
    for (long key : wholeCopies) {
      links.add(key);
    }
    // Each pair is judged on its own (a structure programme for the close ones), so on the pool's
    // threads: on one thread this pass left the pool's other threads idle for seconds on the bulk
    // set.
    links.addElements(
        links.size(),
        batch
            .aligned
            .parallelEntries()
            .filter(
                entry -> {
                  long key = entry.getKey();
                  return oneVersion(
                      entry.getValue(),
                      full,
                      batch.shapes[(int) (key >>> 32)],
                      batch.shapes[(int) key]);
                })
            .mapToLong(Map.Entry::getKey)
            .toArray());
    // Sorted, so the union order (and every root) is the same on every run.
    long[] sorted = links.toLongArray();
    Arrays.sort(sorted);
    UnionFind copies = new UnionFind(profiles.length);
    for (long key : sorted) {
      copies.union((int) (key >>> 32), (int) key);
    }
    int[] least = new int[profiles.length];
    Arrays.fill(least, Integer.MAX_VALUE);
    for (int i = 0; i < profiles.length; i++) {
      int root = copies.find(i);
      least[root] = Math.min(least[root], i);
    }
    int[] versions = new int[profiles.length];
    for (int i = 0; i < profiles.length; i++) {
      versions[i] = least[copies.find(i)];
    }
    return versions;
  }

  /**
   * Whether two documents in one language, aligned as {@code result}, are one version: a rewording
   * of the whole text ({@link #VERSION_COVERAGE} of each, the {@code derived} weight) whose
   * paragraph structures agree within {@link CrossLanguageMatcher#SHAPE_DISTANCE}, or cannot be
   * told apart (a text of one paragraph has no structure to compare).
   */
  static boolean oneVersion(
      AlignmentResult result,
      AlignmentThresholds thresholds,
      ParagraphShape first,
      ParagraphShape second) {
    if (result.crossLanguage()
        || Math.min(result.coverageFirst(), result.coverageSecond()) < VERSION_COVERAGE
        || result.matchedWeight() < thresholds.derivedWeight()) {
      return false;
    }
    double distance = first.distance(second, CrossLanguageMatcher.SHAPE_DISTANCE);
    return Double.isNaN(distance) || distance <= CrossLanguageMatcher.SHAPE_DISTANCE;
  }
}
