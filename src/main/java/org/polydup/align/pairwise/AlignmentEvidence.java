package org.polydup.align.pairwise;

import java.util.AbstractList;
import java.util.Objects;
import org.polydup.align.extract.EntityKind;

/**
 * The evidence of one alignment as position pairs of its two sequences, each {@link
 * AlignedEntityPair} built on access. Immutable. A scan keeps the evidence of every pair it may
 * report (hundreds of thousands on the bulk set, 44 aligned entities each on average): as objects
 * that was 32 million pairs and 65 million entities, more than the rest of the heap.
 */
final class AlignmentEvidence extends AbstractList<AlignedEntityPair> {
  private final KeySequence a;
  private final KeySequence b;

  /** Position in {@code a}, position in {@code b}, for each pair in text order. */
  private final int[] positions;

  AlignmentEvidence(KeySequence a, KeySequence b, int[] positions) {
    this.a = a;
    this.b = b;
    this.positions = positions;
  }

  /** The same pairs with the two sequences' sides exchanged. */
  AlignmentEvidence swapped() {
    int[] turned = new int[positions.length];
    for (int k = 0; k < positions.length; k += 2) {
      turned[k] = positions[k + 1];
      turned[k + 1] = positions[k];
    }
    return new AlignmentEvidence(b, a, turned);
  }

  @Override
  public AlignedEntityPair get(int index) {
    return new AlignedEntityPair(
        a.entity(position(index, true)), b.entity(position(index, false)), weight(index));
  }

  /** {@link AlignmentResult#evidenceStart}. */
  int start(int index, boolean first) {
    return (first ? a : b).start(position(index, first));
  }

  /** {@link AlignmentResult#evidenceEnd}. */
  int end(int index, boolean first) {
    return (first ? a : b).end(position(index, first));
  }

  /** {@link AlignmentResult#evidenceKind}. */
  EntityKind kind(int index, boolean first) {
    return (first ? a : b).kind(position(index, first));
  }

  /** {@link AlignmentResult#evidenceWeight}. */
  double weight(int index) {
    return Math.min(a.weight(position(index, true)), b.weight(position(index, false)));
  }

  /** The {@code index}-th pair's position in the first sequence (true) or the second. */
  private int position(int index, boolean first) {
    Objects.checkIndex(index, size());
    return positions[first ? 2 * index : 2 * index + 1];
  }

  @Override
  public int size() {
    return positions.length / 2;
  }
}
