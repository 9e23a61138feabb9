package org.polydup;

import it.unimi.dsi.fastutil.longs.LongSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import org.polydup.align.AlignedEntityPair;
import org.polydup.align.AlignmentResult;
import org.polydup.align.AlignmentThresholds;
import org.polydup.align.CrossLanguageMatcher;
import org.polydup.verify.SharedPassage;
import org.polydup.verify.ShingleRarity;
import org.polydup.verify.VerificationPolicy;
import org.polydup.verify.Verifier;

/**
 * The cross-language step of a batch scan: hands the documents and their languages to the {@link
 * CrossLanguageMatcher} and turns its aligned pairs into matches with entity evidence.
 *
 * <p>Verbatim overlap belongs to the shingle stage. Pairs it flagged keep its verdict, and a
 * same-language pair whose aligned entities lie mostly inside text the two documents share word for
 * word is not re-judged as {@code derived}: {@code derived} means reworded, and the shingle stage
 * has already decided what that verbatim overlap is (a copy, or a headline and teaser quoted as a
 * link preview, which is not).
 */
final class AlignmentStage implements CrossLanguageStage {
  /** Share of aligned entities inside verbatim passages above which the overlap is verbatim. */
  private static final double VERBATIM_SHARE = 0.5;

  private final CrossLanguageMatcher matcher;
  private final Verifier verifier;

  AlignmentStage(boolean includeRelated, VerificationPolicy policy) {
    this.matcher =
        new CrossLanguageMatcher(AlignmentThresholds.defaults(), 8, includeRelated, false);
    this.verifier = new Verifier(policy);
  }

  @Override
  public Result scan(
      List<Document> documents,
      Fingerprint[] fingerprints,
      ShingleRarity rarity,
      LanguageResolver languages,
      LongSet alreadyMatched,
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
    List<CrossLanguageMatcher.AlignedPair> pairs = pool.submit(() -> matcher.match(docs)).join();
    progress.update("align", 1, 1);
    List<IndexedMatch> matches = new ArrayList<>();
    for (CrossLanguageMatcher.AlignedPair p : pairs) {
      int x = positionOf.getInt(p.a());
      int y = positionOf.getInt(p.b());
      if (alreadyMatched.contains(BatchScan.pairKey(x, y))) {
        continue;
      }
      if (p.relation() == Relation.DERIVED
          && languages.languageOf(x).equals(languages.languageOf(y))
          && verbatimShare(fingerprints[x], fingerprints[y], p.alignment(), rarity)
              > VERBATIM_SHARE) {
        continue;
      }
      boolean swap = x > y;
      matches.add(
          new IndexedMatch(
              Math.min(x, y),
              Math.max(x, y),
              toMatch(
                  documents.get(Math.min(x, y)).id(),
                  documents.get(Math.max(x, y)).id(),
                  languages.languageOf(Math.min(x, y)),
                  languages.languageOf(Math.max(x, y)),
                  p,
                  swap)));
    }
    return new Result(matches, pairs.size());
  }

  /** Share of the aligned entities of the first document that lie inside verbatim passages. */
  private double verbatimShare(
      Fingerprint first, Fingerprint second, AlignmentResult alignment, ShingleRarity rarity) {
    if (alignment.evidence().isEmpty()) {
      return 0;
    }
    List<SharedPassage> passages =
        verifier.verify(first.shingles(), second.shingles(), rarity).passages();
    int inside = 0;
    for (AlignedEntityPair e : alignment.evidence()) {
      for (SharedPassage passage : passages) {
        if (e.first().start() >= passage.aStart() && e.first().end() <= passage.aEnd()) {
          inside++;
          break;
        }
      }
    }
    return (double) inside / alignment.evidence().size();
  }

  private static Match toMatch(
      String a,
      String b,
      String languageA,
      String languageB,
      CrossLanguageMatcher.AlignedPair pair,
      boolean swap) {
    AlignmentResult r = pair.alignment();
    List<EntityLink> links = new ArrayList<>(r.evidence().size());
    for (AlignedEntityPair e : r.evidence()) {
      var first = swap ? e.second() : e.first();
      var second = swap ? e.first() : e.second();
      links.add(
          new EntityLink(
              first.kind().name().toLowerCase(Locale.ROOT),
              first.surface(),
              first.start(),
              first.end(),
              second.surface(),
              second.start(),
              second.end()));
    }
    Scores scores =
        Scores.ofAlignment(
            r.score(),
            swap ? r.coverageSecond() : r.coverageFirst(),
            swap ? r.coverageFirst() : r.coverageSecond());
    return new Match(a, b, pair.relation(), null, languageA, languageB, scores, List.of(), links);
  }
}
