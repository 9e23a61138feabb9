package org.polydup;

import it.unimi.dsi.fastutil.ints.IntHeapPriorityQueue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.polydup.align.CrossLanguageMatcher;
import org.polydup.align.extract.EntityKind;
import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.align.structure.ParagraphEvidence;

/**
 * The match an aligned pair is reported as, once {@link AlignedPairChecks#verdict} has given it a
 * relation: its alignment scores, and as evidence its strongest aligned entities (or, with none,
 * the paragraphs its structure pairs). Shared by the batch scan ({@link AlignmentStage}) and the
 * incremental query ({@link IncrementalAlignment}).
 */
final class AlignedMatch {
  /** Aligned entities a reported pair carries as evidence, at most; see {@link #strongest}. */
  static final int MAXIMUM_EVIDENCE = 64;

  /**
   * Each {@link EntityKind}'s name as an {@link EntityLink} shows it, by ordinal: one string per
   * kind rather than a new one per link (about 20 million links on the bulk set, all kept in the
   * result).
   */
  private static final String[] KIND_NAMES =
      Arrays.stream(EntityKind.values())
          .map(kind -> kind.name().toLowerCase(Locale.ROOT))
          .toArray(String[]::new);

  private AlignedMatch() {}

  /**
   * The evidence a match carries: the {@value #MAXIMUM_EVIDENCE} rarest aligned entities, in text
   * order. Two versions of one long article align hundreds of words; a reader checks a pair on a
   * few dozen names and numbers, and half a million reported pairs with every aligned word would
   * fill the heap (and {@code pairs.jsonl}). Scores are computed on the whole alignment first.
   *
   * @return their positions in {@code alignment.evidence()}, ascending
   */
  static int[] strongest(AlignmentResult alignment) {
    int size = alignment.evidence().size();
    if (size <= MAXIMUM_EVIDENCE) {
      int[] all = new int[size];
      Arrays.setAll(all, i -> i);
      return all;
    }
    // Heaviest first; on equal weight the earlier one, so every run shows the same entities. The
    // heaviest are kept in a bounded heap, the lightest of them at its root, so most entities are
    // compared with the root alone: sorting every aligned entity (hundreds on two versions of one
    // long text) through a comparator was 1.8% of the scan's CPU on 50k bulk documents.
    double[] negatedWeights = new double[size];
    for (int i = 0; i < size; i++) {
      negatedWeights[i] = -alignment.evidenceWeight(i);
    }
    // Its root is the kept entity shown last, the one a heavier newcomer replaces.
    IntHeapPriorityQueue heap =
        new IntHeapPriorityQueue(
            MAXIMUM_EVIDENCE, (x, y) -> x == y ? 0 : shownBefore(negatedWeights, x, y) ? 1 : -1);
    for (int i = 0; i < size; i++) {
      if (heap.size() < MAXIMUM_EVIDENCE) {
        heap.enqueue(i);
      } else if (shownBefore(negatedWeights, i, heap.firstInt())) {
        heap.dequeueInt();
        heap.enqueue(i);
      }
    }
    int[] kept = new int[heap.size()];
    for (int k = 0; k < kept.length; k++) {
      kept[k] = heap.dequeueInt();
    }
    Arrays.sort(kept);
    return kept;
  }

  /**
   * Whether evidence {@code x} is shown before {@code y} by {@link #strongest}: heavier, or as
   * heavy and earlier.
   */
  private static boolean shownBefore(double[] negatedWeights, int x, int y) {
    int byWeight = Double.compare(negatedWeights[x], negatedWeights[y]);
    return byWeight < 0 || (byWeight == 0 && x < y);
  }

  /**
   * The match for an aligned pair with the relation {@link AlignedPairChecks#verdict} gave it,
   * carrying the {@link #strongest} aligned entities as evidence ({@link EntityLinkList}: read from
   * the alignment's offsets, no entity built).
   *
   * @param textA the raw text of {@code a}, which the a-side evidence offsets point into
   * @param textB the raw text of {@code b}
   * @param swap whether {@code a} is the pair's second document (evidence and coverages are then
   *     swapped to follow {@code a} and {@code b})
   */
  static Match toMatch(
      String a,
      String b,
      String textA,
      String textB,
      String languageA,
      String languageB,
      CrossLanguageMatcher.AlignedPair pair,
      Relation relation,
      boolean swap) {
    AlignmentResult r = pair.alignment();
    int[] shown = strongest(r);
    byte[] kinds = new byte[shown.length];
    int[] offsets = new int[4 * shown.length];
    for (int k = 0; k < shown.length; k++) {
      int i = shown[k];
      kinds[k] = (byte) r.evidenceKind(i, !swap).ordinal();
      offsets[4 * k] = r.evidenceStart(i, !swap);
      offsets[4 * k + 1] = r.evidenceEnd(i, !swap);
      offsets[4 * k + 2] = r.evidenceStart(i, swap);
      offsets[4 * k + 3] = r.evidenceEnd(i, swap);
    }
    Scores scores =
        Scores.ofAlignment(
            r.score(),
            swap ? r.coverageSecond() : r.coverageFirst(),
            swap ? r.coverageFirst() : r.coverageSecond(),
            r.density());
    // A pair found by its paragraph structure alone has no aligned entity to show: its evidence
    // is the paragraphs the structure pairs (xling: 129 of 3,620 translations had none at all).
    List<ParagraphLink> paragraphs =
        shown.length == 0 ? ParagraphEvidence.of(textA, textB) : List.of();
    return new Match(
        a,
        b,
        relation,
        null,
        languageA,
        languageB,
        scores,
        List.of(),
        new EntityLinkList(textA, textB, KIND_NAMES, kinds, offsets),
        paragraphs);
  }
}
