package org.polydup;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import org.polydup.verify.BoilerplatePositions;

/** The batch's verification pass: every candidate pair judged exactly, on the pool's threads. */
final class PairVerification {
  private PairVerification() {}

  /**
   * Each pair's verdict, by its position in {@code pairs} (so the order is the pairs', whatever the
   * threads): the match, or null where the pair is no copy.
   *
   * @param pairs the pairs to judge, as {@link CandidatePairs#pairKey}s
   */
  static Match[] verify(
      ForkJoinPool pool,
      long[] pairs,
      List<Document> documents,
      Fingerprint[] fingerprints,
      BoilerplatePositions[] boilerplate,
      PairJudge judge,
      LanguageResolver languages,
      ScanProgress progress) {
    Match[] verified = new Match[pairs.length];
    AtomicLong verifiedCount = new AtomicLong();
    ParallelIndices.forEach(
        pool,
        pairs.length,
        p -> {
          int x = (int) (pairs[p] >>> 32);
          int y = (int) pairs[p];
          verified[p] =
              judge.judge(
                  documents.get(x).id(),
                  fingerprints[x],
                  boilerplate[x],
                  documents.get(y).id(),
                  fingerprints[y],
                  boilerplate[y],
                  id -> languages.languageOf(id.equals(documents.get(x).id()) ? x : y));
          progress.update("verify", verifiedCount.incrementAndGet(), pairs.length);
        });
    return verified;
  }
}
