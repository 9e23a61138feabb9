package org.polydup.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.polydup.align.structure.ParagraphShape;

/**
 * Cost of the paragraph-structure distances the align stage prices for its structure candidates,
 * per pair (scores are per pair), over a fixed set of 512 pairs (seed 20,261,123) of 5–40
 * paragraphs: half noisy copies of one structure (a translation: every length scaled by about 1.1
 * with ±30% noise, one pair of neighbours merged in a third of them), half independent structures.
 * {@link #boundedDistance} is the hot path (bound 0.9, where most unrelated pairs stop early);
 * {@link #boundedDistances} is what the structure rule reads; {@link #fullDistance} runs the whole
 * programme and is the reference in the same run.
 *
 * <p>Run: {@code mvn -B -q install -DskipTests && mvn -B -q -f jmh/pom.xml package && java -jar
 * jmh/target/benchmarks.jar ParagraphShapeBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@OperationsPerInvocation(ParagraphShapeBenchmark.PAIRS)
public class ParagraphShapeBenchmark {
  static final int PAIRS = 512;

  private ParagraphShape[] first;
  private ParagraphShape[] second;

  /** Builds the pairs. */
  @Setup
  public void setUp() {
    Random random = new Random(20_261_123L);
    first = new ParagraphShape[PAIRS];
    second = new ParagraphShape[PAIRS];
    for (int p = 0; p < PAIRS; p++) {
      int n = 5 + random.nextInt(36);
      int[] lengths = lengths(random, n);
      int[] other = p % 2 == 0 ? translated(random, lengths) : lengths(random, n);
      first[p] = ParagraphShape.of(text(lengths));
      second[p] = ParagraphShape.of(text(other));
    }
  }

  /** Distance with the align stage's first bound, 0.9: exact below it, cut short above. */
  @Benchmark
  public void boundedDistance(Blackhole out) {
    for (int p = 0; p < PAIRS; p++) {
      out.consume(first[p].distance(second[p], 0.9));
    }
  }

  /** Both distances (merges priced and Gale–Church's own) up to the structure rule's 1.1. */
  @Benchmark
  public void boundedDistances(Blackhole out) {
    for (int p = 0; p < PAIRS; p++) {
      out.consume(first[p].distances(second[p], 1.1));
    }
  }

  /** Reference: the whole programme, no bound. */
  @Benchmark
  public void fullDistance(Blackhole out) {
    for (int p = 0; p < PAIRS; p++) {
      out.consume(first[p].distance(second[p]));
    }
  }

  private static int[] lengths(Random random, int n) {
    int[] lengths = new int[n];
    for (int i = 0; i < n; i++) {
      lengths[i] = 20 + random.nextInt(400);
    }
    return lengths;
  }

  /** A translation's shape: lengths scaled with noise, sometimes two neighbours merged. */
  private static int[] translated(Random random, int[] lengths) {
    int[] out = new int[lengths.length];
    for (int i = 0; i < lengths.length; i++) {
      out[i] = Math.max(1, (int) (lengths[i] * (1.1 + 0.3 * (2 * random.nextDouble() - 1))));
    }
    if (out.length > 2 && random.nextInt(3) == 0) {
      int at = random.nextInt(out.length - 1);
      int[] merged = new int[out.length - 1];
      System.arraycopy(out, 0, merged, 0, at);
      merged[at] = out[at] + out[at + 1];
      System.arraycopy(out, at + 2, merged, at + 1, out.length - at - 2);
      return merged;
    }
    return out;
  }

  /** A text whose paragraphs (lines) have these lengths in letters. */
  private static String text(int[] lengths) {
    StringBuilder text = new StringBuilder();
    for (int length : lengths) {
      text.append("a".repeat(length)).append('\n');
    }
    return text.toString();
  }
}
