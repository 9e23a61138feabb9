package org.polydup;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Consumer;
import org.polydup.cluster.ClusterBuilder;
import org.polydup.index.ExactCopies;
import org.polydup.index.LshIndex;
import org.polydup.index.PassageCandidates;
import org.polydup.lang.LanguageIdentifier;
import org.polydup.verify.BatchDocumentFrequencies;
import org.polydup.verify.BoilerplatePositions;
import org.polydup.verify.ShingleRarity;
import org.polydup.verify.ShingleSequence;

/**
 * One batch scan: fingerprint every document in parallel, propose candidate pairs from the MinHash
 * LSH index (whole-text similarity) and the passage index (partial copies), verify each candidate
 * exactly, add the cross-language matches, and cluster.
 *
 * <p>Deterministic: every per-document result is stored by input position and candidate pairs are
 * sorted before verification, so thread scheduling changes nothing in the output.
 */
final class BatchScan {
  private final Configuration configuration;
  private final LanguageIdentifier identifier;
  private final CrossLanguageStage crossLanguage;

  /**
   * Given each text before it is fingerprinted ({@link Fingerprinter}); does nothing but in tests,
   * where it may throw, as a failing analysis would.
   */
  private final Consumer<String> beforeFingerprint;

  BatchScan(
      Configuration configuration,
      LanguageIdentifier identifier,
      CrossLanguageStage crossLanguage,
      Consumer<String> beforeFingerprint) {
    this.configuration = configuration;
    this.identifier = identifier;
    this.crossLanguage = crossLanguage;
    this.beforeFingerprint = beforeFingerprint;
  }

  ScanResult run(List<Document> documents, ScanProgress progress) {
    requireDistinctIds(documents);
    return run(documents.iterator(), progress);
  }

