package org.polydup.jmh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.polydup.index.LshIndex;
import org.polydup.index.LshParameters;
import org.polydup.sketch.MinHashSignature;
import org.polydup.sketch.MinHasher;

/**
 * {@link LshIndex} add and query cost on real signatures, beside a reference in the same run: a
 * plain banded index as datasketch's {@code MinHashLSH} builds it, one {@code HashMap<Long,
 * List<Integer>>} per band and each document's band keys kept for removal ({@link ReferenceIndex}),
 * on the same signatures and bands. Both use {@code k = 128} and the library's default banding,
 * {@code LshParameters.forRecall(0.8, 128, 0.99)} as {@code Polydup.builder()} derives it: 16 bands
 * of 6 rows. Both indexes are prefilled with every document of the corpus. {@code addAndRemove}
 * adds the next signature under a fresh id and removes it again (so the index keeps its size);
 * {@code query} looks up the next signature (which finds at least itself). The reference's band key
 * is the same 64-bit polynomial over the rows, so the two differ in their tables only: {@link
 * LshIndex} keeps one open-addressing {@code int -> int} map per band with single documents inline,
 * the reference boxed keys and ids in chained maps and lists. Setup prints the mean candidates per
 * query and the heap each index takes (used heap after collections, before and after filling it),
 * beside {@link LshIndex#estimatedBytes()}.
 *
 * <p>Run (from the repository root):
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -f jmh/pom.xml package \
 *   &amp;&amp; java -jar jmh/target/benchmarks.jar LshIndexBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 *
 * Input: {@code -p path=...} (default {@value BenchmarkCorpus#DEFAULT_PATH}, fallback described in
 * {@code BenchmarkCorpus}), {@code -p documents=20000}, {@code -p threshold=0.8}.
 *
 * <p>Measured 2026-11-25 with that command and {@code -p
 * path=/work/shared/data/bulk/docs.jsonl.gz}, 20,000 bulk documents, 16 bands of 6 rows, 1.148
 * candidates per query in both indexes: LshIndex takes 315 bytes a document on the heap ({@code
 * estimatedBytes} says 314), the reference 2,687 (8.5 times as much). The times were taken with the
 * machine's load average at 11 to 13 on 2 cores, and no ratio between them held from one run to the
 * next: add and remove 19.1 ± 14.4 against the reference's 26.8 ± 44.0 us, query 20.0 ± 43.2
 * against 15.0 ± 132 us; a second run ({@code -wi 3 -i 5}) 12.2 ± 16.6 against 9.1 ± 15.5 and 13.4
 * ± 4.0 against 32.9 ± 76.3 us. Rerun on a quiet machine before quoting a speed ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LshIndexBenchmark {
  /** JSONL(.gz) file with a {@code text} field per line. */
  @Param(BenchmarkCorpus.DEFAULT_PATH)
  public String path;

  /** Number of documents read from the start of the file and prefilled into the index. */
  @Param("20000")
  public int documents;

  /** Jaccard threshold the banding reaches with candidate probability 0.99 (the default's). */
  @Param("0.8")
  public double threshold;

  private MinHashSignature[] signatures;
  private LshIndex index;
  private ReferenceIndex reference;
  private int next;

  /** Signs the corpus and fills the index. */
  @Setup
  public void setUp() {
    long[][] shingles = BenchmarkCorpus.shingles(path, documents);
    MinHasher hasher = MinHasher.create(128, 1);
    signatures = new MinHashSignature[shingles.length];
    for (int i = 0; i < shingles.length; i++) {
      signatures[i] = hasher.sign(shingles[i]);
    }
    LshParameters parameters = LshParameters.forRecall(threshold, 128, 0.99);
    long before = usedHeap();
    index = LshIndex.create(parameters);
    for (int i = 0; i < signatures.length; i++) {
      index.add(i, signatures[i]);
    }
    long indexBytes = usedHeap() - before;
    before = usedHeap();
    reference = new ReferenceIndex(parameters);
    for (int i = 0; i < signatures.length; i++) {
      reference.add(i, signatures[i]);
    }
    long referenceBytes = usedHeap() - before;
    long candidates = 0;
    long referenceCandidates = 0;
    for (MinHashSignature signature : signatures) {
      candidates += index.query(signature).length;
      referenceCandidates += reference.query(signature).size();
    }
    // Equal but for spurious key collisions (LshIndex's keys have 32 bits: about one pair here).
    System.out.println(
        "# mean candidates per query: "
            + (double) candidates / signatures.length
            + " (reference "
            + (double) referenceCandidates / signatures.length
            + ")");
    System.out.println(
        "# "
            + parameters
            + ", "
            + index.size()
            + " documents; bytes/document: LshIndex "
            + indexBytes / index.size()
            + " on the heap ("
            + index.estimatedBytes() / index.size()
            + " estimated), reference "
            + referenceBytes / index.size()
            + " on the heap");
  }

  /** Heap in use after collections: a rough measure, enough to compare the two indexes. */
  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private int advance() {
    int current = next;
    next = next + 1 == signatures.length ? 0 : next + 1;
    return current;
  }

  /** Adds the next signature under a fresh id, then removes it. */
  @Benchmark
  public boolean addAndRemove() {
    int i = advance();
    int id = signatures.length + i;
    index.add(id, signatures[i]);
    return index.remove(id);
  }

  /** Queries the next signature. */
  @Benchmark
  public void query(Blackhole blackhole) {
    blackhole.consume(index.query(signatures[advance()]));
  }

  /** The reference: adds the next signature under a fresh id, then removes it. */
  @Benchmark
  public boolean referenceAddAndRemove() {
    int i = advance();
    int id = signatures.length + i;
    reference.add(id, signatures[i]);
    return reference.remove(id);
  }

  /** The reference: queries the next signature. */
  @Benchmark
  public void referenceQuery(Blackhole blackhole) {
    blackhole.consume(reference.query(signatures[advance()]));
  }

  /**
   * A banded LSH index as datasketch's {@code MinHashLSH} is written: per band a hash table from
   * the band's key to the list of its documents, and per document its band keys, so that {@code
   * remove} finds its buckets; a query is the union of its buckets, as a set. Not thread-safe.
   */
  static final class ReferenceIndex {
    private final int rowsPerBand;
    private final List<Map<Long, List<Integer>>> tables = new ArrayList<>();
    private final Map<Integer, long[]> keysByDocument = new HashMap<>();

    ReferenceIndex(LshParameters parameters) {
      this.rowsPerBand = parameters.rowsPerBand();
      for (int band = 0; band < parameters.bands(); band++) {
        tables.add(new HashMap<>());
      }
    }

    void add(int documentId, MinHashSignature signature) {
      long[] keys = keys(signature);
      keysByDocument.put(documentId, keys);
      for (int band = 0; band < keys.length; band++) {
        tables.get(band).computeIfAbsent(keys[band], k -> new ArrayList<>()).add(documentId);
      }
    }

    boolean remove(int documentId) {
      long[] keys = keysByDocument.remove(documentId);
      if (keys == null) {
        return false;
      }
      for (int band = 0; band < keys.length; band++) {
        Map<Long, List<Integer>> table = tables.get(band);
        List<Integer> bucket = table.get(keys[band]);
        bucket.remove(Integer.valueOf(documentId));
        if (bucket.isEmpty()) {
          table.remove(keys[band]);
        }
      }
      return true;
    }

    Set<Integer> query(MinHashSignature signature) {
      long[] keys = keys(signature);
      Set<Integer> found = new HashSet<>();
      for (int band = 0; band < keys.length; band++) {
        List<Integer> bucket = tables.get(band).get(keys[band]);
        if (bucket != null) {
          found.addAll(bucket);
        }
      }
      return found;
    }

    /** One 64-bit key per band: a polynomial over its rows (LshIndex's, before its mixing). */
    private long[] keys(MinHashSignature signature) {
      int[] values = signature.values();
      long[] keys = new long[tables.size()];
      for (int band = 0; band < keys.length; band++) {
        long hash = band;
        for (int row = 0; row < rowsPerBand; row++) {
          hash =
              hash * 0x9E3779B97F4A7C15L + Integer.toUnsignedLong(values[band * rowsPerBand + row]);
        }
        keys[band] = hash;
      }
      return keys;
    }
  }
}
