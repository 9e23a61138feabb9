package org.polydup.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.polydup.text.TextAnalyzer;
import org.polydup.text.TextOptions;

/**
 * Shingle arrays for the benchmarks, from real text: the first {@code count} documents of a JSONL
 * file ({@code .jsonl} or {@code .jsonl.gz}, one {@code {"text": ...}} object per line), cut into
 * shingles by the project's own {@link TextAnalyzer} with default options.
 *
 * <p>Fallback when the path does not exist: {@code testdata/sketch/rewrites-sample.jsonl} (or
 * {@code ../testdata/...}), and if that is missing too, synthetic documents of 50 to 800 random
 * shingles (seed 42), so the benchmarks always run; the chosen source is printed.
 */
final class BenchmarkCorpus {
  /** Default input: the bulk set of the shared evaluation data. */
  static final String DEFAULT_PATH = "../shared/data/bulk/docs.jsonl.gz";

  private BenchmarkCorpus() {}

  static long[][] shingles(String path, int count) {
    List<String> texts = texts(path, count);
    if (texts == null) {
      System.out.println("# corpus: " + path + " not found, using synthetic shingles");
      SplittableRandom random = new SplittableRandom(42);
      long[][] documents = new long[count][];
      for (int i = 0; i < count; i++) {
        documents[i] = random.longs(50 + random.nextInt(750)).toArray();
      }
      return documents;
    }
    TextAnalyzer analyzer = new TextAnalyzer(TextOptions.defaults());
    List<long[]> documents = new ArrayList<>();
    for (String text : texts) {
      long[] shingles = analyzer.analyze(text).shingles();
      if (shingles.length > 0) {
        documents.add(shingles);
      }
    }
    return documents.toArray(new long[0][]);
  }

  /**
   * The {@code text} of the first {@code count} documents of the first existing file among {@code
   * path} and the test data fallbacks, or {@code null} when none exists.
   */
  static List<String> texts(String path, int count) {
    Path file = corpusFile(path);
    if (file == null) {
      return null;
    }
    List<String> texts = read(file, count);
    System.out.println("# corpus: " + texts.size() + " documents from " + file);
    return texts;
  }

  /** The first existing file among {@code path} and the test data fallbacks, or {@code null}. */
  private static Path corpusFile(String path) {
    for (String candidate :
        List.of(
            path,
            "testdata/sketch/rewrites-sample.jsonl",
            "../testdata/sketch/rewrites-sample.jsonl")) {
      Path file = Path.of(candidate);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    return null;
  }

  /**
   * The {@code text} and {@code lang} of the first {@code count} documents of the first existing
   * file among {@code path} and the test data fallbacks, each as {@code {text, lang}}, or {@code
   * null} when none exists.
   */
  static List<String[]> textsWithLanguages(String path, int count) {
    Path file = corpusFile(path);
    if (file == null) {
      return null;
    }
    List<String[]> documents = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    for (String line : lines(file, count)) {
      try {
        var node = mapper.readTree(line);
        documents.add(new String[] {node.get("text").asText(), node.get("lang").asText()});
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    System.out.println("# corpus: " + documents.size() + " documents from " + file);
    return documents;
  }

  /**
   * The file at {@code relative} under the repository's {@code testdata} folder, found as {@link
   * #texts} finds its fallback: from the working directory, the repository root or {@code jmh/}.
   *
   * @throws IllegalStateException naming the paths tried when the file is in neither: a benchmark
   *     that measured a stand-in text instead would report a number for the wrong input
   */
  static Path testdata(String relative) {
    List<Path> tried = List.of(Path.of("testdata", relative), Path.of("..", "testdata", relative));
    for (Path candidate : tried) {
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "missing "
            + tried
            + " (working directory "
            + Path.of("").toAbsolutePath()
            + "): run the benchmarks from the repository root");
  }

  private static List<String> read(Path file, int count) {
    ObjectMapper mapper = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    for (String line : lines(file, count)) {
      try {
        texts.add(mapper.readTree(line).get("text").asText());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return texts;
  }

  /** The first {@code count} non-blank lines of JSONL {@code file}, gzipped or not. */
  private static List<String> lines(Path file, int count) {
    List<String> lines = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while (lines.size() < count && (line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }
}
