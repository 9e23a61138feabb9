package org.polydup.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.polydup.Relation;

/**
 * What verification measured for one pair of same-language documents a and b, and the relation it
 * concluded. Immutable.
 *
 * @param jaccard exact Jaccard similarity of the two shingle sets, in [0, 1]
 * @param containmentAInB share of a's distinct shingles that are also in b, in [0, 1]
 * @param containmentBInA share of b's distinct shingles that are also in a, in [0, 1]
 * @param coverageA share of a's shingle positions inside shared passages, in [0, 1]
 * @param coverageB share of b's shingle positions inside shared passages, in [0, 1]
 * @param longestPassageShingles length of the longest shared passage, in shingles
 * @param passages the shared passages, in a's text order
 * @param relation {@code DUPLICATE} or {@code CONTAINED}, or {@code null} when not a copy
 * @param aContainsB for {@code CONTAINED}: true when a is the container, false when b is
 */
public record Verification(
    double jaccard,
    double containmentAInB,
    double containmentBInA,
    double coverageA,
    double coverageB,
    int longestPassageShingles,
    List<SharedPassage> passages,
    Relation relation,
    boolean aContainsB) {

  /** The same measurements for the pair (b, a): each side's figures and passage ends exchanged. */
  public Verification swapped() {
    List<SharedPassage> mirrored = new ArrayList<>(passages.size());
    for (SharedPassage p : passages) {
      mirrored.add(new SharedPassage(p.bStart(), p.bEnd(), p.aStart(), p.aEnd(), p.shingles()));
    }
    mirrored.sort(
        Comparator.comparingInt(SharedPassage::aStart).thenComparingInt(SharedPassage::bStart));
    return new Verification(
        jaccard,
        containmentBInA,
        containmentAInB,
        coverageB,
        coverageA,
        longestPassageShingles,
        List.copyOf(mirrored),
        relation,
        relation == Relation.CONTAINED ? !aContainsB : aContainsB);
  }

  /** Whether the pair is reported as a copy. */
  public boolean isCopy() {
    return relation != null;
  }
}
