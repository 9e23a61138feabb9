package org.polydup;

import org.polydup.align.CrossLanguageMatcher;
import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.verify.ShingleRarity;
import org.polydup.verify.Verification;
import org.polydup.verify.VerificationPolicy;
import org.polydup.verify.Verifier;

/**
 * The checks an aligned pair passes before it is reported ({@link #verdict}), the same in a batch
 * scan ({@link AlignmentStage}) and an incremental query ({@link IncrementalAlignment}): the quote
 * checks of {@link QuotedEvidence} on a same-language {@code derived} pair, and the spread checks
 * of {@link EvidenceSpread} on every pair.
 */
final class AlignedPairChecks {
  private final Verifier verifier;
  private final EvidenceSpread spread;

  AlignedPairChecks(VerificationPolicy policy) {
    this.verifier = new Verifier(policy);
    this.spread = new EvidenceSpread(policy);
  }

  /**
   * The relation an aligned pair is reported with after these checks, or {@code null} when it is
   * left out: a same-language {@code derived} pair must not rest on a quote ({@link
   * QuotedEvidence#quotedOnly}) and must be mostly reworded ({@link QuotedEvidence#rewordedShare}),
   * and every pair must spread its aligned entities as its relation needs ({@link
   * EvidenceSpread#decide}). Shared by the batch scan and the incremental query.
   *
   * @param p the aligned pair, {@code first} being the pair's first document
   * @param first the first document's fingerprint (its text and shingles)
   * @param firstLanguage its language
   * @param second the second document's fingerprint
   * @param secondLanguage its language
   */
  Relation verdict(
      CrossLanguageMatcher.AlignedPair p,
      Fingerprint first,
      String firstLanguage,
      Fingerprint second,
      String secondLanguage) {
    // Checked in the orientation PairJudge verifies in (the shorter text first, then the smaller
    // id), not the input's: the verifier matches a repeated passage to its first occurrence in the
    // second text, and the quote check reads where the first text's evidence lies, so the input
    // order decided some verdicts. The relation has no direction, so nothing is turned back.
    if (PairJudge.verifiesBFirst(p.a(), first, p.b(), second)) {
      CrossLanguageMatcher.AlignedPair turned =
          new CrossLanguageMatcher.AlignedPair(
              p.b(), p.a(), p.relation(), p.score(), p.alignment().swapped(), p.shapeAgrees());
      return verdictInOrder(turned, second, secondLanguage, first, firstLanguage);
    }
    return verdictInOrder(p, first, firstLanguage, second, secondLanguage);
  }

  /** {@link #verdict} with the pair's first document verified first. */
  private Relation verdictInOrder(
      CrossLanguageMatcher.AlignedPair p,
      Fingerprint first,
      String firstLanguage,
      Fingerprint second,
      String secondLanguage) {
    // The checks below read where the evidence lies through its offsets: the aligner builds an
    // evidence pair and its entities on access, which for every aligned pair was a quarter of this
    // check, while only the pairs kept show (some of) their entities.
    AlignmentResult alignment = p.alignment();
    String firstText = first.shingles().text();
    boolean sameLanguage = firstLanguage.equals(secondLanguage);
    Verification verbatim = null;
    if (p.relation() == Relation.DERIVED && sameLanguage) {
      verbatim = verbatim(first, second);
      if (QuotedEvidence.quotedOnly(verbatim, firstText, alignment)) {
        return null;
      }
    }
    Relation relation = spread.decide(p, alignment, firstText, second.shingles().text());
    if (relation == Relation.DERIVED
        && sameLanguage
        && QuotedEvidence.rewordedShare(
                verbatim != null ? verbatim : verbatim(first, second), first, second, alignment)
            < QuotedEvidence.REWORDED_SHARE) {
      return null;
    }
    return relation;
  }

  /** The pair's verification with every shingle counted. */
  private Verification verbatim(Fingerprint first, Fingerprint second) {
    return verifier.verify(first.shingles(), second.shingles(), ShingleRarity.NONE);
  }
}
