package org.polydup.verify;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of {@link SharedPassage}s kept as one packed array of their five numbers, each
 * passage made when it is read. Why: most verified pairs are rejected and their passages never
 * read, so a batch of hundreds of thousands of candidates would otherwise allocate tens of objects
 * per pair only to drop them.
 */
final class PassageList extends AbstractList<SharedPassage> implements RandomAccess {
  private static final int FIELDS = 5;

  private final int[] packed;

  private PassageList(int[] packed) {
    this.packed = packed;
  }

  /**
   * The first {@code count} passages packed in {@code buffer} (five numbers each, in the order of
   * {@link SharedPassage}'s components), copied so the caller may reuse the buffer.
   */
  static List<SharedPassage> copyOf(int[] buffer, int count) {
    return count == 0 ? List.of() : new PassageList(Arrays.copyOf(buffer, count * FIELDS));
  }

  /** An empty buffer for {@link #put}, with room for {@code passages} passages before it grows. */
  static int[] buffer(int passages) {
    return new int[passages * FIELDS];
  }

  /**
   * Packs one passage into {@code buffer} at passage index {@code index}, growing it as needed;
   * returns the buffer to keep.
   */
  static int[] put(int[] buffer, int index, int aStart, int aEnd, int bStart, int bEnd, int run) {
    int at = index * FIELDS;
    int[] out = at + FIELDS <= buffer.length ? buffer : Arrays.copyOf(buffer, 2 * (at + FIELDS));
    out[at] = aStart;
    out[at + 1] = aEnd;
    out[at + 2] = bStart;
    out[at + 3] = bEnd;
    out[at + 4] = run;
    return out;
  }

  @Override
  public SharedPassage get(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException("passage " + index + " of " + size());
    }
    int at = index * FIELDS;
    return new SharedPassage(
        packed[at], packed[at + 1], packed[at + 2], packed[at + 3], packed[at + 4]);
  }

  @Override
  public int size() {
    return packed.length / FIELDS;
  }
}
