package org.polydup;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The aligned entities of one {@link Match}, kept as primitive arrays over the two raw texts: each
 * {@link EntityLink} and its surfaces are built on access. Immutable.
 *
 * <h2>Rationale</h2>
 *
 * A scan with alignment on keeps every reported pair's evidence until it returns: on the 103k
 * documents of the bulk set that is about 830,000 pairs showing 30 entities each. As records, each
 * with two surface strings cut from the texts, that was 25 million links and 9.7 million strings,
 * about 1.6 GB and most of the heap at the end of the scan, where the collector copied and marked
 * them again and again (one full collection there took 9 seconds). Here a link costs 17 bytes: a
 * kind and four offsets. The texts are the documents' own, which the caller holds anyway.
 */
final class EntityLinkList extends AbstractList<EntityLink> implements RandomAccess {
  private final String textA;
  private final String textB;

  /** Each kind's name by number; shared by all lists. */
  private final String[] kindNames;

  /** Each link's kind, a number into {@link #kindNames}. */
  private final byte[] kinds;

  /** Per link: start and end in text a, start and end in text b. */
  private final int[] offsets;

  /**
   * A list over arrays the caller hands over and no longer writes to.
   *
   * @param textA the raw text of the match's document a, where the a-side offsets point
   * @param textB the raw text of document b
   * @param kindNames each kind's name, by number
   * @param kinds each link's kind
   * @param offsets four per link: a start, a end, b start, b end
   */
  EntityLinkList(String textA, String textB, String[] kindNames, byte[] kinds, int[] offsets) {
    this.textA = Objects.requireNonNull(textA, "textA");
    this.textB = Objects.requireNonNull(textB, "textB");
    this.kindNames = Objects.requireNonNull(kindNames, "kindNames");
    if (offsets.length != 4 * kinds.length) {
      throw new IllegalArgumentException(
          "offsets must hold 4 per link: " + offsets.length + " for " + kinds.length + " links");
    }
    for (int i = 0; i < kinds.length; i++) {
      Objects.checkFromToIndex(offsets[4 * i], offsets[4 * i + 1], textA.length());
      Objects.checkFromToIndex(offsets[4 * i + 2], offsets[4 * i + 3], textB.length());
    }
    this.kinds = kinds;
    this.offsets = offsets;
  }

  @Override
  public EntityLink get(int index) {
    Objects.checkIndex(index, kinds.length);
    int at = 4 * index;
    int aStart = offsets[at];
    int aEnd = offsets[at + 1];
    int bStart = offsets[at + 2];
    int bEnd = offsets[at + 3];
    return new EntityLink(
        kindNames[kinds[index]],
        textA.substring(aStart, aEnd),
        aStart,
        aEnd,
        textB.substring(bStart, bEnd),
        bStart,
        bEnd);
  }

  @Override
  public int size() {
    return kinds.length;
  }
}
