package org.polydup.align.pairwise;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Buffers one thread's alignments reuse, grown as needed: the {@link LocalAlignment} worker with
 * its traceback matrix (a fresh one per pair was the largest allocation of the align stage, 1.3 GB
 * on 20k bulk documents), the shared-key numbering of both sides and the rows of the local
 * alignment (fresh ones per pair were about a fifth of the scan's allocation on the same documents,
 * with alignment on). An alignment runs no other alignment inside it, so one set per thread serves
 * every pair that thread aligns.
 */
final class AlignmentWorkspace {
  final LocalAlignment alignment = new LocalAlignment();
  final IntArrayList aligned = new IntArrayList();
  int[] sharedOfA = new int[256];
  int[] sharedOfB = new int[256];
  int[] keysA = new int[256];
  double[] weightsA = new double[256];
  int[] keysB = new int[256];
  double[] weightsB = new double[256];

  /** Makes {@link #sharedOfA} and {@link #sharedOfB} hold at least these many entries. */
  void shared(int sizeA, int sizeB) {
    if (sharedOfA.length < sizeA) {
      sharedOfA = new int[Math.max(sizeA, 2 * sharedOfA.length)];
    }
    if (sharedOfB.length < sizeB) {
      sharedOfB = new int[Math.max(sizeB, 2 * sharedOfB.length)];
    }
  }

  /** Makes the key and weight buffers of both sides hold at least {@code size} entries. */
  void sides(int size) {
    if (keysA.length < size) {
      int grown = Math.max(size, 2 * keysA.length);
      keysA = new int[grown];
      weightsA = new double[grown];
      keysB = new int[grown];
      weightsB = new double[grown];
    }
  }
}
