package org.polydup.align.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link StructureIndex}: the candidate rate of close and distant structure pairs against what the
 * hashing scheme predicts, with fixed seeds, and its contract.
 */
class StructureIndexTest {
  private static final int PARAGRAPHS = 12;

  /** A text whose paragraphs have these weighted lengths (Latin letters, one line each). */
  static ParagraphShape shape(int[] lengths) {
    return ParagraphShape.of(
        IntStream.of(lengths).mapToObj("a"::repeat).collect(Collectors.joining("\n")));
  }

  private static int[] randomLengths(Random random, int paragraphs) {
    int[] lengths = new int[paragraphs];
    for (int i = 0; i < paragraphs; i++) {
      lengths[i] = 20 + random.nextInt(300);
    }
    return lengths;
  }

  /** {@code lengths} with each paragraph scaled by 1.1 and off by up to {@code noise} of itself. */
  private static int[] translated(Random random, int[] lengths, double noise) {
    int[] out = new int[lengths.length];
    for (int i = 0; i < lengths.length; i++) {
      double factor = 1.1 * (1 + noise * (2 * random.nextDouble() - 1));
      out[i] = Math.max(1, (int) Math.round(lengths[i] * factor));
    }
    return out;
  }

  /**
   * Probability that one projection puts two vectors {@code distance} apart into one bucket of
   * width {@code w} (Datar et al. 2004): the integral over {@code t} in {@code [0, w]} of the
   * density of {@code |N(0, 1)| * distance} at {@code t} times {@code 1 - t / w}, by Simpson's
   * rule.
   */
  private static double bucketCollision(double distance, double w) {
    int steps = 2000;
    double h = w / steps;
    double sum = 0;
    for (int i = 0; i <= steps; i++) {
      double t = i * h;
      double density =
          2 * Math.exp(-0.5 * (t / distance) * (t / distance)) / Math.sqrt(2 * Math.PI) / distance;
      double value = density * (1 - t / w);
      sum += value * (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2);
    }
    return sum * h / 3;
  }

  /** The distance the index hashes by, for two shapes of one paragraph count. */
  private static double shareDistance(ParagraphShape a, ParagraphShape b) {
    double sum = 0;
    for (int k = 0; k < a.paragraphs(); k++) {
      double difference =
          (double) a.length(k) / a.weightedLength() - (double) b.length(k) / b.weightedLength();
      sum += difference * difference;
    }
    return Math.sqrt(sum * a.paragraphs());
  }

  /** Probability that a pair {@code distance} apart shares all buckets of at least one table. */
  private static double candidateProbability(double distance) {
    double row = distance == 0 ? 1 : bucketCollision(distance, StructureIndex.BUCKET_WIDTH);
    return 1 - Math.pow(1 - Math.pow(row, StructureIndex.ROWS), StructureIndex.TABLES);
  }

  @Test
  void candidateRates_ofCloseAndOfUnrelatedPairs_matchTheHashingScheme() {
    Random random = new Random(5);
    int pairs = 300;
    ParagraphShape[] shapes = new ParagraphShape[2 * pairs];
    int[] language = new int[2 * pairs];
    for (int p = 0; p < pairs; p++) {
      // Counts past the one-merge variants' limit, so each text enters each table once, as the
      // scheme predicts; each count has projections of its own, so the rates average over 24 draws.
      int[] source = randomLengths(random, StructureIndex.MAXIMUM_MERGED_PARAGRAPHS + 1 + p % 24);
      shapes[2 * p] = shape(source);
      // Translations: each paragraph off by up to 20% of itself; and unrelated texts: all other
      // pairs of the two languages.
      shapes[2 * p + 1] = shape(translated(random, source, 0.2));
      language[2 * p] = 0;
      language[2 * p + 1] = 1;
    }
    java.util.Set<Long> candidates =
        Arrays.stream(StructureIndex.candidatePairs(shapes, language, 8))
            .boxed()
            .collect(Collectors.toSet());
    double[] expected = new double[2];
    long[] observed = new long[2];
    for (int x = 0; x < 2 * pairs; x += 2) {
      for (int y = 1; y < 2 * pairs; y += 2) {
        if (shapes[x].paragraphs() != shapes[y].paragraphs()) {
          continue;
        }
        int kind = y == x + 1 ? 0 : 1; // 0: a translation, 1: unrelated
        double probability = candidateProbability(shareDistance(shapes[x], shapes[y]));
        expected[kind] += probability;
        long key = ((long) Math.min(x, y) << 32) | Math.max(x, y);
        observed[kind] += candidates.contains(key) ? 1 : 0;
      }
    }
    // All texts of one count share their projections, so the pairs' outcomes are not independent
    // trials: the check is on the rate, within a tenth of the prediction.
    for (int kind = 0; kind < 2; kind++) {
      int k = kind;
      assertTrue(
          Math.abs(observed[kind] / expected[kind] - 1) <= 0.1,
          () ->
              (k == 0 ? "translations" : "unrelated")
                  + ": observed "
                  + observed[k]
                  + ", predicted "
                  + expected[k]);
    }
    // And the scheme does its job: nearly every translation, a minority of the others.
    assertTrue(observed[0] >= 0.98 * pairs, () -> "translations found " + observed[0]);
    long unrelatedPairs = pairs * (pairs / 24 - 1); // 12 or 13 texts of each count and language
    assertTrue(observed[1] <= 0.5 * unrelatedPairs, () -> "unrelated " + observed[1]);
    for (long key : candidates) {
      assertTrue(language[(int) (key >>> 32)] != language[(int) key]);
    }
  }

