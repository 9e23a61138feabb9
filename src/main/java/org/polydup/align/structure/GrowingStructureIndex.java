package org.polydup.align.structure;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.polydup.align.IncrementalMatcher;

/**
 * {@link StructureIndex} for documents that arrive one at a time: the same tables, projections and
 * buckets, kept between calls, so that a queried text finds the added texts whose paragraph
 * structures may agree with its own, as the batch pairs them. Each text of the index's {@code
 * minimumParagraphs} or more paragraphs enters every table with its own structure and, up to {@link
 * StructureIndex#MAXIMUM_MERGED_PARAGRAPHS} paragraphs, with each one-merge variant; a query looks
 * up its own structure and its variants, so a translation that merged or split a paragraph on
 * either side is found, and a bucket over {@link StructureIndex#MAXIMUM_BUCKET} texts is skipped,
 * as in the batch.
 *
 * <p>Memory: an entry is two ints, and a bucket a slot of a hash map of longs (about 16 bytes at
 * its load factor), so about 24 bytes per entry where buckets are rarely shared; a text of n
 * paragraphs has {@value StructureIndex#TABLES} &times; n entries (about 3.8 KB for ten
 * paragraphs), and texts under {@code minimumParagraphs} paragraphs take nothing.
 *
 * <p>Threads: {@link #candidates} may run concurrently with itself, not with {@link #add} or {@link
 * #remove}; the caller orders them as {@link IncrementalMatcher} says.
 *
 * <p>Internal to the align stage, not API: public only for the incremental matcher's structure
 * queries in {@code org.polydup.align}.
 */
public final class GrowingStructureIndex {
  /** Paragraphs a text needs to enter: the structure-only rule's ({@code StructureRule}). */
  private final int minimumParagraphs;

  /**
   * Paragraph counts whose projections are kept between calls; a longer text's are drawn again
   * (they are {@code TABLES * ROWS * (n + 1)} doubles, and such texts are rare).
   */
  private static final int CACHED_COUNTS = 256;

  /** Per bucket, its latest entry (an index into the two lists below). */
  private final Long2IntOpenHashMap latest = new Long2IntOpenHashMap();

  /** Per entry, the document (its own structure) or the document with the variant bit set. */
  private final IntArrayList entries = new IntArrayList();

  /** Per entry, the bucket's entry before it, or -1. */
  private final IntArrayList previous = new IntArrayList();

  /** Places of removed entries, for the next ones. */
  private final IntArrayList free = new IntArrayList();

  private final ConcurrentHashMap<Integer, double[][]> projections = new ConcurrentHashMap<>();

  /**
   * An empty index.
   *
   * @param minimumParagraphs paragraphs a text needs to enter, as given to {@link
   *     StructureIndex#candidatePairs}
   */
  public GrowingStructureIndex(int minimumParagraphs) {
    this.minimumParagraphs = minimumParagraphs;
    latest.defaultReturnValue(-1);
  }

  /**
   * Adds a document's structure, when it has {@code minimumParagraphs} paragraphs or more.
   *
   * @param document the document's number, {@code >= 0}
   * @param shape its paragraph structure
   */
  public void add(int document, ParagraphShape shape) {
    if (document < 0) {
      throw new IllegalArgumentException("document number must be >= 0, got " + document);
    }
    forEachBucket(shape, (bucket, variant) -> enter(bucket, entry(document, variant)));
  }

  /**
   * The added documents that share a bucket with {@code shape} (its own structure or a one-merge
   * variant) in some table, in no particular order; none when it has under {@code
   * minimumParagraphs} paragraphs.
   *
   * @param shape the queried text's paragraph structure
   * @return the numbers of the candidate documents
   */
  public IntOpenHashSet candidates(ParagraphShape shape) {
    IntOpenHashSet found = new IntOpenHashSet();
    forEachBucket(shape, (bucket, variant) -> collect(bucket, found));
    return found;
  }

  /**
   * Removes a document's entries, given the structure it was added with; their places are reused by
   * later entries.
   *
   * @param document the document's number
   * @param shape the structure it was added with
   */
  public void remove(int document, ParagraphShape shape) {
    forEachBucket(shape, (bucket, variant) -> leave(bucket, entry(document, variant)));
  }

  /** A bucket of a structure: its key, and whether it is a one-merge variant's. */
  @FunctionalInterface
  private interface BucketVisitor {
    void visit(long bucket, boolean variant);
  }

  /**
   * Visits the buckets of a structure in every table, its own and its one-merge variants', as the
   * batch index enters them; none for a text under {@code minimumParagraphs} paragraphs.
   */
  private void forEachBucket(ParagraphShape shape, BucketVisitor visitor) {
    int paragraphs = shape.paragraphs();
    if (paragraphs < minimumParagraphs) {
      return;
    }
    boolean variants = StructureIndex.indexesVariants(paragraphs, minimumParagraphs);
    for (int table = 0; table < StructureIndex.TABLES; table++) {
      visitor.visit(bucket(shape, table, -1), false);
      for (int merged = 0; variants && merged + 1 < paragraphs; merged++) {
        visitor.visit(bucket(shape, table, merged), true);
      }
    }
  }

  private static int entry(int document, boolean variant) {
    return variant ? document | StructureIndex.VARIANT : document;
  }

  private void enter(long bucket, int entry) {
    int head = latest.get(bucket);
    int place;
    if (free.isEmpty()) {
      place = entries.size();
      entries.add(entry);
      previous.add(head);
    } else {
      place = free.popInt();
      entries.set(place, entry);
      previous.set(place, head);
    }
    latest.put(bucket, place);
  }

  /** Unlinks one entry equal to {@code entry} from the bucket's chain and frees its place. */
  private void leave(long bucket, int entry) {
    int after = -1;
    for (int e = latest.get(bucket); e >= 0; after = e, e = previous.getInt(e)) {
      if (entries.getInt(e) == entry) {
        int before = previous.getInt(e);
        if (after >= 0) {
          previous.set(after, before);
        } else if (before >= 0) {
          latest.put(bucket, before);
        } else {
          latest.remove(bucket);
        }
        free.push(e);
        return;
      }
    }
  }

  /** Adds the documents of a bucket to {@code found}, unless it holds too many to pair. */
  private void collect(long bucket, IntOpenHashSet found) {
    int head = latest.get(bucket);
    int size = 0;
    for (int e = head; e >= 0; e = previous.getInt(e)) {
      if (++size > StructureIndex.MAXIMUM_BUCKET) {
        return;
      }
    }
    for (int e = head; e >= 0; e = previous.getInt(e)) {
      found.add(entries.getInt(e) & ~StructureIndex.VARIANT);
    }
  }

  private long bucket(ParagraphShape shape, int table, int merged) {
    int count = merged < 0 ? shape.paragraphs() : shape.paragraphs() - 1;
    double[][] drawn =
        count <= CACHED_COUNTS
            ? projections.computeIfAbsent(count, StructureIndex::projections)
            : StructureIndex.projections(count);
    return StructureIndex.bucket(shape, table, merged, drawn);
  }
}
