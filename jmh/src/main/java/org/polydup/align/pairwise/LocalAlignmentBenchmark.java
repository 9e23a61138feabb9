package org.polydup.align.pairwise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.polydup.align.extract.EntityExtractor;
import org.polydup.align.extract.EntityProfile;

/**
 * {@link LocalAlignment}'s two programmes on real pairs, the textbook dense one as the reference in
 * the same run: every pair of consecutive versions of one story in {@code
 * testdata/sketch/rewrites-sample.jsonl} (380 WMT human and machine translations into de, cs, ru
 * and uk, in clusters of one source), aligned word by word as {@link Aligner} aligns two texts in
 * one language, the align stage's longest sequences. Each benchmark aligns all pairs once.
 *
 * <p>Run from the repository root (the first step installs the current main jar, which the
 * benchmarks jar is built against; without it the benchmarks measure whatever jar {@code ~/.m2}
 * last received):
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -f jmh/pom.xml package \
 *   &amp;&amp; java -jar jmh/target/benchmarks.jar LocalAlignmentBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LocalAlignmentBenchmark {
  private static final int MAXIMUM_SEQUENCE = 3000;

  /** Per pair: keys and weights of both sides, and the number of shared keys. */
  private final List<int[]> keysA = new ArrayList<>();

  private final List<double[]> weightsA = new ArrayList<>();
  private final List<int[]> keysB = new ArrayList<>();
  private final List<double[]> weightsB = new ArrayList<>();
  private final IntArrayList keyCounts = new IntArrayList();
  private final LocalAlignment alignment = new LocalAlignment();
  private final IntArrayList pairs = new IntArrayList();

  /** Extracts the texts, weighs their words on the sample, and prepares each pair's sequences. */
  @Setup
  public void setUp() throws IOException {
    Path file = Path.of("testdata/sketch/rewrites-sample.jsonl");
    if (!Files.isRegularFile(file)) {
      file = Path.of("..", "testdata", "sketch", "rewrites-sample.jsonl");
    }
    ObjectMapper json = new ObjectMapper();
    EntityExtractor extractor = new EntityExtractor();
    Map<String, List<EntityProfile>> clusters = new HashMap<>();
    KeyStatistics statistics = new KeyStatistics();
    for (String line : Files.readAllLines(file)) {
      JsonNode node = json.readTree(line);
      EntityProfile profile =
          extractor.extract(node.get("text").asText(), node.get("lang").asText());
      statistics.add(profile);
      clusters.computeIfAbsent(node.get("cluster").asText(), k -> new ArrayList<>()).add(profile);
    }
    statistics.freeze();
    for (List<EntityProfile> versions : clusters.values()) {
      for (int v = 1; v < versions.size(); v++) {
        add(
            Aligner.sequence(versions.get(v - 1), false, false, statistics),
            Aligner.sequence(versions.get(v), false, false, statistics));
      }
    }
    System.out.println("# pairs: " + keyCounts.size() + " from " + file);
  }

  /** The pair's shared keys numbered as {@link Aligner} numbers them, on its shared positions. */
  private void add(KeySequence a, KeySequence b) {
    int[] sharedOfA = new int[a.distinctKeys.length];
    int[] sharedOfB = new int[b.distinctKeys.length];
    int shared = Aligner.numberShared(a.distinctKeys, b.distinctKeys, sharedOfA, sharedOfB);
    int[] positionsA = a.positionsOf(sharedOfA, shared);
    int[] positionsB = b.positionsOf(sharedOfB, shared);
    int n = Math.min(positionsA.length, MAXIMUM_SEQUENCE);
    int m = Math.min(positionsB.length, MAXIMUM_SEQUENCE);
    int[] sideKeysA = new int[n];
    double[] sideWeightsA = new double[n];
    a.gather(positionsA, n, sharedOfA, sideKeysA, sideWeightsA);
    int[] sideKeysB = new int[m];
    double[] sideWeightsB = new double[m];
    b.gather(positionsB, m, sharedOfB, sideKeysB, sideWeightsB);
    keysA.add(sideKeysA);
    weightsA.add(sideWeightsA);
    keysB.add(sideKeysB);
    weightsB.add(sideWeightsB);
    keyCounts.add(shared);
  }

  private double alignAll(LocalAlignment.Programme programme) {
    double matched = 0;
    for (int p = 0; p < keyCounts.size(); p++) {
      pairs.clear();
      matched +=
          alignment.align(
              keysA.get(p),
              weightsA.get(p),
              keysA.get(p).length,
              keysB.get(p),
              weightsB.get(p),
              keysB.get(p).length,
              keyCounts.getInt(p),
              pairs,
              programme);
    }
    return matched;
  }

  /** What the aligner runs: the cheaper programme per pair. */
  @Benchmark
  public double cheaper() {
    return alignAll(LocalAlignment.Programme.CHEAPER);
  }

  /** The sparse programme on every pair. */
  @Benchmark
  public double sparse() {
    return alignAll(LocalAlignment.Programme.SPARSE);
  }

  /** Reference: the textbook dense programme on every pair. */
  @Benchmark
  public double dense() {
    return alignAll(LocalAlignment.Programme.DENSE);
  }
}
