package org.polydup.align;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.SplittableRandom;
import org.polydup.internal.Mixing;
import org.polydup.internal.SortedSets;

/**
 * Candidate pairs of texts in different languages whose paragraph structures may agree, found
 * without comparing every pair: locality-sensitive hashing for Euclidean distance (Datar,
 * Immorlica, Indyk and Mirrokni, "Locality-sensitive hashing scheme based on p-stable
 * distributions", SoCG 2004) over each text's vector of paragraph shares, among texts with the same
 * paragraph count.
 *
 * <p>Why this vector: a translation keeps each paragraph's share of the text within a few percent
 * (the {@link ParagraphShape} model), so two translations lie close together, while two unrelated
 * texts of as many paragraphs differ in most shares. The shares are scaled by the square root of
 * the paragraph count, which keeps the distances of both kinds of pair about the same whatever the
 * count. On xling's texts of at least eight paragraphs (same count), 95% of translation pairs lie
 * within 0.064 of each other in plain shares, against 1% of other pairs within 0.088 and half
 * within 0.168.
 *
 * <p>Why the same count only: the vector has one coordinate per paragraph, so texts of different
 * counts have no common space. A translation that merged or split a paragraph is left to the entity
 * candidates; this index adds pairs that share no rare name at all.
 *
 * <p>Each of {@value #TABLES} tables hashes a vector by {@value #ROWS} random projections, each cut
 * into buckets {@value #BUCKET_WIDTH} wide; texts that fall into the same buckets of one table
 * become candidates. The projections are drawn from a fixed seed: the same shapes give the same
 * candidates. A bucket of more than {@value #MAXIMUM_BUCKET} texts (a template many pages share)
 * yields no pairs, which bounds the work at that many pairs per text and table.
 */
public final class StructureIndex {
  /** Hash tables (bands): more find more of the close pairs, and more of the others. */
  static final int TABLES = 16;

  /** Projections per table (rows): more make a table's buckets narrower in more directions. */
  static final int ROWS = 4;

  /**
   * Width of a projection's buckets, in units of the scaled share vector: about four times the
   * distance within which 95% of translation pairs lie, so that a close pair shares all of one
   * table's buckets with a probability of about 0.7 and misses all tables only rarely.
   */
  static final double BUCKET_WIDTH = 0.8;

  /**
   * Texts a bucket may hold before it is skipped: a template many pages share, or one source in
   * many machine translations, whose texts have rivals anyway and would make the pairs grow with
   * the square of the bucket. On all of bulk (103k texts, 2 threads) a cap of 1,000 gave 12.7
   * million candidate pairs and about 10% more align-stage CPU; 100 gives 2.7 million, xling and
   * syndication unchanged, 30 more pairs on bulk (547,609 to 547,639).
   */
  static final int MAXIMUM_BUCKET = 100;

  private static final long SEED = 0x5DEECE66DL;

  private StructureIndex() {}

