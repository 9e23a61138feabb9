package org.polydup.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.polydup.Relation;

/**
 * Batch entry point of the align stage: extracts entities, weights keys over the batch, finds
 * candidates through an {@link EntityIndex} and aligns them. Immutable and thread-safe; {@link
 * #match} runs in parallel on the common fork-join pool.
 *
 * <pre>{@code
 * var matcher = CrossLanguageMatcher.withDefaults();
 * List<CrossLanguageMatcher.AlignedPair> pairs =
 *     matcher.match(List.of(new CrossLanguageMatcher.Doc("a", textA, "uk"), ...));
 * }</pre>
 */
public final class CrossLanguageMatcher {
  private static final ThreadLocal<EntityExtractor> EXTRACTORS =
      ThreadLocal.withInitial(EntityExtractor::new);

  private final Aligner aligner;
  private final int candidatesPerDocument;
  private final boolean reportRelated;
  private final boolean reportAll;

  /**
   * Creates a matcher.
   *
   * @param thresholds decision thresholds
   * @param candidatesPerDocument candidates aligned per document and per kind (other language, same
   *     language); {@code >= 1}
   * @param reportRelated whether {@code RELATED} pairs are returned
   * @param reportAll whether every aligned candidate is returned, even with no relation (for
   *     evaluation: recall@1 and threshold sweeps)
   */
  public CrossLanguageMatcher(
      AlignmentThresholds thresholds,
      int candidatesPerDocument,
      boolean reportRelated,
      boolean reportAll) {
    this.aligner = new Aligner(thresholds);
    if (candidatesPerDocument < 1) {
      throw new IllegalArgumentException(
          "candidatesPerDocument must be >= 1, got " + candidatesPerDocument);
    }
    this.candidatesPerDocument = candidatesPerDocument;
    this.reportRelated = reportRelated;
    this.reportAll = reportAll;
  }

  /** Default thresholds, 8 candidates per document, copies only. */
  public static CrossLanguageMatcher withDefaults() {
    return new CrossLanguageMatcher(AlignmentThresholds.defaults(), 8, false, false);
  }

  /**
   * One input text.
   *
   * @param id caller's identifier
   * @param text raw text
   * @param language ISO 639-1 code, or {@code und-Latn}-style when unknown
   */
  public record Doc(String id, String text, String language) {
    /** Validates the fields. */
    public Doc {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(language, "language");
    }
  }

  /**
   * A matched pair; {@code a} is the first in input order, evidence offsets follow that order.
   *
   * @param a id of the earlier document in the input
   * @param b id of the later document
   * @param relation the relation, or {@code null} (only with {@code reportAll})
   * @param score {@link AlignmentResult#score()}
   * @param alignment the full result with evidence
   */
  public record AlignedPair(
      String a, String b, Relation relation, double score, AlignmentResult alignment) {}

  /**
   * Finds translated, derived (and optionally related) pairs among {@code documents}.
   *
   * @return pairs in no particular order, each once
   */
  public List<AlignedPair> match(List<Doc> documents) {
    int size = documents.size();
    EntityProfile[] profiles = new EntityProfile[size];
    IntStream.range(0, size)
        .parallel()
        .forEach(
            i -> {
              Doc doc = documents.get(i);
              profiles[i] = EXTRACTORS.get().extract(doc.text(), doc.language());
            });
    KeyStatistics statistics = new KeyStatistics();
    IntStream.range(0, size).parallel().forEach(i -> statistics.add(profiles[i]));
    EntityIndex index = new EntityIndex(statistics, Math.max(50, size / 20));
    for (EntityProfile profile : profiles) {
      index.add(profile);
    }
    ConcurrentHashMap<Long, Boolean> seen = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<AlignedPair> found = new ConcurrentLinkedQueue<>();
    IntStream.range(0, size)
        .parallel()
        .forEach(
            i -> {
              for (EntityIndex.Candidate candidate :
                  index.query(profiles[i], candidatesPerDocument, i)) {
                int low = Math.min(i, candidate.document());
                int high = Math.max(i, candidate.document());
                if (seen.putIfAbsent(((long) low << 32) | high, Boolean.TRUE) != null) {
                  continue;
                }
                AlignmentResult result = aligner.align(profiles[low], profiles[high], statistics);
                if (keep(result)) {
                  found.add(
                      new AlignedPair(
                          documents.get(low).id(),
                          documents.get(high).id(),
                          result.relation(),
                          result.score(),
                          result));
                }
              }
            });
    return new ArrayList<>(found);
  }

  private boolean keep(AlignmentResult result) {
    if (reportAll || result.isCopy()) {
      return true;
    }
    return reportRelated && result.relation() == Relation.RELATED;
  }
}