  @Test
  void translationsWithOneMergedParagraph_areCandidates() {
    Random random = new Random(7);
    int pairs = 200;
    ParagraphShape[] shapes = new ParagraphShape[2 * pairs];
    int[] language = new int[2 * pairs];
    for (int p = 0; p < pairs; p++) {
      int[] source = randomLengths(random, 9 + p % 24);
      int[] translation = translated(random, source, 0.2);
      // The translation takes one paragraph and the next as one (the merge that drops a break).
      int merged = random.nextInt(translation.length - 1);
      int[] fewer = new int[translation.length - 1];
      for (int k = 0, from = 0; k < fewer.length; k++, from++) {
        fewer[k] = translation[from] + (from == merged ? translation[++from] : 0);
      }
      shapes[2 * p] = shape(source);
      shapes[2 * p + 1] = shape(fewer);
      language[2 * p + 1] = 1;
    }
    java.util.Set<Long> candidates =
        Arrays.stream(StructureIndex.candidatePairs(shapes, language, 8))
            .boxed()
            .collect(Collectors.toSet());
    long found =
        IntStream.range(0, pairs)
            .filter(p -> candidates.contains(((long) (2 * p) << 32) | (2 * p + 1)))
            .count();
    assertTrue(found >= 0.98 * pairs, () -> "translations found " + found);
  }

  @Test
  void candidatePairs_areDeterministic_andOnlyWithinOneMergeAtTheMinimum() {
    Random random = new Random(9);
    ParagraphShape[] shapes = new ParagraphShape[60];
    int[] language = new int[60];
    for (int i = 0; i < shapes.length; i++) {
      // Counts 7 to 9: texts of 7 are below the minimum, 9 meets 8 through its one-merge variants.
      shapes[i] = shape(randomLengths(random, 7 + i % 3));
      language[i] = i % 2;
    }
    long[] first = StructureIndex.candidatePairs(shapes, language, 8);
    assertArrayEquals(first, StructureIndex.candidatePairs(shapes.clone(), language.clone(), 8));
    // The tables are hashed in parallel: one thread or several give the same pairs.
    for (int threads : new int[] {1, 3}) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        assertArrayEquals(
            first, pool.submit(() -> StructureIndex.candidatePairs(shapes, language, 8)).join());
      } finally {
        pool.shutdown();
      }
    }
    for (long key : first) {
      ParagraphShape low = shapes[(int) (key >>> 32)];
      ParagraphShape high = shapes[(int) key];
      assertTrue(Math.abs(low.paragraphs() - high.paragraphs()) <= 1);
      assertTrue(low.paragraphs() >= 8 && high.paragraphs() >= 8);
    }
    assertThrows(
        IllegalArgumentException.class, () -> StructureIndex.candidatePairs(shapes, language, 1));
    assertThrows(
        IllegalArgumentException.class, () -> StructureIndex.candidatePairs(shapes, new int[3], 8));
  }
}
