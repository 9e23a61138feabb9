package org.polydup;

import it.unimi.dsi.fastutil.ints.IntSet;
import java.util.ArrayList;
import java.util.List;
import org.polydup.align.CrossLanguageMatcher;
import org.polydup.align.IncrementalMatcher;

/**
 * The align stage of the incremental API ({@link Detector#add}, {@link Detector#query}): an {@link
 * IncrementalMatcher} finds a queried document's aligned candidates among the added ones, and each
 * pair then passes the same checks as in a batch scan ({@link AlignedPairChecks#verdict}). What a
 * query cannot judge that a scan can is said in {@link IncrementalMatcher}; the README compares the
 * two on the evaluation sets.
 *
 * <p>Threads as {@link IncrementalMatcher}: the {@link DefaultDetector} calls {@link #add} under
 * its write lock and {@link #query} under its read lock, and extracts entities ({@link
 * IncrementalMatcher#profile}) outside both. A compaction ({@link Compaction}) also calls {@link
 * #add}, with no lock held, on the new indexes it builds: no other thread sees them until they are
 * swapped in under the write lock.
 */
final class IncrementalAlignment {
  private final AlignedPairChecks checks;
  private final IncrementalMatcher matcher;

  IncrementalAlignment(AlignedPairChecks checks, boolean includeRelated) {
    this.checks = checks;
    this.matcher = new IncrementalMatcher(includeRelated);
  }

  /**
   * Adds a document's profile as number {@code slot}: slots are given in order of addition, one per
   * document added, as the detector numbers its documents.
   */
  void add(int slot, IncrementalMatcher.Profile profile) {
    int number = matcher.add(profile);
    if (number != slot) {
      throw new IllegalStateException("entity index number " + number + " for slot " + slot);
    }
  }

  /** Removes the document of {@code slot}: no candidate, rival or key count any more. */
  void remove(int slot) {
    matcher.remove(slot);
  }

  /** What a query needs of the stored documents, by slot. */
  interface Stored {
    /** The document's id, or {@code null} when the slot was removed. */
    String idOf(int slot);

    /** Its fingerprint (text and shingles). */
    Fingerprint fingerprintOf(int slot);

    /** Its language. */
    String languageOf(int slot);
  }

  /**
   * The translations and reworded copies of a queried document among the stored ones, {@code a}
   * being the queried document, by ascending slot.
   *
   * @param id the queried document's id
   * @param exclude the slot of a stored document with that id, or -1
   * @param fingerprint its fingerprint
   * @param language its language
   * @param profile its entities and structure ({@link IncrementalMatcher#profile})
   * @param settled slots whose pair with the queried document the shingle stage already flagged:
   *     their verdict stands and they are not aligned
   * @param stored the detector's documents
   */
  List<Match> query(
      String id,
      int exclude,
      Fingerprint fingerprint,
      String language,
      IncrementalMatcher.Profile profile,
      IntSet settled,
      Stored stored) {
    List<Match> found = new ArrayList<>();
    for (IncrementalMatcher.Found aligned :
        matcher.match(id, profile, exclude, stored::idOf, settled::contains)) {
      CrossLanguageMatcher.AlignedPair pair = aligned.pair();
      int slot = aligned.number();
      String otherLanguage = stored.languageOf(slot);
      Fingerprint other = stored.fingerprintOf(slot);
      Relation verdict = checks.verdict(pair, fingerprint, language, other, otherLanguage);
      if (verdict != null) {
        found.add(
            AlignedMatch.toMatch(
                id,
                pair.b(),
                fingerprint.shingles().text(),
                other.shingles().text(),
                language,
                otherLanguage,
                pair,
                verdict,
                false));
      }
    }
    return found;
  }
}
