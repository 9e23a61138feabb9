package org.polydup.eval;

import com.fasterxml.jackson.databind.JsonNode;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.polydup.index.LshIndex;
import org.polydup.index.LshParameters;
import org.polydup.internal.SortedSets;
import org.polydup.sketch.MinHashSignature;
import org.polydup.sketch.MinHasher;
import org.polydup.sketch.SimilarityEstimator;
import org.polydup.text.TextAnalyzer;
import org.polydup.text.TextOptions;
import org.polydup.verify.ShingleSequence;

/**
 * How completely the MinHash LSH engine finds the pairs whose exact shingle Jaccard is at or above
 * a threshold, on real text.
 *
 * <p>The truth is computed exactly with the prefix-filtering join of Bayardo, Ma and Srikant
 * ("Scaling up all pairs similarity search", WWW 2007): order each set by ascending document
 * frequency; two sets with Jaccard at least t must share a token among the first {@code |x| -
 * ceil(t|x|) + 1} of each, so indexing those prefixes finds every such pair, and each candidate is
 * then checked exactly. The engine is scored twice in the same run: with the bands polydup derives
 * from the threshold, and with a fixed banding (by default datasketch's 9 bands x 13 rows at 0.8),
 * each followed by exact verification of its candidates. Precision of the estimate alone (a pair
 * kept when the MinHash estimate is at or above t, without exact verification) is reported too.
 */
public final class LshEvaluation {
  private final List<ShingleSequence> sequences = new ArrayList<>();
  private final List<MinHashSignature> signatures = new ArrayList<>();

  private LshEvaluation() {}

  /**
   * Analyses the first {@code limit} documents of a JSONL file.
   *
   * @param numberOfPermutations signature slots, as the detector would use
   */
  public static LshEvaluation load(Path jsonl, int limit, int numberOfPermutations, long seed) {
    LshEvaluation e = new LshEvaluation();
    TextAnalyzer analyzer =
        new TextAnalyzer(
            new TextOptions(
                3,
                seed,
                TextOptions.DEFAULT_MAXIMUM_CHARACTERS,
                TextOptions.HanAndKanaSegmentation.BIGRAMS));
    MinHasher hasher = MinHasher.create(numberOfPermutations, seed);
    for (JsonNode d : Jsonl.read(jsonl)) {
      if (e.sequences.size() >= limit) {
        break;
      }
      ShingleSequence s = ShingleSequence.of(analyzer.analyze(Jsonl.text(d, "text")));
      if (s.distinct().length == 0) {
        continue;
      }
      e.sequences.add(s);
      e.signatures.add(hasher.sign(s.distinct()));
    }
    return e;
  }

  /** Recall and precision of one banding. */
  public record Outcome(
      LshParameters parameters,
      long truePairs,
      long candidates,
      long found,
      double recall,
      double estimatePrecision,
      double estimateRecall) {}

  /** Scores the given bandings against the exact truth at {@code threshold}. */
  public List<Outcome> score(double threshold, List<LshParameters> bandings) {
    LongOpenHashSet truth = exactPairs(threshold);
    List<Outcome> outcomes = new ArrayList<>();
    for (LshParameters p : bandings) {
      LshIndex index = LshIndex.create(p);
      for (int i = 0; i < signatures.size(); i++) {
        index.add(i, signatures.get(i));
      }
      long[] candidates = {0};
      long[] found = {0};
      long[] estimatedAbove = {0};
      long[] estimatedAboveAndTrue = {0};
      index.forEachCandidatePair(
          (x, y) -> {
            candidates[0]++;
            long key = key(x, y);
            if (truth.contains(key)) {
              found[0]++;
            }
            if (SimilarityEstimator.jaccard(signatures.get(x), signatures.get(y)).estimate()
                >= threshold) {
              estimatedAbove[0]++;
              if (truth.contains(key)) {
                estimatedAboveAndTrue[0]++;
              }
            }
          });
      outcomes.add(
          new Outcome(
              p,
              truth.size(),
              candidates[0],
              found[0],
              truth.isEmpty() ? 1 : (double) found[0] / truth.size(),
              estimatedAbove[0] == 0 ? 1 : (double) estimatedAboveAndTrue[0] / estimatedAbove[0],
              truth.isEmpty() ? 1 : (double) estimatedAboveAndTrue[0] / truth.size()));
    }
    return outcomes;
  }