  /**
   * Scans the documents {@code source} yields, reading them on the calling thread while the pool's
   * workers fingerprint the blocks already read.
   *
   * @throws IllegalArgumentException when two documents share an id (found while reading)
   */
  ScanResult run(Iterator<? extends Document> source, ScanProgress progress) {
    ForkJoinPool pool = new ForkJoinPool(configuration.threads());
    StageClock clock = new StageClock();
    try {
      FingerprintedBatch batch =
          FingerprintedBatch.read(source, pool, configuration, beforeFingerprint, progress);
      // Taken out of the batch, so that what the later stages no longer read can be collected.
      List<Document> documents = batch.documents;
      Map<Integer, Integer> cutLengths = batch.cutLengths;
      long characters = batch.characters;
      int n = documents.size();
      Fingerprint[] fingerprints = batch.fingerprints;
      String[] problems = batch.problems;
      int[][] passageFingerprints = batch.passageFingerprints;
      int[] shingleCounts = batch.shingleCounts;
      BatchDocumentFrequencies frequencies = batch.frequencies;
      LshIndex lsh = batch.lsh;
      List<long[]> uncounted = batch.uncounted;
      ExactCopies exactCopies = batch.exactCopies;
      batch = null;
      clock.lap("fingerprint");

      ShingleSequence[] sequences = new ShingleSequence[n];
      for (int i = 0; i < n; i++) {
        if (fingerprints[i] != null) {
          sequences[i] = fingerprints[i].shingles();
        }
      }
      BoilerplatePositions[] boilerplate = new BoilerplatePositions[n];
      // Building the passage candidates (one sort of all fingerprints) takes one thread; beside it
      // the frequencies are frozen and each document's boilerplate positions marked (once per
      // document, not once per pair) on whichever threads are free.
      ForkJoinTask<PassageCandidates> passageBuild =
          ForkJoinTask.adapt(
              () ->
                  PassageCandidates.of(
                      passageFingerprints, configuration.boilerplateDocumentFrequency()));
      ShingleRarity rarity =
          pool.submit(
                  () -> {
                    passageBuild.fork();
                    frequencies.addDocuments(uncounted);
                    ShingleRarity frozen = frequencies.freezeInParallel(sequences, boilerplate);
                    passageBuild.join();
                    return frozen;
                  })
              .join();
      long indexBytes = 0;
      long verificationBytes = 0;
      for (int i = 0; i < n; i++) {
        if (fingerprints[i] != null) {
          indexBytes += 4L * fingerprints[i].signature().numberOfPermutations() + 32;
          verificationBytes +=
              fingerprints[i].shingles().estimatedBytes() + boilerplate[i].estimatedBytes();
        }
      }
      indexBytes += lsh.estimatedBytes();
      PassageCandidates passages = passageBuild.join();
      Arrays.fill(passageFingerprints, null); // the candidates keep what they need
      long passageIndexBytes = passages.estimatedBytes();
      long[] candidates =
          CandidatePairs.search(
              pool, n, lsh, passages, shingleCounts, configuration.passageWindow());

      clock.lap("candidates");
      LanguageResolver languages = new LanguageResolver(documents, identifier);
      PairJudge judge = new PairJudge(configuration);
      // The copies' own pairs depend on the candidates alone, so both are judged in one pass.
      int[] firstCopies = exactCopies.firstCopies();
      long[] pairs =
          CandidatePairs.concatenated(
              candidates, CandidatePairs.copyPairs(firstCopies, candidates));
      Match[] verified =
          PairVerification.verify(
              pool, pairs, documents, fingerprints, boilerplate, judge, languages, progress);

      clock.lap("verify");
      List<Match> matches = new ArrayList<>();
      LongOpenHashSet matchedPairs = new LongOpenHashSet();
      ClusterBuilder clusters = new ClusterBuilder(n);
      for (int p = 0; p < pairs.length; p++) {
        if (verified[p] != null) {
          matches.add(verified[p]);
          matchedPairs.add(pairs[p]);
          clusters.addEdge((int) (pairs[p] >>> 32), (int) pairs[p]);
        }
      }
      long crossCandidates = 0;
      Map<Integer, String> alignmentProblems = Map.of();
      if (configuration.crossLanguage() && crossLanguage != null) {
        CrossLanguageStage.Result cross =
            crossLanguage.scan(
                documents,
                fingerprints,
                rarity,
                languages,
                new SettledPairs(matchedPairs, firstCopies),
                pool,
                progress);
        crossCandidates = cross.candidatePairs();
        alignmentProblems = cross.problems();
        for (CrossLanguageStage.IndexedMatch m : cross.matches()) {
          matches.add(m.match());
          if (m.match().relation() != Relation.RELATED) {
            clusters.addEdge(m.x(), m.y());
          }
        }
      }
      clock.lap("cross-language");
      InputOrder positions = new InputOrder(documents);
      positions.sort(matches);

      int scanned = ScanProblems.scanned(problems);
      List<DocumentProblem> problemList =
          ScanProblems.of(documents, problems, cutLengths, alignmentProblems, languages);
      List<StoryCluster> clusterList =
          clusters.build(i -> documents.get(i).id(), i -> documents.get(i).text().length());
      clock.lap("cluster");
      return new ScanResult(
          scanned,
          matches,
          clusterList,
          problemList,
          new ScanStatistics(
              characters,
              pairs.length,
              crossCandidates,
              indexBytes,
              passageIndexBytes,
              verificationBytes,
              clock.laps()));
    } finally {
      pool.shutdown();
    }
  }

  private static void requireDistinctIds(List<Document> documents) {
    Set<String> seen = new HashSet<>(documents.size() * 2);
    for (int i = 0; i < documents.size(); i++) {
      Document d = documents.get(i);
      if (d == null) {
        throw new NullPointerException("document " + i + " (from 0) is null");
      }
      if (!seen.add(d.id())) {
        throw new IllegalArgumentException("duplicate document id: " + d.id());
      }
    }
  }
}
