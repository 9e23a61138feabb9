package org.polydup;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.polydup.cluster.ClusterBuilder;
import org.polydup.index.ExactCopies;
import org.polydup.index.LshIndex;
import org.polydup.index.PassageCandidates;
import org.polydup.index.PassageIndex;
import org.polydup.internal.SortedSets;
import org.polydup.lang.LanguageGuess;
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
  /**
   * Passage candidates must share four winnowed fingerprints, or a quarter of what the smaller text
   * has (at least two) when it is short: one or two alone are a single 10-word phrase, which
   * unrelated news texts share often enough to swamp verification on large corpora, while every
   * copy worth reporting (a story, a truncation, a digest's quoted lead) spans many. Measured on
   * 20k bulk documents: 42.8k candidates at two, 17.2k at four, same syndication F1.
   */
  static final int MINIMUM_SHARED_FINGERPRINTS = 4;

  /**
   * Id ranges the candidate search is split into: enough that ranges of early ids (which pair with
   * more later ids) do not leave a thread idle, few enough that per-range set-up is negligible.
   */
  private static final int CANDIDATE_RANGES = 256;

  /**
   * Documents read before they are handed to the pool as one fingerprinting task: enough that the
   * hand-over costs nothing against the analysis, few enough that the workers start at once.
   */
  private static final int READ_BLOCK = 64;

  /** Most indices a thread takes at once in {@link #parallel}: small against any stage. */
  private static final int MAXIMUM_BLOCK = 256;

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
      // Winnowing for the passage candidates needs no corpus statistics: done per document here
      // too. The index is only the winnowing here (it uses no shared state for that); the batch's
      // pairs come from PassageCandidates, built at once below.
      PassageIndex winnowing =
          PassageIndex.create(
              configuration.passageWindow(), configuration.boilerplateDocumentFrequency());
      ThreadLocal<Fingerprinter> workers =
          ThreadLocal.withInitial(() -> new Fingerprinter(configuration, beforeFingerprint));
      List<Document> documents = new ArrayList<>();
      List<FingerprintBlock> blocks = new ArrayList<>();
      AtomicLong done = new AtomicLong();
      AtomicLong read = new AtomicLong();
      AtomicInteger fingerprinted = new AtomicInteger();
      Set<String> ids = new HashSet<>();
      // The full lengths of the texts cut to maximumCharacters, by input position, for the report.
      Map<Integer, Integer> cutLengths = new HashMap<>();
      long characters = 0;
      // Reading (decoding and parsing the input) is the calling thread's work and fingerprinting
      // the pool's, so the two overlap: each block is handed to the pool as soon as it is read.
      // Results are stored by input position, so the read-ahead timing changes nothing.
      while (source.hasNext()) {
        Document given = source.next();
        if (given == null) {
          throw new NullPointerException("document " + documents.size() + " (from 0) is null");
        }
        Document d = configuration.cut(given);
        if (d != given) {
          cutLengths.put(documents.size(), given.text().length());
        }
        if (!ids.add(d.id())) {
          throw new IllegalArgumentException("duplicate document id: " + d.id());
        }
        documents.add(d);
        read.incrementAndGet();
        characters += d.text().length();
        if (documents.size() % READ_BLOCK == 0) {
          blocks.add(
              submitBlock(
                  pool, workers, winnowing, documents, progress, done, read, fingerprinted));
        }
      }
      if (documents.size() % READ_BLOCK != 0) {
        blocks.add(
            submitBlock(pool, workers, winnowing, documents, progress, done, read, fingerprinted));
      }
      ids = null;
      int n = documents.size();
      Fingerprint[] fingerprints = new Fingerprint[n];
      String[] problems = new String[n];
      int[][] passageFingerprints = new int[n][];
      int[] shingleCounts = new int[n];
      // Sized from the total text length, known only once everything is read; nothing is counted
      // before, so the sketch is the one sizing it up front gave.
      BatchDocumentFrequencies frequencies =
          new BatchDocumentFrequencies(
              Math.max(1, characters / 6), configuration.boilerplateDocumentFrequency());
      LshIndex lsh = LshIndex.create(configuration.lshParameters());
      // The reading thread, done reading while the workers still fingerprint, takes the blocks in
      // input order as they finish: it fills the LSH index and counts the document frequencies
      // (plain increments, one thread), two serial steps that used to wait for the last block.
      // Once every block is fingerprinted the workers are free, so the documents it has not
      // counted yet are counted by all threads at once below; counts are sums, so who counts
      // which document changes nothing in the sketch.
      List<long[]> uncounted = new ArrayList<>();
      // A copy of an earlier text enters no candidate index: it is paired through its first copy
      // (see ExactCopies). Its shingles are still counted, as every document's are.
      ExactCopies exactCopies = new ExactCopies();
      for (FingerprintBlock block : blocks) {
        block.task.join();
        boolean workersBusy = fingerprinted.get() < blocks.size();
        int m = block.fingerprints.length;
        for (int k = 0; k < m; k++) {
          Fingerprint f = block.fingerprints[k];
          int first = exactCopies.add(f == null ? null : f.shingles());
          if (first != block.from + k) {
            block.passageFingerprints[k] = null;
          } else if (f != null) {
            lsh.add(block.from + k, f.signature());
          }
          if (f != null) {
            if (workersBusy) {
              frequencies.addDocumentFromOneThread(f.shingles().distinct());
            } else {
              uncounted.add(f.shingles().distinct());
            }
          }
        }
        System.arraycopy(block.fingerprints, 0, fingerprints, block.from, m);
        System.arraycopy(block.problems, 0, problems, block.from, m);
        System.arraycopy(block.passageFingerprints, 0, passageFingerprints, block.from, m);
        System.arraycopy(block.shingleCounts, 0, shingleCounts, block.from, m);
      }
      blocks = null;
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
      long[] candidates = candidatePairs(pool, n, lsh, passages, shingleCounts);

      clock.lap("candidates");
      LanguageResolver languages = new LanguageResolver(documents, identifier);
      PairJudge judge = new PairJudge(configuration);
      // The copies' own pairs depend on the candidates alone, so both are judged in one pass.
      int[] firstCopies = exactCopies.firstCopies();
      long[] pairs = concatenated(candidates, copyPairs(firstCopies, candidates));
      Match[] verified = new Match[pairs.length];
      AtomicLong verifiedCount = new AtomicLong();
      parallel(
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
      matches.sort(positions.matchOrder());

      List<DocumentProblem> problemList = new ArrayList<>();
      int scanned = 0;
      for (int i = 0; i < n; i++) {
        if (problems[i] != null) {
          problemList.add(new DocumentProblem(documents.get(i).id(), problems[i]));
        } else {
          scanned++;
        }
        int length = cutLengths.getOrDefault(i, -1);
        if (problems[i] == null && length >= 0) {
          problemList.add(
              new DocumentProblem(
                  documents.get(i).id(),
                  String.format(
                      Locale.ROOT,
                      "only the first %,d of its %,d characters are read (maximumCharacters)",
                      documents.get(i).text().length(),
                      length)));
        }
        String alignmentProblem = alignmentProblems.get(i);
        if (alignmentProblem != null) {
          problemList.add(new DocumentProblem(documents.get(i).id(), alignmentProblem));
        }
        String language = languages.resolvedOrNull(i);
        if (problems[i] == null && language != null && LanguageGuess.isUndetermined(language)) {
          problemList.add(new DocumentProblem(documents.get(i).id(), unidentified(language)));
        }
      }
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

  /**
   * Why a document of an unidentified language was compared all the same, and how: the scan reports
   * it for each document whose language it needed (every document with cross-language matching on,
   * those in a pair without it), since identification is not run for the others.
   */
  static String unidentified(String language) {
    return "language not identified ("
        + language
        + "): compared by script-level rules (same-language copies as in any language;"
        + " cross-language keys by transliterating its script)";
  }

  /** The fingerprints of one block of documents read, filled by a pool task. */
  private static final class FingerprintBlock {
    final int from;
    final Fingerprint[] fingerprints;
    final String[] problems;
    final int[][] passageFingerprints;
    final int[] shingleCounts;
    ForkJoinTask<?> task;

    FingerprintBlock(int from, int size) {
      this.from = from;
      this.fingerprints = new Fingerprint[size];
      this.problems = new String[size];
      this.passageFingerprints = new int[size][];
      this.shingleCounts = new int[size];
    }
  }

  /** Hands the documents read since the last block to the pool, to fingerprint. */
  private static FingerprintBlock submitBlock(
      ForkJoinPool pool,
      ThreadLocal<Fingerprinter> workers,
      PassageIndex winnowing,
      List<Document> documents,
      ScanProgress progress,
      AtomicLong done,
      AtomicLong read,
      AtomicInteger fingerprinted) {
    int to = documents.size();
    int from = (to - 1) / READ_BLOCK * READ_BLOCK;
    Document[] texts = documents.subList(from, to).toArray(new Document[0]);
    FingerprintBlock block = new FingerprintBlock(from, texts.length);
    block.task =
        pool.submit(
            () -> {
              Fingerprinter worker = workers.get();
              for (int k = 0; k < texts.length; k++) {
                try {
                  Fingerprint f = worker.fingerprint(texts[k].text());
                  block.fingerprints[k] = f;
                  block.passageFingerprints[k] = winnowing.fingerprints(f.shingles().positional());
                  block.shingleCounts[k] = f.shingles().length();
                } catch (RuntimeException e) {
                  block.problems[k] = "could not be analysed: " + e;
                }
                // The total grows while the input is read: report what has been read so far.
                progress.update("fingerprint", done.incrementAndGet(), read.get());
              }
              fingerprinted.incrementAndGet();
            });
    return block;
  }

  /**
   * The candidate pairs of both indexes as sorted distinct {@link #pairKey}s. The all-pairs work is
   * split into ranges of first ids run on the pool; each range's keys are sorted and deduplicated
   * on their own, and as every key of a range is below every key of the next, concatenating them in
   * range order gives the same array on any number of threads.
   */
  private long[] candidatePairs(
      ForkJoinPool pool, int n, LshIndex lsh, PassageCandidates passages, int[] shingleCounts) {
    int ranges = Math.min(n, CANDIDATE_RANGES);
    long[][] keysByRange = new long[ranges][];
    parallel(
        pool,
        ranges,
        r -> {
          int from = (int) ((long) n * r / ranges);
          int to = (int) ((long) n * (r + 1) / ranges);
          LongArrayList keys = new LongArrayList();
          lsh.forEachCandidatePair(from, to, (x, y) -> keys.add(pairKey(x, y)));
          passages.forEachCandidatePair(
              from,
              to,
              (x, y, shared) -> {
                if (shared >= requiredFingerprints(shingleCounts[x], shingleCounts[y])) {
                  keys.add(pairKey(x, y));
                }
              });
          long[] found = keys.toLongArray();
          keysByRange[r] = SortedSets.sortedDistinct(found, found.length);
        });
    int total = 0;
    for (long[] keys : keysByRange) {
      total += keys.length;
    }
    long[] candidates = new long[total];
    int offset = 0;
    for (long[] keys : keysByRange) {
      System.arraycopy(keys, 0, candidates, offset, keys.length);
      offset += keys.length;
    }
    return candidates;
  }

  /**
   * The pairs of copies to verify, as sorted distinct {@link #pairKey}s: each later copy of a text
   * with its first copy, and, for each candidate pair of first copies, every other pair of a copy
   * of the one and a copy of the other, each verified on its own: a verdict can differ between
   * copies (the pair's orientation falls to the ids when two texts have as many shingles, and the
   * excerpt rules read each copy's own lines), so one copy's is not reused for another. Two later
   * copies of one text are not paired (see {@link ExactCopies}).
   */
  private static long[] copyPairs(int[] firstCopies, long[] candidates) {
    int[][] later = ExactCopies.laterCopies(firstCopies);
    LongArrayList keys = new LongArrayList();
    for (int first = 0; first < later.length; first++) {
      if (later[first] != null) {
        for (int copy : later[first]) {
          keys.add(pairKey(first, copy));
        }
      }
    }
    for (int p = 0; p < candidates.length; p++) {
      int x = (int) (candidates[p] >>> 32);
      int y = (int) candidates[p];
      if (later[x] == null && later[y] == null) {
        continue;
      }
      int[] copiesOfX = withFirst(x, later[x]);
      int[] copiesOfY = withFirst(y, later[y]);
      for (int u : copiesOfX) {
        for (int v : copiesOfY) {
          if (u != x || v != y) {
            keys.add(pairKey(u, v));
          }
        }
      }
    }
    long[] found = keys.toLongArray();
    return SortedSets.sortedDistinct(found, found.length);
  }

  /** {@code a} followed by {@code b}. */
  private static long[] concatenated(long[] a, long[] b) {
    long[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** {@code first} followed by its later copies, if any. */
  private static int[] withFirst(int first, int[] later) {
    if (later == null) {
      return new int[] {first};
    }
    int[] all = new int[later.length + 1];
    all[0] = first;
    System.arraycopy(later, 0, all, 1, later.length);
    return all;
  }

  private int requiredFingerprints(int shinglesX, int shinglesY) {
    int smaller = Math.min(shinglesX, shinglesY);
    double expected = 2.0 * smaller / (configuration.passageWindow() + 1);
    return Math.min(MINIMUM_SHARED_FINGERPRINTS, Math.max(2, (int) Math.ceil(expected / 4)));
  }

  static long pairKey(int x, int y) {
    int lo = Math.min(x, y);
    int hi = Math.max(x, y);
    return ((long) lo << 32) | (hi & 0xFFFFFFFFL);
  }

  /**
   * Runs {@code task} for {@code 0..count-1} on the pool's threads, which take small blocks of
   * indices from a shared counter as they go. A parallel stream instead splits the range up front
   * into about four leaves per thread, so at the end of a stage a thread could wait for the last
   * leaf of another (one that the OS ran less on a busy machine, or one with slow documents):
   * two-thread profiles showed one worker with 265 fingerprint samples and the other 146.
   */
  private static void parallel(ForkJoinPool pool, int count, IntConsumer task) {
    int threads = pool.getParallelism();
    int block = Math.max(1, Math.min(MAXIMUM_BLOCK, count / (16 * threads)));
    int blocks = (count + block - 1) / block;
    AtomicInteger next = new AtomicInteger();
    Runnable drain =
        () -> {
          for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
            int end = Math.min(count, (b + 1) * block);
            for (int i = b * block; i < end; i++) {
              task.accept(i);
            }
          }
        };
    List<ForkJoinTask<?>> workers = new ArrayList<>();
    for (int w = 0; w < Math.min(threads, blocks); w++) {
      workers.add(ForkJoinTask.adapt(drain));
    }
    pool.submit(() -> ForkJoinTask.invokeAll(workers)).join();
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
