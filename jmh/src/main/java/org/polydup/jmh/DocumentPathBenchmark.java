package org.polydup.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.polydup.sketch.ClassicMinHasher;
import org.polydup.sketch.MinHashSignature;
import org.polydup.sketch.MinHasher;
import org.polydup.text.TextAnalyzer;
import org.polydup.text.TextOptions;
import org.polydup.verify.ShingleSequence;

/**
 * The whole same-language path of one document, as a scan runs it: analyse the raw text, build the
 * shingle sequence kept for verification, sign it, and query a banded LSH index holding the corpus.
 * The reference runs the same path with classic k-hash MinHash, in the same run, against an index
 * of the corpus's classic signatures: each scheme's signatures are only meaningful against their
 * own (queried with classic signatures, the one-pass index answered nothing, so the reference
 * skipped the candidates the one-pass path collects). The setup prints the mean candidates per
 * query of both, which should be about equal.
 *
 * <p>Run (from the repository root):
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -f jmh/pom.xml package \
 *   &amp;&amp; java -jar jmh/target/benchmarks.jar DocumentPathBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DocumentPathBenchmark {
  /** JSONL(.gz) file with a {@code text} field per line. */
  @Param(BenchmarkCorpus.DEFAULT_PATH)
  public String path;

  /** Number of documents read from the start of the file. */
  @Param("2000")
  public int documents;

  private List<String> texts;
  private TextAnalyzer analyzer;
  private MinHasher onePass;
  private ClassicMinHasher classic;
  private LshIndex onePassIndex;
  private LshIndex classicIndex;
  private int next;

  /** Reads the corpus and fills one index with each scheme's signatures of it. */
  @Setup
  public void setUp() {
    texts = BenchmarkCorpus.texts(path, documents);
    if (texts == null) {
      texts = List.of("No corpus was found; this sentence stands in for one document of news.");
    }
    analyzer = new TextAnalyzer(TextOptions.defaults());
    onePass = MinHasher.create(128, 7);
    classic = ClassicMinHasher.create(128, 7);
    LshParameters banding = LshParameters.forRecall(0.8, 128, 0.99);
    onePassIndex = LshIndex.create(banding);
    classicIndex = LshIndex.create(banding);
    List<MinHashSignature[]> signatures = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      long[] shingles = ShingleSequence.of(analyzer.analyze(texts.get(i))).distinct();
      MinHashSignature[] both = {onePass.sign(shingles), classic.sign(shingles)};
      onePassIndex.add(i, both[0]);
      classicIndex.add(i, both[1]);
      signatures.add(both);
    }
    long onePassCandidates = 0;
    long classicCandidates = 0;
    for (MinHashSignature[] both : signatures) {
      onePassCandidates += onePassIndex.query(both[0]).length;
      classicCandidates += classicIndex.query(both[1]).length;
    }
    System.out.printf(
        Locale.ROOT,
        "# candidates per query: one-pass %.3f, classic %.3f%n",
        onePassCandidates / (double) texts.size(),
        classicCandidates / (double) texts.size());
  }

  private String nextText() {
    String text = texts.get(next);
    next = next + 1 == texts.size() ? 0 : next + 1;
    return text;
  }

  /** Analyse, sequence, one-pass signature, LSH query. */
  @Benchmark
  public void onePass(Blackhole blackhole) {
    ShingleSequence sequence = ShingleSequence.of(analyzer.analyze(nextText()));
    MinHashSignature signature = onePass.sign(sequence.distinct());
    blackhole.consume(onePassIndex.query(signature));
  }

  /** The same path with classic k-hash MinHash: the reference. */
  @Benchmark
  public void classicReference(Blackhole blackhole) {
    ShingleSequence sequence = ShingleSequence.of(analyzer.analyze(nextText()));
    MinHashSignature signature = classic.sign(sequence.distinct());
    blackhole.consume(classicIndex.query(signature));
  }
}
