package org.polydup.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.polydup.Document;
import org.polydup.Match;
import org.polydup.Relation;

/**
 * Chooses which documents of a corpus to keep so that no text is lost: a document is dropped only
 * when (nearly) all of it is in a document that is kept. That is the deduplication a researcher
 * cleaning a corpus wants, and it is stricter than dropping all but one member of each story
 * cluster, which would drop a whole story because a digest quotes its lead, or two different
 * stories because one newsletter quotes both.
 *
 * <p>A document X may be dropped for a kept document Y when the scan flagged them {@code duplicate}
 * (either way round), or {@code contained} with Y the container and at least {@link
 * #minimumCoverage()} of X's text inside Y's (its coverage: the share of its shingles in passages
 * shared with Y). A duplicate is dropped whatever its coverage, as the scan's threshold defines
 * duplicates: at the default 0.8, at least 80% of each text's shingles are in the other, and the
 * pairs the verifier calls duplicates below it (light edits) have at least 0.74 of each text in
 * shared passages on the syndication set; a scan run with a much looser threshold makes looser
 * duplicates, and dedup drops them too. Cross-language relations never drop a document: a
 * translation is other data.
 *
 * <p>Documents are visited in the order of preference of {@link Keep}; each is dropped if one of
 * the documents it may be dropped for is already kept, and kept otherwise. So every dropped
 * document names a kept one that holds its text, chains do not drop a document that is far from
 * every kept one, and the result is deterministic. Immutable and thread-safe.
 */
public final class Deduplicator {
  /** Which document of a group of copies is kept. */
  public enum Keep {
    /**
     * The longest text first (ties: the earliest in the input): a page that contains a story is
     * kept and the story dropped, so the most text is kept. The default.
     */
    LONGEST,
    /**
     * The earliest in the input first: of duplicates the first is kept. A story contained in a
     * later page stays too, as the page is not inside the story.
     */
    FIRST
  }

  /** Default {@link #minimumCoverage()}: at most a fifth of a dropped text is missing. */
  public static final double DEFAULT_MINIMUM_COVERAGE = 0.8;

  /**
   * A document left out, and the kept document that holds its text.
   *
   * @param id the dropped document
   * @param kept the kept document it was dropped for
   * @param relation {@link Relation#DUPLICATE} or {@link Relation#CONTAINED} (in {@code kept})
   * @param coverage the share of the dropped text found in the kept one: in shared passages, or for
   *     a duplicate the share of its distinct shingles in the other if that is larger
   */
  public record Dropped(String id, String kept, Relation relation, double coverage) {}

  /**
   * What to keep.
   *
   * @param kept ids of the documents kept, in input order
   * @param dropped the documents dropped, in input order
   */
  public record Result(List<String> kept, List<Dropped> dropped) {
    /** Copies the lists. */
    public Result {
      kept = List.copyOf(kept);
      dropped = List.copyOf(dropped);
    }
  }

  private final Keep keep;
  private final double minimumCoverage;

  /**
   * A deduplicator.
   *
   * @param keep which document of a group of copies is kept
   * @param minimumCoverage share of a contained text that must lie in its container for it to be
   *     dropped, in (0, 1]
   * @throws IllegalArgumentException if {@code minimumCoverage} is out of range
   */
  public Deduplicator(Keep keep, double minimumCoverage) {
    this.keep = Objects.requireNonNull(keep, "keep");
    if (!(minimumCoverage > 0 && minimumCoverage <= 1)) {
      throw new IllegalArgumentException(
          "minimumCoverage must be in (0, 1], got " + minimumCoverage);
    }
    this.minimumCoverage = minimumCoverage;
  }

  /** Which document of a group of copies is kept. */
  public Keep keep() {
    return keep;
  }

  /** Share of a contained text that must lie in its container for it to be dropped. */
  public double minimumCoverage() {
    return minimumCoverage;
  }

