package org.polydup.align;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.IntStream;
import org.polydup.Relation;
import org.polydup.align.extract.EntityExtractor;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.pairwise.Aligner;
import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.align.pairwise.AlignmentThresholds;
import org.polydup.align.pairwise.KeyStatistics;
import org.polydup.align.structure.ParagraphShape;

/**
 * Batch entry point of the align stage: extracts entities, weights keys over the batch, finds
 * candidates through an {@link EntityIndex} and aligns them. Immutable and thread-safe; {@link
 * #match} runs in parallel on the common fork-join pool.
 *
 * <p>The passes of {@link #match}, in order, each in its own class over the batch's shared state
 * ({@code MatchBatch}): each document's entities and paragraph shape; key weights over the batch;
 * each document's best candidates per kind, aligned, and a deeper look for documents with
 * paragraphs and no translation yet ({@code CandidateSearch}); triangles closed ({@code
 * TriangleClosing}); one best version per language ({@code Exclusivity}); same-language copies
 * grouped into versions ({@code Versions}); the margin rules, which compare versions ({@code
 * ShapeAgreements}, {@code MutualBest}, {@code StructureRule}); and each translation shared with
 * the copies of its version ({@code VersionSharing}). This class runs them, and keeps the structure
 * bar several of them read ({@code SHAPE_DISTANCE}).
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

  private static final int MINIMUM_POSTINGS = 50;
  private static final int MAXIMUM_POSTINGS = 1000;

  /**
   * Structure distance ({@link ParagraphShape#distance}, Gale–Church cost per paragraph) at and
   * below which two texts' paragraph structures agree; see {@link ShapeAgreements}. On xling's
   * entity candidates (matcher alone, both texts of 3 paragraphs or more) 90% of gold pairs lie
   * below 0.76-0.90 by paragraph count and 97% below 1.07, while 97% of wrong candidates with the
   * same paragraph count lie above 1.2-1.8. Swept through the scan with the other values as chosen,
   * true/false xling pairs on the even / odd halves by cluster-id parity: 0.8: 1,212/10 / 1,224/20;
   * 0.9: 1,226/10 / 1,235/20; 1.0: 1,236/10 / 1,244/20 (without the rule 1,038/10 / 1,074/19);
   * syndication false positives 96 / 96 / 97 (95 without). 0.9 keeps a pair of template-built
   * newsletters of 19 paragraphs each (cost 0.91) out and leaves room for a merged paragraph (about
   * 0.3 per paragraph on ten paragraphs; 0.23 at the merge prior of {@link ParagraphShape}).
   *
   * <p>Merges: at Gale and Church's merge prior (0.089) and rivals by the same distance, xling
   * true/false pairs unperturbed 2,439/83 (F1 0.884), with 10% of line breaks merged ({@code
   * PerturbedSet --merge 0.1}) seed 1 2,247/84 (0.843), seed 2 2,232/84 (0.840), syndication false
   * positives 96. Merge prior 0.15 / 0.2 / 0.3 / 0.5, rivals by the same distance: unperturbed
   * 2,435/83 / 2,435/83 / 2,435/85 / 2,436/87, seed 1 2,270/84 / 2,285/84 / 2,309/84 / 2,348/84,
   * seed 2 2,260/85 / 2,276/86 / 2,295/85 / 2,339/87, syndication 96 / 96 / 99 / 102. Prior 0.2 /
   * 0.3 with rivals by {@link ParagraphShape#galeChurchDistance} (as built, at 0.2): unperturbed
   * 2,439/83 / 2,440/85, seed 1 2,286/84 (0.852) / 2,310/85, seed 2 2,277/86 (0.850) / 2,297/86,
   * syndication 96 / 99. Charging only the merges beyond those the two paragraph counts force (cost
   * minus |n - m| merges) took seed 1 to 2,319/101: texts of other counts became rivals and
   * partners alike.
   *
   * <p>Internal to the align stage, not API: public so that {@link ParagraphShape}'s tests, in
   * {@code org.polydup.align.structure}, measure real translations against this bar.
   */
  public static final double SHAPE_DISTANCE = 0.9;

  private final Aligner aligner;
  private final int candidatesPerDocument;
  private final int deepCandidates;
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
    this(
        thresholds,
        candidatesPerDocument,
        Math.max(candidatesPerDocument, CandidateSearch.DEEP_CANDIDATES),
        reportRelated,
        reportAll);
  }

  /**
   * A matcher with another depth for the structure-chosen candidates ({@link
   * CandidateSearch#DEEP_CANDIDATES}); {@code deepCandidates <= candidatesPerDocument} turns them
   * off.
   */
  CrossLanguageMatcher(
      AlignmentThresholds thresholds,
      int candidatesPerDocument,
      int deepCandidates,
      boolean reportRelated,
      boolean reportAll) {
    this.deepCandidates = deepCandidates;
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
   * @param shapeAgrees whether the two texts' paragraph structures agree ({@link ParagraphShape}):
   *     the pair aligns their paragraph lengths closely, and neither document aligns so closely
   *     with another candidate in the other's language. Whole-text evidence that does not depend on
   *     where the shared entities lie; always {@code false} for a same-language pair
   */
  public record AlignedPair(
      String a,
      String b,
      Relation relation,
      double score,
      AlignmentResult alignment,
      boolean shapeAgrees) {}

  /**
   * Finds translated, derived (and optionally related) pairs among {@code documents}.
   *
   * @return pairs in no particular order, each once
   */
  public List<AlignedPair> match(List<Doc> documents) {
    return match(documents, (low, high) -> false);
  }

  /**
   * Longest posting list the entity index reads for a batch of {@code documents}: a key in more
   * than a twentieth of them (within 50 and 1,000) says nothing about which ones are copies.
   */
  public static int maximumPostings(int documents) {
    return Math.max(MINIMUM_POSTINGS, Math.min(MAXIMUM_POSTINGS, documents / 20));
  }

  /**
   * Pairs of documents, by their positions in the input list, that need no alignment. The matcher
   * asks from several threads at once, so an implementation must be safe to call concurrently.
   */
  @FunctionalInterface
  public interface PairFilter {
    /**
     * Whether the pair is settled already (for example, flagged by the shingle stage).
     *
     * @param low the smaller position in the input list
     * @param high the larger position
     */
    boolean settled(int low, int high);

    /**
     * Whether a settled pair in one language is a whole-text copy (a near-duplicate, not a text
     * contained in a longer page): then both are one version of the story. Asked only of pairs
     * {@link #settled} accepts; by default none is.
     *
     * @param low the smaller position in the input list
     * @param high the larger position
     */
    default boolean wholeCopy(int low, int high) {
      return false;
    }
  }

  /** Told of a document whose entities could not be extracted. */
  @FunctionalInterface
  public interface ExtractionFailures {
    /**
     * Called concurrently, once per failed document.
     *
     * @param index the document's position in the list given to {@link #match}
     * @param failure what the extractor threw
     */
    void failed(int index, Throwable failure);
  }

  /**
   * Like {@link #match(List)}, but does not align candidate pairs that {@code settled} accepts:
   * their verdict is known, and on a corpus full of near-duplicates they would be most of the
   * alignment work. They are not returned and do not take part in triangle closing. A document
   * whose extraction throws fails the whole call.
   *
   * @param settled pairs (by input position) to leave out; called concurrently
   * @return pairs in no particular order, each once
   */
  public List<AlignedPair> match(List<Doc> documents, PairFilter settled) {
    return match(
        documents,
        settled,
        (index, failure) -> {
          if (failure instanceof Error error) {
            throw error;
          }
          throw (RuntimeException) failure;
        });
  }

  /**
   * Like {@link #match(List, PairFilter)}, but a document whose entity extraction throws (a bug
   * that some odd text sets off) is passed to {@code failures} and takes part with no entities, so
   * that one document does not cost the batch its other pairs.
   *
   * @param failures told of each such document; may rethrow to fail the call
   * @return pairs in no particular order, each once
   */
  public List<AlignedPair> match(
      List<Doc> documents, PairFilter settled, ExtractionFailures failures) {
    Objects.requireNonNull(settled, "settled");
    Objects.requireNonNull(failures, "failures");
    int size = documents.size();
    EntityProfile[] profiles = new EntityProfile[size];
    ParagraphShape[] shapes = new ParagraphShape[size];
    // The batch's own extractors, dropped when its extraction ends: their word caches (about 450 MB
    // on the 103k bulk documents) would otherwise stay with the pool's threads through every later
    // pass, where the align stage's live set peaks. Each task borrows one, so no two threads
    // share one; which one a document gets changes nothing, as a word cache only memoises.
    Deque<EntityExtractor> extractors = new ConcurrentLinkedDeque<>();
    IntStream.range(0, size)
        .parallel()
        .forEach(
            i -> {
              Doc doc = documents.get(i);
              EntityExtractor extractor = extractors.poll();
              if (extractor == null) {
                extractor = new EntityExtractor();
              }
              try {
                profiles[i] = extractor.extract(doc.text(), doc.language());
                shapes[i] = ParagraphShape.of(doc.text());
                extractors.push(extractor);
              } catch (RuntimeException | StackOverflowError e) {
                // The extractor is dropped: a failure half-way may have left its caches odd.
                failures.failed(i, e);
                profiles[i] = new EntityExtractor().extract("", doc.language());
                shapes[i] = ParagraphShape.of("");
              }
            });
    // The local stays in scope through every pass below: let go of its extractors now.
    extractors.clear();
    KeyStatistics statistics = new KeyStatistics();
    IntStream.range(0, size).parallel().forEach(i -> statistics.add(profiles[i]));
    statistics.freeze();
    MatchBatch batch = new MatchBatch(aligner, profiles, shapes, statistics, settled, this::keeps);
    CandidateSearch candidates = new CandidateSearch(batch, candidatesPerDocument, deepCandidates);
    candidates.alignCandidates(statistics);
    candidates.deepenByShape();
    TriangleClosing.close(batch);
    Exclusivity.keepExclusive(batch);
    int[] versions = Versions.of(batch, candidates.wholeCopies());
    LongOpenHashSet shapeAgrees = ShapeAgreements.find(batch, versions);
    MutualBest.accept(batch, versions, shapeAgrees);
    for (long key : StructureRule.accept(batch, versions)) {
      shapeAgrees.add(key);
    }
    VersionSharing.share(batch, versions);
    List<AlignedPair> found = new ArrayList<>();
    for (Map.Entry<Long, AlignmentResult> entry : batch.aligned.entrySet()) {
      AlignmentResult result = entry.getValue();
      if (keep(result)) {
        int low = (int) (entry.getKey() >>> 32);
        int high = (int) (long) entry.getKey();
        found.add(
            new AlignedPair(
                documents.get(low).id(),
                documents.get(high).id(),
                result.relation(),
                result.score(),
                result,
                shapeAgrees.contains(entry.getKey().longValue())));
      }
    }
    return found;
  }

  /**
   * The entities of a text, by this thread's extractor: one per thread for the incremental matcher
   * (and any single text), kept between calls, since each holds a word cache of up to a million
   * words. A batch ({@link #match}) uses extractors of its own instead.
   */
  static EntityProfile extract(String text, String language) {
    return EXTRACTORS.get().extract(text, language);
  }

  private boolean keep(AlignmentResult result) {
    return keeps(result.relation());
  }

  /**
   * Whether a result with this relation may be reported, and so carries evidence until the batch
   * decides; the others keep their scores alone (the evidence of 500k non-copies on a 100k-document
   * corpus exhausted a 6 GB heap).
   */
  private boolean keeps(Relation relation) {
    return reportAll || reported(relation, reportRelated);
  }

  /** Whether a pair with this relation is reported: a copy, or related when that is asked for. */
  static boolean reported(Relation relation, boolean reportRelated) {
    return relation == Relation.TRANSLATION
        || relation == Relation.DERIVED
        || (reportRelated && relation == Relation.RELATED);
  }
}
