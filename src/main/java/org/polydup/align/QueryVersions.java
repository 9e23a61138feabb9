package org.polydup.align;

import it.unimi.dsi.fastutil.ints.Int2BooleanOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntList;
import it.unimi.dsi.fastutil.longs.Long2BooleanOpenHashMap;
import java.util.List;
import java.util.function.IntFunction;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.pairwise.QuerySequences;
import org.polydup.align.structure.ParagraphShape;

/**
 * Within one query of an {@link IncrementalMatcher}: which added documents are one version of the
 * queried one, or of each other ({@link Versions#oneVersion}: the same text reworded, such as two
 * machine translations of one source). The margin rules compare a leader with the runner-up of
 * <em>another</em> version, as the batch's {@link Leaders} do, or an archive holding a story in
 * several versions per language would void every margin. Answers are cached for the query; each
 * costs one alignment of two texts in one language.
 */
final class QueryVersions {
  private final IncrementalMatcher.Profile query;
  private final List<EntityProfile> profiles;
  private final IntFunction<ParagraphShape> shapes;
  private final QuerySequences sequences;
  private final Int2BooleanOpenHashMap ofQuery = new Int2BooleanOpenHashMap();
  private final Long2BooleanOpenHashMap ofEachOther = new Long2BooleanOpenHashMap();

  QueryVersions(
      IncrementalMatcher.Profile query,
      List<EntityProfile> profiles,
      IntFunction<ParagraphShape> shapes,
      QuerySequences sequences) {
    this.query = query;
    this.profiles = profiles;
    this.shapes = shapes;
    this.sequences = sequences;
  }

  /** Whether added document {@code number} is a version of the queried document. */
  boolean ofQuery(int number) {
    return ofQuery.computeIfAbsent(
        number, n -> oneVersion(query.entities(), query.shape(), profiles.get(n), shapes.apply(n)));
  }

  /**
   * The runner-up of a ranking, as the margin rules read it: the position of the first document
   * after the leader (position 0) that is of another version, or -1 when all are the leader's.
   *
   * @param ranked added documents' numbers, best first
   */
  int runnerUp(IntList ranked) {
    for (int k = 1; k < ranked.size(); k++) {
      if (!same(ranked.getInt(0), ranked.getInt(k))) {
        return k;
      }
    }
    return -1;
  }

  /** Whether added documents {@code a} and {@code b} are one version (true when equal). */
  boolean same(int a, int b) {
    if (a == b) {
      return true;
    }
    int low = Math.min(a, b);
    int high = Math.max(a, b);
    return ofEachOther.computeIfAbsent(
        (long) low << 32 | high,
        key ->
            oneVersion(
                profiles.get(low), shapes.apply(low), profiles.get(high), shapes.apply(high)));
  }

  private boolean oneVersion(
      EntityProfile first,
      ParagraphShape firstShape,
      EntityProfile second,
      ParagraphShape secondShape) {
    return first.language().equals(second.language())
        && Versions.oneVersion(
            sequences.align(first, second),
            sequences.aligner().thresholds(),
            firstShape,
            secondShape);
  }
}
