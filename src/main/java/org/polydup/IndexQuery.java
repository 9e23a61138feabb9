package org.polydup;

import it.unimi.dsi.fastutil.ints.IntAVLTreeSet;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.ints.IntSortedSet;
import java.util.ArrayList;
import java.util.List;
import org.polydup.align.IncrementalMatcher;
import org.polydup.verify.BoilerplatePositions;
import org.polydup.verify.DocumentFrequencies;

/**
 * A query against a {@link DefaultDetector}'s indexes: the candidates of the LSH and passage
 * indexes go through the shingle stage ({@link PairJudge}), with copies of the queried text paired
 * with the earliest one alone, and then, with cross-language matching on, the align stage ({@link
 * IncrementalAlignment}) finds translations and reworded copies among the rest.
 */
final class IndexQuery {
  private final PairJudge judge;

  /** The detector's, kept across compactions; read under its lock. */
  private final DocumentFrequencies frequencies;

  IndexQuery(PairJudge judge, DocumentFrequencies frequencies) {
    this.judge = judge;
    this.frequencies = frequencies;
  }

  /**
   * The matches of an analysed document among the documents of {@code current}. Must hold the
   * detector's lock (the read lock will do).
   */
  List<Match> matches(AnalysedDocument analysed, SlotIndexes current) {
    Document document = analysed.document();
    Fingerprint fingerprint = analysed.fingerprint();
    String language = analysed.language();
    IncrementalMatcher.Profile profile = analysed.profile();
    List<Match> found = new ArrayList<>();
    // Slots the shingle stage flagged: their verdict stands, the align stage leaves them alone.
    IntOpenHashSet settled = new IntOpenHashSet();
    IntSortedSet candidates = new IntAVLTreeSet(current.lsh.query(fingerprint.signature()));
    for (int slot : current.passages.query(fingerprint.shingles().positional())) {
      candidates.add(slot);
    }
    // The queried text's boilerplate once, not once per candidate: each position is a probe
    // into the frequency sketch, most of them cache misses (a third of a query's time).
    BoilerplatePositions boilerplate = BoilerplatePositions.of(fingerprint.shingles(), frequencies);
    // Copies of the queried text (the same shingles in the same order) are all candidates, by
    // ascending slot: the query is paired with the earliest live one alone, as a scan pairs a
    // later copy with the first copy only (ExactCopies), and the others are settled as copies
    // of that one. Otherwise a stream of n copies of a wire story made n(n - 1)/2 pairs. An
    // indexed document queried by its own id before any copy of it is the first copy itself,
    // paired with every later one.
    boolean hasShingles = fingerprint.shingles().length() > 0;
    boolean copyFound = false;
    boolean queryIsFirstCopy = false;
    for (int slot : candidates) {
      StoredDocument s = current.stored.get(slot);
      if (s == null) {
        continue;
      }
      boolean copy =
          hasShingles && s.fingerprint().shingles().sameShinglesAs(fingerprint.shingles());
      if (s.id().equals(document.id())) {
        queryIsFirstCopy |= copy && !copyFound;
        continue;
      }
      if (copy && !queryIsFirstCopy) {
        if (copyFound) {
          settled.add(slot);
          continue;
        }
        copyFound = true;
      }
      Match m =
          judge.judge(
              document.id(),
              fingerprint,
              boilerplate,
              s.id(),
              s.fingerprint(),
              frequencies,
              id -> id.equals(document.id()) ? language : s.language());
      if (m != null) {
        found.add(m);
        settled.add(slot);
      }
    }
    if (current.alignment != null) {
      Integer own = current.slotOf.get(document.id());
      found.addAll(
          current.alignment.query(
              document.id(),
              own == null ? -1 : own,
              fingerprint,
              language,
              profile,
              settled,
              current));
    }
    return found;
  }
}
