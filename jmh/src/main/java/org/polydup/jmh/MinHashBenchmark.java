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
import org.polydup.sketch.ClassicMinHasher;
import org.polydup.sketch.MinHasher;

/**
 * Signature cost per document: the one-pass scheme ({@link MinHasher}, one-permutation hashing with
 * optimal densification) against classic {@code k}-hash MinHash ({@link ClassicMinHasher}) at the
 * same {@code k}, on the same real shingle arrays. Each operation signs the next document of the
 * corpus (cycling), so the score is time per document.
 *
 * <p>Run (from the repository root):
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -f jmh/pom.xml package \
 *   &amp;&amp; java -jar jmh/target/benchmarks.jar MinHashBenchmark -f 1 -wi 5 -i 10 -w 1s -r 1s
 * </pre>
 *
 * Input: {@code -p path=...} (default {@value BenchmarkCorpus#DEFAULT_PATH}, fallback described in
 * {@code BenchmarkCorpus}), {@code -p documents=2000}.
 *
 * <p>Measured in session 31 with that command (first 2000 bulk documents, 159 shingles on
 * average; JDK 17, 2 cores, load average 1.3): classic 52.1 ± 12.3 us/document, one-pass 2.45 ±
 * 0.31, a ratio of 21 (14 at the error bars' worst). Earlier runs with {@code -wi 2 -i 3}, whose
 * errors exceeded their means, gave 66.1 against 2.8 (24) and 58.1 against 3.6 (16). On random sets in one JVM (session 4) the ratio grew with the set
 * size: 3.4 at 10 shingles (densification dominates), 14 at 54, 36 at 126, 60 at 1,000.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MinHashBenchmark {
  /** JSONL(.gz) file with a {@code text} field per line. */
  @Param(BenchmarkCorpus.DEFAULT_PATH)
  public String path;

  /** Number of documents read from the start of the file. */
  @Param("2000")
  public int documents;

  /** Number of permutations (slots) of both schemes. */
  @Param("128")
  public int numberOfPermutations;

  private long[][] shingles;
  private MinHasher onePass;
  private ClassicMinHasher classic;
  private int next;

  /** Reads and shingles the corpus; creates both hashers with seed 1. */
  @Setup
  public void setUp() {
    shingles = BenchmarkCorpus.shingles(path, documents);
    long total = 0;
    for (long[] document : shingles) {
      total += document.length;
    }
    System.out.println("# mean shingles per document: " + total / shingles.length);
    onePass = MinHasher.create(numberOfPermutations, 1);
    classic = ClassicMinHasher.create(numberOfPermutations, 1);
  }

  private long[] nextDocument() {
    long[] document = shingles[next];
    next = next + 1 == shingles.length ? 0 : next + 1;
    return document;
  }

  /** One-pass signature of the next document. */
  @Benchmark
  public void onePass(Blackhole blackhole) {
    blackhole.consume(onePass.sign(nextDocument()));
  }

  /** Classic signature of the next document. */
  @Benchmark
  public void classic(Blackhole blackhole) {
    blackhole.consume(classic.sign(nextDocument()));
  }
}
