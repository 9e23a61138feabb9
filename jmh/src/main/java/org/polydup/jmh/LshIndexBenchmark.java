package org.polydup.jmh;

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
 * {@link LshIndex} add and query cost on real signatures ({@code k = 128}, banding from {@code
 * LshParameters.optimal(threshold, 128, 0.5, 0.5)}, 25 bands of 5 rows at the default 0.5). The
 * index is prefilled with every document of the corpus. {@code addAndRemove} adds the next
 * signature under a fresh id and removes it again (so the index keeps its size); {@code query}
 * looks up the next signature (which finds at least itself).
 *
 * <p>Run (from the repository root):
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -f jmh/pom.xml package \
 *   &amp;&amp; java -jar jmh/target/benchmarks.jar LshIndexBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 *
 * Input: {@code -p path=...} (default {@value BenchmarkCorpus#DEFAULT_PATH}, fallback described in
 * {@code BenchmarkCorpus}), {@code -p documents=20000}.
 *
 * <p>Measured 2026-11-22 with that command (20,000 bulk documents, 25 bands of 5 rows, 1.25
 * candidates per query on average, 480 estimated bytes/document; 2 cores shared with other builds):
 * addAndRemove 6.5 ± 4.8 us, query 4.7 ± 24 us. Both are bound by one cache miss per band.
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

  /** Jaccard threshold the banding is optimised for. */
  @Param("0.5")
  public double threshold;

  private MinHashSignature[] signatures;
  private LshIndex index;
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
    LshParameters parameters = LshParameters.optimal(threshold, 128, 0.5, 0.5);
    index = LshIndex.create(parameters);
    for (int i = 0; i < signatures.length; i++) {
      index.add(i, signatures[i]);
    }
    long candidates = 0;
    for (MinHashSignature signature : signatures) {
      candidates += index.query(signature).length;
    }
    System.out.println("# mean candidates per query: " + (double) candidates / signatures.length);
    System.out.println(
        "# "
            + parameters
            + ", "
            + index.size()
            + " documents, "
            + index.estimatedBytes() / index.size()
            + " bytes/document (estimated)");
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
}