  /**
   * Decides which documents to keep.
   *
   * @param documents the scanned documents, in input order (ids distinct)
   * @param matches the scan's flagged pairs among them
   * @throws IllegalArgumentException if a match names a document not in {@code documents}
   */
  public Result deduplicate(List<Document> documents, List<Match> matches) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < documents.size(); i++) {
      position.put(documents.get(i).id(), i);
    }
    List<List<Candidate>> inside = new ArrayList<>(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      inside.add(new ArrayList<>(0));
    }
    // Documents with the same shingles (each wholly in the other): a scan pairs copies of one text
    // with the first copy only, so two later copies have no pair of their own, and the one kept
    // may be one of them (the longest). Equal sets are transitive, so the copies form classes, and
    // a copy may be dropped for any kept member of its class.
    UnionFind sameText = new UnionFind(documents.size());
    for (Match m : matches) {
      int a = positionOf(position, m.a());
      int b = positionOf(position, m.b());
      if (m.relation() == Relation.DUPLICATE) {
        // A text too short for passages has coverage 0: its shingles found in the other say more.
        double aInB = largest(m.scores().coverageA(), m.scores().containmentAInB());
        double bInA = largest(m.scores().coverageB(), m.scores().containmentBInA());
        inside.get(a).add(new Candidate(b, Relation.DUPLICATE, aInB));
        inside.get(b).add(new Candidate(a, Relation.DUPLICATE, bInA));
        if (aInB >= 1 && bInA >= 1) {
          sameText.union(a, b);
        }
      } else if (m.relation() == Relation.CONTAINED) {
        boolean aContains = m.container().equals(m.a());
        int inner = aContains ? b : a;
        double coverage = aContains ? m.scores().coverageB() : m.scores().coverageA();
        if (coverage >= minimumCoverage) {
          inside.get(inner).add(new Candidate(aContains ? a : b, Relation.CONTAINED, coverage));
        }
      }
    }
    Integer[] order = new Integer[documents.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (keep == Keep.LONGEST) {
      java.util.Arrays.sort(
          order,
          Comparator.<Integer>comparingInt(i -> -documents.get(i).text().length())
              .thenComparingInt(i -> i));
    }
    boolean[] kept = new boolean[documents.size()];
    Dropped[] dropped = new Dropped[documents.size()];
    // Among several kept documents holding it, the one holding most of it (then the earliest).
    Comparator<Candidate> best =
        Comparator.comparingDouble(Candidate::coverage).reversed().thenComparingInt(Candidate::to);
    // By class of copies, the first of its members kept (visited in order of preference), or -1.
    int[] keptCopy = new int[documents.size()];
    java.util.Arrays.fill(keptCopy, -1);
    for (int i : order) {
      Candidate holder = inside.get(i).stream().filter(c -> kept[c.to()]).min(best).orElse(null);
      int copy = keptCopy[sameText.find(i)];
      if (copy >= 0 && (holder == null || holder.coverage() < 1)) {
        holder = new Candidate(copy, Relation.DUPLICATE, 1);
      }
      if (holder == null) {
        kept[i] = true;
        if (copy < 0) {
          keptCopy[sameText.find(i)] = i;
        }
      } else {
        dropped[i] =
            new Dropped(
                documents.get(i).id(),
                documents.get(holder.to()).id(),
                holder.relation(),
                holder.coverage());
      }
    }
    List<String> keptIds = new ArrayList<>();
    List<Dropped> droppedList = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      if (kept[i]) {
        keptIds.add(documents.get(i).id());
      } else {
        droppedList.add(dropped[i]);
      }
    }
    return new Result(keptIds, droppedList);
  }

  /** The larger of two shares, either of which may be unknown ({@code NaN}); 0 if both are. */
  private static double largest(double x, double y) {
    return Math.max(Double.isNaN(x) ? 0 : x, Double.isNaN(y) ? 0 : y);
  }

  private static int positionOf(Map<String, Integer> position, String id) {
    Integer i = position.get(id);
    if (i == null) {
      throw new IllegalArgumentException("match names a document not given: " + id);
    }
    return i;
  }

  /** A document that may hold this one's text. */
  private record Candidate(int to, Relation relation, double coverage) {}

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "Deduplicator{keep=%s, minimumCoverage=%.2f}", keep, minimumCoverage);
  }
}
