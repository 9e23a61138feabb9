package org.polydup.jmh;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * Shingle arrays for the benchmarks, from real text: the first {@code count} documents of a JSONL
 * file ({@code .jsonl} or {@code .jsonl.gz}, one {@code {"text": ...}} object per line), cut into
 * hashed word 3-grams by a simple tokenizer (runs of letters, lower-cased with {@link Locale#ROOT};
 * CJK runs stay whole, which gives those documents fewer shingles).
 *
 * <p>Fallback when the path does not exist: {@code testdata/sketch/rewrites-sample.jsonl} (or
 * {@code ../testdata/...}), and if that is missing too, synthetic documents of 50 to 800 random
 * shingles (seed 42), so the benchmarks always run; the chosen source is printed.
 */
final class BenchmarkCorpus {
  /** Default input: the bulk set of the shared evaluation data. */
  static final String DEFAULT_PATH = "/work/shared/data/bulk/docs.jsonl.gz";

  private static final Hasher64 HASHER = Hashing.komihash5_0();

  private BenchmarkCorpus() {}

  static long[][] shingles(String path, int count) {
    for (String candidate :
        List.of(
            path,
            "testdata/sketch/rewrites-sample.jsonl",
            "../testdata/sketch/rewrites-sample.jsonl")) {
      Path file = Path.of(candidate);
      if (Files.isRegularFile(file)) {
        long[][] documents = read(file, count);
        System.out.println("# corpus: " + documents.length + " documents from " + file);
        return documents;
      }
    }
    System.out.println("# corpus: " + path + " not found, using synthetic shingles");
    SplittableRandom random = new SplittableRandom(42);
    long[][] documents = new long[count][];
    for (int i = 0; i < count; i++) {
      documents[i] = random.longs(50 + random.nextInt(750)).toArray();
    }
    return documents;
  }

  private static long[][] read(Path file, int count) {
    ObjectMapper mapper = new ObjectMapper();
    List<long[]> documents = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while (documents.size() < count && (line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = mapper.readTree(line);
        long[] shingles = wordTrigrams(node.get("text").asText());
        if (shingles.length > 0) {
          documents.add(shingles);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents.toArray(new long[0][]);
  }

  static long[] wordTrigrams(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); ) {
      int codePoint = i < text.length() ? text.codePointAt(i) : ' ';
      boolean letter = i < text.length() && Character.isLetter(codePoint);
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
        start = -1;
      }
      i += Character.charCount(codePoint);
    }
    if (words.isEmpty()) {
      return new long[0];
    }
    int count = Math.max(1, words.size() - 2);
    long[] shingles = new long[count];
    for (int i = 0; i < count; i++) {
      shingles[i] =
          HASHER.hashCharsToLong(String.join(" ", words.subList(i, Math.min(words.size(), i + 3))));
    }
    return shingles;
  }
}
