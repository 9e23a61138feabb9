package org.polydup.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.openjdk.jmh.infra.Blackhole;
import org.polydup.align.extract.EntityExtractor;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.pairwise.Aligner;
import org.polydup.align.pairwise.KeyStatistics;

/**
 * Cost of the align stage per document: entity extraction of an English and a Ukrainian news
 * article (the seeds 001 and 002, about 2 and 4.5 KB), and one alignment of the pair (the cost per
 * candidate). Reference in the same run: {@link #tokenizeReference}, a plain split on whitespace of
 * the same text.
 *
 * <p>Run from the repository root (the seeds are read from {@code testdata/seeds}; the first step
 * installs the current main jar, which the benchmarks jar is built against; JMH takes the name as a
 * pattern, and {@code jmh.} keeps {@code LocalAlignmentBenchmark} out):
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -f jmh/pom.xml package \
 *   &amp;&amp; java -jar jmh/target/benchmarks.jar jmh.AlignmentBenchmark -f 1 -wi 8 -i 5 -w 2s -r 2s
 * </pre>
 *
 * <p>Eight warm-up iterations, not two: on the seeds (unlike the short stand-in measured before),
 * entity extraction ran at 1.3-1.8 ms per article for its first four to six 2-second iterations and
 * only then settled near 0.1 ms (2 cores shared with other work, load 7-12), so a short warm-up
 * measures the JIT, not the extractor.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AlignmentBenchmark {
  private EntityExtractor extractor;
  private Aligner aligner;
  private KeyStatistics statistics;
  private String english;
  private String ukrainian;
  private EntityProfile englishProfile;
  private EntityProfile ukrainianProfile;

  /** Reads the seed texts from {@code testdata/seeds}, failing when they are not there. */
  @Setup
  public void setUp() throws IOException {
    extractor = new EntityExtractor();
    aligner = new Aligner();
    english = read("seeds/001_0e17fbea12fc6044.txt");
    ukrainian = read("seeds/002_da7ef6208064fff2.txt");
    System.out.println(
        "# texts: "
            + english.length()
            + " and "
            + ukrainian.length()
            + " chars, seeds 001 and 002");
    englishProfile = extractor.extract(english, "en");
    ukrainianProfile = extractor.extract(ukrainian, "uk");
    statistics = new KeyStatistics();
    statistics.add(englishProfile);
    statistics.add(ukrainianProfile);
  }

  /** Entity extraction of the English article. */
  @Benchmark
  public EntityProfile extractEnglish() {
    return extractor.extract(english, "en");
  }

  /** Entity extraction of the Ukrainian article. */
  @Benchmark
  public EntityProfile extractUkrainian() {
    return extractor.extract(ukrainian, "uk");
  }

  /** One alignment of the translated pair. */
  @Benchmark
  public Object alignPair() {
    return aligner.align(englishProfile, ukrainianProfile, statistics);
  }

  /** Reference: whitespace split of the English article. */
  @Benchmark
  public void tokenizeReference(Blackhole blackhole) {
    blackhole.consume(english.split("\\s+"));
  }

  /**
   * The seed at {@code relative} under {@code testdata}, read from the file system: the seeds are
   * test resources, not in {@code benchmarks.jar}, and a built-in stand-in measured a 332-char
   * sample instead of the articles this benchmark is about.
   */
  private static String read(String relative) throws IOException {
    return Files.readString(BenchmarkCorpus.testdata(relative), StandardCharsets.UTF_8);
  }
}
