package org.polydup.sketch;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.polydup.internal.SortedSets;

/**
 * Real text for the statistical tests: {@code testdata/sketch/rewrites-sample.jsonl} (see the
 * README there), tokenised by a deliberately simple local tokenizer (split on non-letters,
 * lower-case with {@link Locale#ROOT}) into hashed word 3-grams. The project's analyzer lives in
 * {@code org.polydup.text}; these tests only need realistic sets.
 */
public final class RealTextFixture {
  /** One document of the sample. */
  public record Doc(String id, String cluster, String text, long[] shingles, long[] distinct) {}

  /** A pair of documents (indices into {@link #docs()}) with its exact Jaccard similarity. */
  public record Pair(int first, int second, double jaccard) {}

  private static final Hasher64 HASHER = Hashing.komihash5_0();
  private static RealTextFixture instance;

  private final List<Doc> docs;

  private RealTextFixture(List<Doc> docs) {
    this.docs = docs;
  }

  /** The sample, loaded once. */
  public static synchronized RealTextFixture load() {
    if (instance == null) {
      instance = load(Path.of("testdata/sketch/rewrites-sample.jsonl"));
    }
    return instance;
  }

  /** Any JSONL file with {@code id}, {@code cluster} and {@code text} fields. */
  public static RealTextFixture load(Path file) {
    {
      ObjectMapper mapper = new ObjectMapper();
      List<Doc> docs = new ArrayList<>();
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode node = mapper.readTree(line);
          String text = node.get("text").asText();
          long[] shingles = shingles(text, 3);
          docs.add(
              new Doc(
                  node.get("id").asText(),
                  node.get("cluster").asText(),
                  text,
                  shingles,
                  distinctSorted(shingles)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new RealTextFixture(List.copyOf(docs));
    }
  }

  /** All documents, in file order. */
  public List<Doc> docs() {
    return docs;
  }

  /** Lower-cased words: maximal runs of letters. */
  public static List<String> words(String text) {
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
    return words;
  }

  /** Hashed word {@code n}-grams in text order (repeats kept); one shingle if fewer words. */
  public static long[] shingles(String text, int n) {
    List<String> words = words(text);
    if (words.isEmpty()) {
      return new long[0];
    }
    int count = Math.max(1, words.size() - n + 1);
    long[] shingles = new long[count];
    for (int i = 0; i < count; i++) {
      shingles[i] =
          HASHER.hashCharsToLong(String.join(" ", words.subList(i, Math.min(words.size(), i + n))));
    }
    return shingles;
  }

  /** Sorted distinct copy. */
  public static long[] distinctSorted(long[] values) {
    return SortedSets.sortedDistinct(values.clone(), values.length);
  }

  /** Exact Jaccard of two sorted distinct arrays; 0 if both are empty. */
  public static double jaccard(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int intersection = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        intersection++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - intersection;
    return union == 0 ? 0.0 : (double) intersection / union;
  }

  /** Every same-cluster pair (first {@literal <} second). */
  public List<Pair> sameClusterPairs() {
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      for (int j = i + 1; j < docs.size(); j++) {
        if (docs.get(i).cluster().equals(docs.get(j).cluster())) {
          pairs.add(pair(i, j));
        }
      }
    }
    return pairs;
  }

  /** {@code count} random different-cluster pairs, drawn with {@code seed}. */
  public List<Pair> randomPairs(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Pair> pairs = new ArrayList<>();
    while (pairs.size() < count) {
      int i = random.nextInt(docs.size());
      int j = random.nextInt(docs.size());
      if (i < j && !docs.get(i).cluster().equals(docs.get(j).cluster())) {
        pairs.add(pair(i, j));
      }
    }
    return pairs;
  }

  private Pair pair(int i, int j) {
    return new Pair(i, j, jaccard(docs.get(i).distinct(), docs.get(j).distinct()));
  }
}