  /**
   * The candidate pairs among {@code shapes}: two texts in different languages (by {@code
   * language}) with the same number of paragraphs, at least {@code minimumParagraphs}, that share
   * one table's buckets.
   *
   * @param shapes per document, its structure
   * @param language per document, a number for its language
   * @param minimumParagraphs texts with fewer paragraphs are left out, {@code >= 2}
   * @return the pairs as sorted distinct keys {@code low << 32 | high}, {@code low < high}
   */
  public static long[] candidatePairs(
      ParagraphShape[] shapes, int[] language, int minimumParagraphs) {
    if (minimumParagraphs < 2) {
      throw new IllegalArgumentException(
          "minimumParagraphs must be >= 2, got " + minimumParagraphs);
    }
    if (shapes.length != language.length) {
      throw new IllegalArgumentException("one language per shape");
    }
    // One entry per document and table: the table's bucket key in the high bits' hash, the
    // document in the low 32 bits; sorting groups each bucket's documents.
    LongArrayList entries = new LongArrayList();
    Int2ObjectOpenHashMap<double[][]> projectionsByCount = new Int2ObjectOpenHashMap<>();
    double[] vector = new double[0];
    for (int d = 0; d < shapes.length; d++) {
      int paragraphs = shapes[d].paragraphs();
      if (paragraphs < minimumParagraphs) {
        continue;
      }
      vector = scaledShares(shapes[d], vector);
      double[][] projections =
          projectionsByCount.computeIfAbsent(paragraphs, StructureIndex::projections);
      for (int table = 0; table < TABLES; table++) {
        long bucket = Mixing.fmix64(paragraphs * 31L + table);
        for (int row = 0; row < ROWS; row++) {
          double[] projection = projections[table * ROWS + row];
          double dot = projection[paragraphs]; // the random offset, in bucket widths
          for (int k = 0; k < paragraphs; k++) {
            dot += projection[k] * vector[k];
          }
          long cell = (long) Math.floor(dot);
          bucket = Mixing.fmix64(bucket ^ (cell * 0x9E3779B97F4A7C15L + row));
        }
        entries.add((bucket & 0xFFFFFFFF00000000L) | d);
      }
    }
    long[] sorted = entries.toLongArray();
    LongArrays.radixSort(sorted);
    LongArrayList pairs = new LongArrayList();
    for (int start = 0, end; start < sorted.length; start = end) {
      long bucket = sorted[start] >>> 32;
      end = start + 1;
      while (end < sorted.length && sorted[end] >>> 32 == bucket) {
        end++;
      }
      if (end - start > MAXIMUM_BUCKET) {
        continue;
      }
      for (int i = start; i < end; i++) {
        int x = (int) sorted[i];
        for (int j = i + 1; j < end; j++) {
          int y = (int) sorted[j];
          // Documents ascend within a bucket; two 32-bit bucket hashes may collide across counts.
          if (language[x] != language[y] && shapes[x].paragraphs() == shapes[y].paragraphs()) {
            pairs.add(((long) x << 32) | y);
          }
        }
      }
    }
    long[] found = pairs.toLongArray();
    return SortedSets.sortedDistinct(found, found.length);
  }

  /**
   * The Euclidean distance between two texts' scaled share vectors, the distance this index is
   * sensitive to: {@code sqrt(n) * ||shares(a) - shares(b)||} for texts of {@code n} paragraphs
   * each. Cheap (linear in the paragraphs), so the matcher ranks every candidate by it and keeps
   * the Gale–Church programme for the few pairs it takes.
   *
   * @throws IllegalArgumentException if the paragraph counts differ
   */
  public static double distance(ParagraphShape a, ParagraphShape b) {
    int paragraphs = a.paragraphs();
    if (b.paragraphs() != paragraphs) {
      throw new IllegalArgumentException(
          "paragraph counts differ: " + paragraphs + " and " + b.paragraphs());
    }
    double scaleA = 1.0 / Math.max(1, a.weightedLength());
    double scaleB = 1.0 / Math.max(1, b.weightedLength());
    double sum = 0;
    for (int k = 0; k < paragraphs; k++) {
      double difference = a.length(k) * scaleA - b.length(k) * scaleB;
      sum += difference * difference;
    }
    return Math.sqrt(sum * paragraphs);
  }

  /**
   * The {@link #TABLES} x {@link #ROWS} projections for vectors of {@code paragraphs} coordinates:
   * Gaussian directions divided by the bucket width, each followed by a uniform offset in [0, 1).
   */
  private static double[][] projections(int paragraphs) {
    SplittableRandom random = new SplittableRandom(SEED ^ Mixing.fmix64(paragraphs));
    double[][] projections = new double[TABLES * ROWS][paragraphs + 1];
    for (double[] projection : projections) {
      for (int k = 0; k < paragraphs; k++) {
        projection[k] = random.nextGaussian() / BUCKET_WIDTH;
      }
      projection[paragraphs] = random.nextDouble();
    }
    return projections;
  }

  /** Each paragraph's share of the text times the square root of the count, into {@code into}. */
  private static double[] scaledShares(ParagraphShape shape, double[] into) {
    int paragraphs = shape.paragraphs();
    double[] vector = into.length >= paragraphs ? into : new double[paragraphs];
    double scale = Math.sqrt(paragraphs) / Math.max(1, shape.weightedLength());
    for (int k = 0; k < paragraphs; k++) {
      vector[k] = shape.length(k) * scale;
    }
    return vector;
  }
}
