package org.polydup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.polydup.index.ExactCopies;
import org.polydup.index.LshIndex;
import org.polydup.index.PassageIndex;
import org.polydup.verify.BatchDocumentFrequencies;

/**
 * A batch's documents read and fingerprinted: the calling thread reads them in blocks that the
 * pool's workers fingerprint meanwhile, then, block by block in input order, fills the LSH index
 * and counts the document frequencies. Every array is by input position.
 */
final class FingerprintedBatch {
  /**
   * Documents read before they are handed to the pool as one fingerprinting task: enough that the
   * hand-over costs nothing against the analysis, few enough that the workers start at once.
   */
  private static final int READ_BLOCK = 64;

  /** The documents read, cut to maximumCharacters. */
  final List<Document> documents = new ArrayList<>();

  /** The full lengths of the texts cut to maximumCharacters, by input position, for the report. */
  final Map<Integer, Integer> cutLengths = new HashMap<>();

  /** Null where the analysis failed. */
  Fingerprint[] fingerprints;

  /** Why each document could not be analysed, or null. */
  String[] problems;

  /** The winnowed passage fingerprints; null for a later exact copy, which enters no index. */
  int[][] passageFingerprints;

  int[] shingleCounts;

  /** The total length of the texts read. */
  long characters;

  LshIndex lsh;

  /** The document frequencies, counted but for the documents in {@link #uncounted}. */
  BatchDocumentFrequencies frequencies;

  /** The distinct shingles of the documents not counted in {@link #frequencies} yet. */
  final List<long[]> uncounted = new ArrayList<>();

  /**
   * A copy of an earlier text enters no candidate index: it is paired through its first copy (see
   * ExactCopies). Its shingles are still counted, as every document's are.
   */
  final ExactCopies exactCopies = new ExactCopies();

  private FingerprintedBatch() {}

  /**
   * Reads and fingerprints the documents {@code source} yields, reading them on the calling thread
   * while the pool's workers fingerprint the blocks already read.
   *
   * @throws IllegalArgumentException when two documents share an id (found while reading)
   */
  static FingerprintedBatch read(
      Iterator<? extends Document> source,
      ForkJoinPool pool,
      Configuration configuration,
      Consumer<String> beforeFingerprint,
      ScanProgress progress) {
    FingerprintedBatch batch = new FingerprintedBatch();
    batch.readAndCount(source, pool, configuration, beforeFingerprint, progress);
    return batch;
  }

  private void readAndCount(
      Iterator<? extends Document> source,
      ForkJoinPool pool,
      Configuration configuration,
      Consumer<String> beforeFingerprint,
      ScanProgress progress) {
    // Winnowing for the passage candidates needs no corpus statistics: done per document here
    // too. The index is only the winnowing here (it uses no shared state for that); the batch's
    // pairs come from PassageCandidates, built at once in BatchScan.
    PassageIndex winnowing =
        PassageIndex.create(
            configuration.passageWindow(), configuration.boilerplateDocumentFrequency());
    ThreadLocal<Fingerprinter> workers =
        ThreadLocal.withInitial(() -> new Fingerprinter(configuration, beforeFingerprint));
    List<FingerprintBlock> blocks = new ArrayList<>();
    AtomicLong done = new AtomicLong();
    AtomicLong read = new AtomicLong();
    AtomicInteger fingerprinted = new AtomicInteger();
    Set<String> ids = new HashSet<>();
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
            submitBlock(pool, workers, winnowing, documents, progress, done, read, fingerprinted));
      }
    }
    if (documents.size() % READ_BLOCK != 0) {
      blocks.add(
          submitBlock(pool, workers, winnowing, documents, progress, done, read, fingerprinted));
    }
    ids = null;
    int n = documents.size();
    fingerprints = new Fingerprint[n];
    problems = new String[n];
    passageFingerprints = new int[n][];
    shingleCounts = new int[n];
    // Sized from the total text length, known only once everything is read; nothing is counted
    // before, so the sketch is the one sizing it up front gave.
    frequencies =
        new BatchDocumentFrequencies(
            Math.max(1, characters / 6), configuration.boilerplateDocumentFrequency());
    lsh = LshIndex.create(configuration.lshParameters());
    // The reading thread, done reading while the workers still fingerprint, takes the blocks in
    // input order as they finish: it fills the LSH index and counts the document frequencies
    // (plain increments, one thread), two serial steps that used to wait for the last block.
    // Once every block is fingerprinted the workers are free, so the documents it has not
    // counted yet are counted by all threads at once (in BatchScan); counts are sums, so who
    // counts which document changes nothing in the sketch.
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
}