  /** Number of documents analysed. */
  public int documents() {
    return sequences.size();
  }

  /** A table of outcomes. */
  public static String table(double threshold, int documents, List<Outcome> outcomes) {
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "lsh: %d documents, pairs with exact shingle Jaccard >= %.2f: %d%n",
                documents,
                threshold,
                outcomes.isEmpty() ? 0 : outcomes.get(0).truePairs()));
    for (Outcome o : outcomes) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %2d bands x %2d rows: candidates %8d, recall (exact verification) %.4f,"
                  + " estimate-only precision %.4f recall %.4f%n",
              o.parameters().bands(),
              o.parameters().rowsPerBand(),
              o.candidates(),
              o.recall(),
              o.estimatePrecision(),
              o.estimateRecall()));
    }
    return s.toString();
  }

  private LongOpenHashSet exactPairs(double threshold) {
    Long2IntOpenHashMap frequency = new Long2IntOpenHashMap();
    for (ShingleSequence s : sequences) {
      for (long h : s.distinct()) {
        frequency.addTo(h, 1);
      }
    }
    int n = sequences.size();
    long[][] ordered = new long[n][];
    for (int i = 0; i < n; i++) {
      Long[] boxed = Arrays.stream(sequences.get(i).distinct()).boxed().toArray(Long[]::new);
      Arrays.sort(
          boxed,
          Comparator.<Long>comparingInt(h -> frequency.get(h.longValue()))
              .thenComparing(Comparator.naturalOrder()));
      ordered[i] = Arrays.stream(boxed).mapToLong(Long::longValue).toArray();
    }
    Long2ObjectOpenHashMap<IntArrayList> prefixIndex = new Long2ObjectOpenHashMap<>();
    LongOpenHashSet truth = new LongOpenHashSet();
    for (int y = 0; y < n; y++) {
      int size = ordered[y].length;
      int prefix = prefixLength(threshold, size);
      IntOpenHashSet candidates = new IntOpenHashSet();
      for (int t = 0; t < prefix; t++) {
        IntArrayList postings = prefixIndex.get(ordered[y][t]);
        if (postings != null) {
          candidates.addAll(postings);
        }
      }
      for (int x : candidates) {
        if (jaccard(sequences.get(x).distinct(), sequences.get(y).distinct()) >= threshold) {
          truth.add(key(x, y));
        }
      }
      for (int t = 0; t < prefix; t++) {
        prefixIndex.computeIfAbsent(ordered[y][t], k -> new IntArrayList()).add(y);
      }
    }
    return truth;
  }

  private static double jaccard(long[] x, long[] y) {
    int shared = SortedSets.intersectionSize(x, y);
    return (double) shared / (x.length + y.length - shared);
  }

  private static long key(int x, int y) {
    return ((long) Math.min(x, y) << 32) | Math.max(x, y);
  }

  /**
   * The prefix of a set of {@code size} elements that any set at Jaccard {@code threshold} or more
   * must share an element of: {@code size - ceil(threshold * size) + 1}. The product is rounded
   * down by a hair before the ceiling, since 0.55 * 100 is 55.00000000000001 in binary floating
   * point: its ceiling, 56, would make the prefix one too short and lose pairs at exactly the
   * threshold (a longer prefix only finds more candidates, all checked exactly).
   */
  static int prefixLength(double threshold, int size) {
    return size - (int) Math.ceil(threshold * size - 1e-9) + 1;
  }
}
