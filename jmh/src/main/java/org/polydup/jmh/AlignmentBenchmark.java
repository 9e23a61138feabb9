package org.polydup.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.polydup.align.Aligner;
import org.polydup.align.EntityExtractor;
import org.polydup.align.EntityProfile;
import org.polydup.align.KeyStatistics;

/**
 * Cost of the align stage per document: entity extraction of an English and a Ukrainian news
 * article (the seeds 001 and 002, about 2 and 4.5 KB), and one alignment of the pair (the cost per
 * candidate). Reference in the same run: {@link #tokenizeReference}, a plain split on whitespace of
 * the same text.
 *
 * <p>Run: {@code mvn -q -f jmh/pom.xml package && java -jar jmh/target/benchmarks.jar
 * AlignmentBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
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

  /** Loads the texts (from the test resources on the class path, else a built-in sample). */
  @Setup
  public void setUp() throws IOException {
    extractor = new EntityExtractor();
    aligner = new Aligner();
    english = read("/seeds/001_0e17fbea12fc6044.txt", SAMPLE_ENGLISH);
    ukrainian = read("/seeds/002_da7ef6208064fff2.txt", SAMPLE_UKRAINIAN);
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

  private static String read(String resource, String fallback) throws IOException {
    try (InputStream in = AlignmentBenchmark.class.getResourceAsStream(resource)) {
      return in == null ? fallback : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static final String SAMPLE_ENGLISH =
      "A major data leak has revealed that China has probably hired a private company to monitor"
          + " a number of foreign governments. This was reported by the Financial Times, according"
          + " to UNN. Shanghai Anxun Information Technology, also known as I-Soon, worked in"
          + " Malaysia, Thailand and Mongolia. Ministry spokesman Mao Ning said on Thursday.";
  private static final String SAMPLE_UKRAINIAN =
      "Великий витік даних показав, що КНР ймовірно найняв приватну компанію. Про це пише"
          + " видання Файненшл таймс, передає УНН. Shanghai Anxun Information Technology, також"
          + " відома як I-Soon, працювала у Малайзії, Таїланді і Монголії. Речниця Мао Нін"
          + " заявила у четвер.";
}
