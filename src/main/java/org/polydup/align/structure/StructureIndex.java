package org.polydup.align.structure;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.polydup.internal.Mixing;
import org.polydup.internal.SortedSets;

/**
 * Candidate pairs of texts in different languages whose paragraph structures may agree, found
 * without comparing every pair: locality-sensitive hashing for Euclidean distance (Datar,
 * Immorlica, Indyk and Mirrokni, "Locality-sensitive hashing scheme based on p-stable
 * distributions", SoCG 2004) over each text's vector of paragraph shares, among texts with the same
 * paragraph count after at most one merged paragraph on each side.
 *
 * <p>Why this vector: a translation keeps each paragraph's share of the text within a few percent
 * (the {@link ParagraphShape} model), so two translations lie close together, while two unrelated
 * texts of as many paragraphs differ in most shares. The shares are scaled by the square root of
 * the paragraph count, which keeps the distances of both kinds of pair about the same whatever the
 * count. On xling's texts of at least eight paragraphs (same count), 95% of translation pairs lie
 * within 0.064 of each other in plain shares, against 1% of other pairs within 0.088 and half
 * within 0.168.
 *
 * <p>Merged paragraphs: the vector has one coordinate per paragraph, so only texts of one count
 * share a space, and a translation that merged or split a paragraph would never meet its source.
 * Each text of up to {@value #MAXIMUM_MERGED_PARAGRAPHS} paragraphs therefore also enters the index
 * once per break, as its one-merge variant (that break's two paragraphs taken as one): a text and
 * its translation with one paragraph merged meet through the text's variant, and two texts that
 * each merged a different break meet through a variant of each. With 10% of xling's line breaks
 * merged ({@code PerturbedSet --merge 0.1 --seed 1}), of 1,412 gold pairs of texts with 8 or more
 * paragraphs (all of equal count before), 113 keep equal counts with no merge on either side and
 * 513 lie within one merge on each side. Through the scan (with the matcher's merge-aware ranking)
 * xling true/false pairs 2,408/87 without the variants and 2,483/87 with them, unperturbed 2,853/81
 * and 2,839/84 (more candidates are more rivals too); also indexing two-merge variants (texts up to
 * 40 paragraphs) added 10 true and 2 false pairs, not worth their square of entries. This index
 * adds pairs that share no rare name at all; a bucket hash collision between two counts only adds a
 * candidate, which the matcher ranks like any other.
 *
 * <p>Each of {@value #TABLES} tables hashes a vector by {@value #ROWS} random projections, each cut
 * into buckets {@value #BUCKET_WIDTH} wide; texts that fall into the same buckets of one table
 * become candidates. The projections are drawn from a fixed seed: the same shapes give the same
 * candidates. A bucket of more than {@value #MAXIMUM_BUCKET} texts (a template many pages share)
 * yields no pairs, which bounds the work at that many pairs per text and table.
 *
 * <p>Internal to the align stage, not API: public only for {@link #candidatePairs}, which the
 * matcher's structure-only rule in {@code org.polydup.align} calls.
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

  /**
   * Texts of more paragraphs than this enter the index with their own structure only, not with
   * their one-merge variants: a text of n paragraphs has n - 1 variants of n - 1 coordinates each,
   * so its hashing work grows with the square of the count. At 32 / 64 / 128 xling with 10% of line
   * breaks merged gave 2,479/87 / 2,483/87 / 2,483/87 true/false pairs.
   */
  static final int MAXIMUM_MERGED_PARAGRAPHS = 64;

  /** Marks a one-merge variant's entry (the document number's sign bit). */
  static final int VARIANT = 0x80000000;

  private static final long SEED = 0x5DEECE66DL;

  private StructureIndex() {}

  /**
   * The candidate pairs among {@code shapes}: two texts in different languages (by {@code
   * language}), each with at least {@code minimumParagraphs} paragraphs, whose structures (their
   * own, or a one-merge variant of at least {@code minimumParagraphs} paragraphs) share one table's
   * buckets. The hashing is sensitive to the Euclidean distance between the share vectors, {@code
   * sqrt(n) * ||shares(a) - shares(b)||} for two structures of {@code n} paragraphs each.
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
    // The projections of every paragraph count the texts and their variants have, drawn first:
    // the tables then only read them, each on its own thread. A table is hashed and paired
    // independently of the others, and the pairs of all come out sorted and distinct, so the
    // order in which tables finish changes nothing.
    Int2ObjectOpenHashMap<double[][]> projectionsByCount = new Int2ObjectOpenHashMap<>();
    for (ParagraphShape shape : shapes) {
      int paragraphs = shape.paragraphs();
      if (paragraphs >= minimumParagraphs) {
        projectionsByCount.computeIfAbsent(paragraphs, StructureIndex::projections);
        if (indexesVariants(paragraphs, minimumParagraphs)) {
          projectionsByCount.computeIfAbsent(paragraphs - 1, StructureIndex::projections);
        }
      }
    }
    long[][] pairsByTable = new long[TABLES][];
    IntStream.range(0, TABLES)
        .parallel()
        .forEach(
            table -> {
              // A text enters a table once per structure (its own and each one-merge variant).
              LongArrayList entries = new LongArrayList();
              for (int d = 0; d < shapes.length; d++) {
                int paragraphs = shapes[d].paragraphs();
                if (paragraphs < minimumParagraphs) {
                  continue;
                }
                addBuckets(shapes[d], d, table, -1, projectionsByCount, entries);
                if (indexesVariants(paragraphs, minimumParagraphs)) {
                  for (int merged = 0; merged + 1 < paragraphs; merged++) {
                    addBuckets(shapes[d], d | VARIANT, table, merged, projectionsByCount, entries);
                  }
                }
              }
              LongArrayList pairs = new LongArrayList();
              pairsInBuckets(entries.toLongArray(), language, pairs);
              long[] found = pairs.toLongArray();
              pairsByTable[table] = SortedSets.sortedDistinct(found, found.length);
            });
    long[] found = new long[Arrays.stream(pairsByTable).mapToInt(t -> t.length).sum()];
    int next = 0;
    for (long[] table : pairsByTable) {
      System.arraycopy(table, 0, found, next, table.length);
      next += table.length;
    }
    return SortedSets.sortedDistinct(found, found.length);
  }

  /**
   * Adds to {@code entries} the bucket of document {@code d} in {@code table} ({@link #bucket}):
   * the bucket key goes in the high bits' hash, the document in the low 32 bits.
   */
  private static void addBuckets(
      ParagraphShape shape,
      int d,
      int table,
      int merged,
      Int2ObjectOpenHashMap<double[][]> projectionsByCount,
      LongArrayList entries) {
    int count = merged < 0 ? shape.paragraphs() : shape.paragraphs() - 1;
    double[][] projections = projectionsByCount.get(count);
    entries.add(
        (bucket(shape, table, merged, projections) & 0xFFFFFFFF00000000L) | (d & 0xFFFFFFFFL));
  }

  /**
   * The bucket of a structure in {@code table}: for its own shares ({@code merged < 0}) or for its
   * shares with paragraphs {@code merged} and {@code merged + 1} taken as one. Buckets of different
   * tables and paragraph counts are different keys (up to hash collisions).
   *
   * @param projections {@link #projections} for the structure's paragraph count after the merge
   */
  static long bucket(ParagraphShape shape, int table, int merged, double[][] projections) {
    int paragraphs = shape.paragraphs();
    int count = merged < 0 ? paragraphs : paragraphs - 1;
    double scale = Math.sqrt(count) / Math.max(1, shape.weightedLength());
    long bucket = Mixing.fmix64(count * 31L + table);
    for (int row = 0; row < ROWS; row++) {
      double[] projection = projections[table * ROWS + row];
      double dot = 0;
      // Paragraph p goes to coordinate k; the one after the merged break joins its coordinate.
      for (int p = 0, k = 0; p < paragraphs; p++) {
        dot += projection[k] * shape.length(p);
        if (p != merged) {
          k++;
        }
      }
      long cell = (long) Math.floor(projection[count] + dot * scale);
      bucket = Mixing.fmix64(bucket ^ (cell * 0x9E3779B97F4A7C15L + row));
    }
    return bucket;
  }

  /**
   * Whether a text of {@code paragraphs} paragraphs also enters the index as its one-merge
   * variants: they must keep {@code minimumParagraphs}, and the text must be short enough ({@link
   * #MAXIMUM_MERGED_PARAGRAPHS}).
   */
  static boolean indexesVariants(int paragraphs, int minimumParagraphs) {
    return paragraphs - 1 >= minimumParagraphs && paragraphs <= MAXIMUM_MERGED_PARAGRAPHS;
  }

  /**
   * Adds to {@code pairs} the documents of different languages that share a bucket among {@code
   * entries}, skipping buckets of more than {@link #MAXIMUM_BUCKET} entries.
   */
  private static void pairsInBuckets(long[] entries, int[] language, LongArrayList pairs) {
    LongArrays.radixSort(entries);
    int[] own = new int[MAXIMUM_BUCKET];
    int[] variants = new int[MAXIMUM_BUCKET];
    for (int start = 0, end; start < entries.length; start = end) {
      long bucket = entries[start] >>> 32;
      end = start + 1;
      while (end < entries.length && entries[end] >>> 32 == bucket) {
        end++;
      }
      if (end - start > MAXIMUM_BUCKET) {
        continue;
      }
      // Sorted: the texts' own structures, then their variants, each by document. A document's
      // variants that share a bucket pair up once, not once per variant: one text's variants are
      // often alike, and the duplicates would all be kept until the end. Two 32-bit bucket hashes
      // of different counts may collide; the pair is then one more candidate, which the matcher
      // ranks like any other.
      int owns = 0;
      int variantCount = 0;
      for (int i = start; i < end; i++) {
        int entry = (int) entries[i];
        if (entry >= 0) {
          own[owns++] = entry;
        } else if (variantCount == 0 || variants[variantCount - 1] != (entry & ~VARIANT)) {
          variants[variantCount++] = entry & ~VARIANT;
        }
      }
      for (int i = 0; i < owns; i++) {
        int x = own[i];
        for (int j = i + 1; j < owns; j++) {
          addPair(x, own[j], language, pairs);
        }
        for (int j = 0; j < variantCount; j++) {
          addPair(x, variants[j], language, pairs);
        }
      }
      for (int i = 0; i < variantCount; i++) {
        for (int j = i + 1; j < variantCount; j++) {
          addPair(variants[i], variants[j], language, pairs);
        }
      }
    }
  }

  /** Adds the pair of {@code x} and {@code y}, lower first, when their languages differ. */
  private static void addPair(int x, int y, int[] language, LongArrayList pairs) {
    if (language[x] != language[y]) {
      pairs.add(x < y ? ((long) x << 32) | y : ((long) y << 32) | x);
    }
  }

  /**
   * The {@link #TABLES} x {@link #ROWS} projections for vectors of {@code paragraphs} coordinates:
   * Gaussian directions divided by the bucket width, each followed by a uniform offset in [0, 1).
   */
  static double[][] projections(int paragraphs) {
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
}
