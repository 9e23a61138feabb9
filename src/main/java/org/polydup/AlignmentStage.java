package org.polydup;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import org.polydup.align.CrossLanguageMatcher;
import org.polydup.align.pairwise.AlignmentThresholds;
import org.polydup.sketch.SimilarityEstimator;
import org.polydup.verify.ShingleRarity;
import org.polydup.verify.VerificationPolicy;

/**
 * The cross-language step of a batch scan: hands the documents and their languages to the {@link
 * CrossLanguageMatcher} and turns its aligned pairs into matches with entity evidence.
 *
 * <p>Verbatim overlap belongs to the shingle stage. Pairs it flagged keep its verdict, and a
 * same-language pair whose aligned entities lie mostly inside text the two documents share word for
 * word is not re-judged as {@code derived}: {@code derived} means reworded, and the shingle stage
 * has already decided what that verbatim overlap is (a copy, or a headline and teaser quoted as a
 * link preview, which is not).
 *
 * <p>Each aligned pair passes {@link AlignedPairChecks} and is reported as an {@link AlignedMatch};
 * the side links between families of versions are then dropped ({@link SideLinks}).
 */
final class AlignmentStage implements CrossLanguageStage {
  /** Estimated Jaccard similarity at which a settled pair is a whole-text copy: the scan's. */
  private final double wholeCopyJaccard;

  private final CrossLanguageMatcher matcher;
  private final AlignedPairChecks checks;

  AlignmentStage(boolean includeRelated, VerificationPolicy policy, double wholeCopyJaccard) {
    this.wholeCopyJaccard = wholeCopyJaccard;
    this.matcher =
        new CrossLanguageMatcher(AlignmentThresholds.defaults(), 8, includeRelated, false);
    this.checks = new AlignedPairChecks(policy);
  }

  @Override
  public Result scan(
      List<Document> documents,
      Fingerprint[] fingerprints,
      ShingleRarity rarity,
      LanguageResolver languages,
      SettledPairs alreadySettled,
      ForkJoinPool pool,
      ScanProgress progress) {
    List<Integer> positions = new ArrayList<>();
    List<CrossLanguageMatcher.Doc> docs = new ArrayList<>();
    Object2IntOpenHashMap<String> positionOf = new Object2IntOpenHashMap<>();
    for (int i = 0; i < documents.size(); i++) {
      if (fingerprints[i] == null) {
        continue;
      }
      Document d = documents.get(i);
      positions.add(i);
      positionOf.put(d.id(), i);
      docs.add(new CrossLanguageMatcher.Doc(d.id(), d.text(), languages.languageOf(i)));
    }
    progress.update("align", 0, 1);
    // Run inside the scan's pool so the matcher's parallel streams use its threads.
    int[] position = positions.stream().mapToInt(Integer::intValue).toArray();
    // Pairs the shingle stage flagged keep its verdict: do not spend an alignment on them.
    CrossLanguageMatcher.PairFilter settled =
        new CrossLanguageMatcher.PairFilter() {
          @Override
          public boolean settled(int low, int high) {
            return alreadySettled.contains(position[low], position[high]);
          }

          @Override
          public boolean wholeCopy(int low, int high) {
            return isWholeCopy(fingerprints[position[low]], fingerprints[position[high]]);
          }
        };
    Map<Integer, String> problems = new ConcurrentSkipListMap<>();
    List<CrossLanguageMatcher.AlignedPair> pairs =
        pool.submit(
                () ->
                    matcher.match(
                        docs,
                        settled,
                        (index, failure) ->
                            problems.put(
                                position[index],
                                "entities could not be extracted ("
                                    + failure
                                    + "); it was compared without them")))
            .join();
    progress.update("align", 1, 1);
    // Checking each aligned pair costs an exact verification: do it on the scan's threads.
    List<IndexedMatch> matches =
        pool.submit(
                () ->
                    pairs.parallelStream()
                        .map(
                            p ->
                                check(
                                    p,
                                    positionOf.getInt(p.a()),
                                    positionOf.getInt(p.b()),
                                    documents,
                                    fingerprints,
                                    languages,
                                    alreadySettled))
                        .filter(Objects::nonNull)
                        .collect(Collectors.toList()))
            .join();
    return new Result(
        SideLinks.without(matches, wholeCopies(alreadySettled, fingerprints), documents.size()),
        pairs.size(),
        problems);
  }

  /**
   * Input positions of the documents in a settled pair whose estimated Jaccard similarity reaches
   * {@link #wholeCopyJaccard}: a whole-text copy (the shingle stage's {@code duplicate}).
   */
  private BitSet wholeCopies(SettledPairs alreadySettled, Fingerprint[] fingerprints) {
    BitSet copies = new BitSet(fingerprints.length);
    var keys = alreadySettled.flaggedKeys();
    while (keys.hasNext()) {
      long key = keys.nextLong();
      int low = (int) (key >>> 32);
      int high = (int) key;
      if (fingerprints[low] != null
          && fingerprints[high] != null
          && isWholeCopy(fingerprints[low], fingerprints[high])) {
        copies.set(low);
        copies.set(high);
      }
    }
    return copies;
  }

  /** Whether two settled documents are a whole-text copy: the shingle stage's {@code duplicate}. */
  private boolean isWholeCopy(Fingerprint first, Fingerprint second) {
    return SimilarityEstimator.jaccard(first.signature(), second.signature()).estimate()
        >= wholeCopyJaccard;
  }

  /** The match for one aligned pair, or {@code null} when it is left out. */
  private IndexedMatch check(
      CrossLanguageMatcher.AlignedPair p,
      int x,
      int y,
      List<Document> documents,
      Fingerprint[] fingerprints,
      LanguageResolver languages,
      SettledPairs alreadySettled) {
    if (alreadySettled.contains(x, y)) {
      return null;
    }
    Relation relation =
        checks.verdict(
            p, fingerprints[x], languages.languageOf(x), fingerprints[y], languages.languageOf(y));
    if (relation == null) {
      return null;
    }
    int low = Math.min(x, y);
    int high = Math.max(x, y);
    return new IndexedMatch(
        low,
        high,
        AlignedMatch.toMatch(
            documents.get(low).id(),
            documents.get(high).id(),
            documents.get(low).text(),
            documents.get(high).text(),
            languages.languageOf(low),
            languages.languageOf(high),
            p,
            relation,
            x > y));
  }
}
