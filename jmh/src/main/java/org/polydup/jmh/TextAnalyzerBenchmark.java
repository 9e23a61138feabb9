package org.polydup.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
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
import org.polydup.text.AnalyzedText;
import org.polydup.text.TextAnalyzer;
import org.polydup.text.TextOptions;

/**
 * Cost of {@link TextAnalyzer#analyze} (and of {@link TextAnalyzer#shingle}, the scan's
 * token-string-free path) per batch of real news documents of one language, with ICU's word {@link
 * BreakIterator} (boundaries only, no normalisation or hashing) as the reference measured in the
 * same run.
 *
 * <p>Run from the repository root, after installing the current main jar, which the benchmarks jar
 * is built against (without it the benchmarks measure whatever jar {@code ~/.m2} last received):
 *
 * <pre>
 * mvn -B -q install -DskipTests &amp;&amp; mvn -B -q -f jmh/pom.xml package
 * java -jar jmh/target/benchmarks.jar TextAnalyzerBenchmark
 * java -Dpolydup.bulk=/path/to/docs.jsonl.gz -jar jmh/target/benchmarks.jar TextAnalyzerBenchmark -p language=en,ru
 * </pre>
 *
 * <p>Input: the first {@value #DOCUMENTS} documents of the language in the {@code bulk} corpus
 * (JSONL gz, {@code {id, lang, text}}), path from the system property {@code polydup.bulk}, default
 * {@code ../shared/data/bulk/docs.jsonl.gz}. The setup prints the batch size in UTF-8 megabytes;
 * throughput in MB/s is that size times the reported operations per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TextAnalyzerBenchmark {
  static final int DOCUMENTS = 1000;

  /** Language code of the documents, as in the corpus's {@code lang} field. */
  @Param({"en", "de", "ru", "uk", "zh", "ja"})
  public String language;

  private List<String> documents;
  private TextAnalyzer analyzer;
  private TextAnalyzer bigramAnalyzer;
  private BreakIterator wordBreaker;

  /** Reads the documents and creates the worker. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path corpus = Path.of(System.getProperty("polydup.bulk", "../shared/data/bulk/docs.jsonl.gz"));
    ObjectMapper mapper = new ObjectMapper();
    documents = new ArrayList<>();
    long bytes = 0;
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(corpus)), StandardCharsets.UTF_8))) {
      String line;
      while (documents.size() < DOCUMENTS && (line = reader.readLine()) != null) {
        JsonNode node = mapper.readTree(line);
        if (language.equals(node.get("lang").asText())) {
          String text = node.get("text").asText();
          documents.add(text);
          bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
      }
    }
    if (documents.isEmpty()) {
      throw new IllegalStateException("no documents with lang " + language + " in " + corpus);
    }
    System.out.printf(
        Locale.ROOT,
        "%n%s: %d documents, %.3f MB UTF-8 per operation%n",
        language,
        documents.size(),
        bytes / 1e6);
    analyzer = new TextAnalyzer(TextOptions.defaults());
    bigramAnalyzer =
        new TextAnalyzer(
            TextOptions.builder()
                .hanAndKanaSegmentation(TextOptions.HanAndKanaSegmentation.BIGRAMS)
                .build());
    wordBreaker = BreakIterator.getWordInstance(ULocale.ROOT);
  }

  /** Full analysis (decode, normalise, tokenise, hash, shingle) of the whole batch. */
  @Benchmark
  public void analyze(Blackhole blackhole) {
    for (String document : documents) {
      AnalyzedText analyzed = analyzer.analyze(document);
      blackhole.consume(analyzed.shingles());
    }
  }

  /**
   * The scan's path: {@link TextAnalyzer#shingle}, the same shingle hashes and spans as {@link
   * #analyze} without a String per token; compare with {@link #analyze} in the same run.
   */
  @Benchmark
  public void shingle(Blackhole blackhole) {
    for (String document : documents) {
      blackhole.consume(analyzer.shingle(document).hashes());
    }
  }

  /** The same with Han and kana as character bigrams instead of ICU dictionary words. */
  @Benchmark
  public void analyzeHanAndKanaBigrams(Blackhole blackhole) {
    for (String document : documents) {
      blackhole.consume(bigramAnalyzer.analyze(document).shingles());
    }
  }

  /** Reference: ICU word boundaries only, over the same batch. */
  @Benchmark
  public void icuWordBoundariesReference(Blackhole blackhole) {
    for (String document : documents) {
      wordBreaker.setText(document);
      int boundaries = 0;
      while (wordBreaker.next() != BreakIterator.DONE) {
        boundaries++;
      }
      blackhole.consume(boundaries);
    }
  }
}
