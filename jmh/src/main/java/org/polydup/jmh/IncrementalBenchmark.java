package org.polydup.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.polydup.Detector;
import org.polydup.Document;
import org.polydup.Polydup;

/**
 * One arriving story checked against an archive and archived, as a newsroom's service runs it:
 * {@link Detector#queryAndAdd}, beside the reference {@link Detector#query} then {@link
 * Detector#add} in the same run, which analyses the text twice. Each call is followed by {@link
 * Detector#remove} of the same story, so the archive stays the first {@code archive} documents and
 * every call sees the same one; the remove is in both benchmarks.
 *
 * <p>Run (from the repository root):
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -f jmh/pom.xml package \
 *   &amp;&amp; java -jar jmh/target/benchmarks.jar IncrementalBenchmark -f 1 -wi 2 -i 3 -w 5s -r 5s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class IncrementalBenchmark {
  /** JSONL(.gz) file with a {@code text} field per line. */
  @Param(BenchmarkCorpus.DEFAULT_PATH)
  public String path;

  /** Documents in the archive: the first of the file. */
  @Param("2000")
  public int archive;

  /** Arriving stories, taken in turn: the documents after the archive. */
  @Param("500")
  public int arriving;

  /** Whether the align stage runs (translations and reworded copies). */
  @Param({"true", "false"})
  public boolean crossLanguage;

  private Detector detector;
  private List<Document> stories;
  private int next;

  /** Reads the corpus and loads the archive. */
  @Setup(Level.Trial)
  public void setUp() {
    List<String> texts = BenchmarkCorpus.texts(path, archive + arriving);
    if (texts == null || texts.size() < 2) {
      texts = List.of("An archived story about the harbour.", "An arriving story, not a copy.");
    }
    int split = Math.min(archive, texts.size() - 1);
    List<Document> archived = new ArrayList<>();
    for (int i = 0; i < split; i++) {
      archived.add(Document.of("archive-" + i, texts.get(i)));
    }
    stories = new ArrayList<>();
    for (int i = split; i < texts.size(); i++) {
      stories.add(Document.of("arriving-" + i, texts.get(i)));
    }
    detector = Polydup.builder().crossLanguage(crossLanguage).build();
    detector.addAll(archived);
  }

  private Document nextStory() {
    Document story = stories.get(next);
    next = next + 1 == stories.size() ? 0 : next + 1;
    return story;
  }

  /** Check the story and archive it in one step, then take it out again. */
  @Benchmark
  public void queryAndAdd(Blackhole blackhole) {
    Document story = nextStory();
    blackhole.consume(detector.queryAndAdd(story));
    detector.remove(story.id());
  }

  /** The reference: query, then add (each analyses the text), then take it out again. */
  @Benchmark
  public void queryThenAddReference(Blackhole blackhole) {
    Document story = nextStory();
    blackhole.consume(detector.query(story));
    detector.add(story);
    detector.remove(story.id());
  }
}
