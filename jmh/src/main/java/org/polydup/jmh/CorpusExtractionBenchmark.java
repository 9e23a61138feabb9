package org.polydup.jmh;

import java.util.List;
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
import org.polydup.align.extract.EntityExtractor;
import org.polydup.align.extract.EntityProfile;

/**
 * Entity extraction per document over a real corpus: each operation extracts the next of the first
 * {@code documents} documents of {@code path} in its own language (cycling), as a scan's worker
 * does, so the word cache grows and hits as it does over many different texts. {@link
 * AlignmentBenchmark} extracts two seed articles again and again, whose words are all cached after
 * the first call: a warm best case, not a per-document cost (a JMH auditor, session 31). Reference
 * in the same run: {@link #splitReference}, a whitespace split of the same document.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -f jmh/pom.xml package \
 *   &amp;&amp; java -jar jmh/target/benchmarks.jar CorpusExtractionBenchmark -f 1 -wi 12 -i 8 -w 2s -r 2s
 * </pre>
 *
 * Input: {@code -p path=...} (default {@value BenchmarkCorpus#DEFAULT_PATH}, which has a {@code
 * lang} per document; the fallback is the rewrites sample in {@code testdata/sketch}), {@code -p
 * documents=2000}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 12, time = 2)
@Measurement(iterations = 5, time = 2)
public class CorpusExtractionBenchmark {
  /** JSONL(.gz) file with {@code text} and {@code lang} fields per line. */
  @Param(BenchmarkCorpus.DEFAULT_PATH)
  public String path;

  /** Number of documents read from the start of the file. */
  @Param("2000")
  public int documents;

  private List<String[]> corpus;
  private EntityExtractor extractor;
  private int next;

  /** Reads the corpus; one extractor for the whole run, as a scan's worker keeps one. */
  @Setup
  public void setUp() {
    corpus = BenchmarkCorpus.textsWithLanguages(path, documents);
    if (corpus == null || corpus.isEmpty()) {
      throw new IllegalStateException("no corpus at " + path + " nor in testdata/sketch");
    }
    long characters = corpus.stream().mapToLong(d -> d[0].length()).sum();
    System.out.println("# mean length: " + characters / corpus.size() + " chars");
    extractor = new EntityExtractor();
  }

  private String[] nextDocument() {
    String[] document = corpus.get(next);
    next = next + 1 == corpus.size() ? 0 : next + 1;
    return document;
  }

  /** Entity extraction of the next document in its language. */
  @Benchmark
  public EntityProfile extractDocument() {
    String[] document = nextDocument();
    return extractor.extract(document[0], document[1]);
  }

  /** Reference: whitespace split of the next document. */
  @Benchmark
  public void splitReference(Blackhole blackhole) {
    blackhole.consume(nextDocument()[0].split("\\s+"));
  }
}
