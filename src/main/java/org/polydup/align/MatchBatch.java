package org.polydup.align;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.polydup.Relation;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.pairwise.Aligner;
import org.polydup.align.pairwise.AlignmentResult;
import org.polydup.align.pairwise.AlignmentThresholds;
import org.polydup.align.pairwise.KeySequences;
import org.polydup.align.pairwise.KeyStatistics;
import org.polydup.align.structure.ParagraphShape;

/**
 * What the passes of one {@link CrossLanguageMatcher#match} call share: the documents' entity
 * profiles and paragraph shapes by input position, their key sequences, the pairs aligned so far
 * (keyed by {@link #pairKey}; each pass reads them and may add or rewrite some), the caller's
 * settled pairs and the aligner's thresholds. The arrays are filled before the passes start and not
 * changed by them.
 *
 * <p>The passes keep per-language bests (a document's best score, or closest structure, in each
 * other language) under {@link #bestKey}: a document and another language's number in one {@code
 * long}, so one primitive map holds them all.
 */
final class MatchBatch {
  /** Each document's entities, by input position. */
  final EntityProfile[] profiles;

  /** Each document's paragraph structure, by input position. */
  final ParagraphShape[] shapes;

  /** Each document's key sequences for the aligner, built on first use. */
  final KeySequences sequences;

  /** The aligned pairs, by {@link #pairKey}: the passes' shared result. */
  final PairMap<AlignmentResult> aligned = new PairMap<>();

  /** Pairs (by input position) the caller has settled: not aligned, not returned. */
  final CrossLanguageMatcher.PairFilter settled;

  /** The aligner's thresholds. */
  final AlignmentThresholds thresholds;

  /** Which relations carry their evidence until the batch decides. */
  private final Predicate<Relation> keeps;

  /**
   * Each document's language as a number (the batch's languages numbered in order of first
   * appearance), by input position: the passes build a per-language key for every aligned pair, and
   * looking the language's name up in a map each time was a large part of those passes (28 of
   * {@code Exclusivity}'s 85 profile samples on the bulk set).
   */
  private final int[] languageNumbers;

  /**
   * A batch of {@code profiles.length} documents.
   *
   * @param keeps whether a result with a relation may be reported, and so carries evidence
   */
  MatchBatch(
      Aligner aligner,
      EntityProfile[] profiles,
      ParagraphShape[] shapes,
      KeyStatistics statistics,
      CrossLanguageMatcher.PairFilter settled,
      Predicate<Relation> keeps) {
    this.profiles = profiles;
    this.shapes = shapes;
    this.sequences = new KeySequences(aligner, profiles, statistics);
    this.settled = settled;
    this.thresholds = aligner.thresholds();
    this.keeps = keeps;
    this.languageNumbers = languageNumbers(profiles);
  }

  /** Number of documents in the batch. */
  int size() {
    return profiles.length;
  }

  /**
   * Aligns a pair (by input position, {@code low < high}); {@code null} for a same-language pair
   * that cannot end in a relation worth keeping (see {@link KeySequences#align}).
   */
  AlignmentResult align(int low, int high) {
    return sequences.align(low, high, keeps);
  }

  /**
   * {@code result}, a pair that was not a copy, promoted to a translation with its evidence: the
   * aligner kept none for a pair it did not expect to be reported, so it is aligned again.
   */
  AlignmentResult asTranslation(int low, int high, AlignmentResult result) {
    return withEvidence(low, high, result).withRelation(Relation.TRANSLATION);
  }

  /**
   * {@code result} with its evidence: the aligner keeps none for a pair it did not expect to be
   * reported, so such a pair (or one never aligned, {@code null}) is aligned again.
   */
  AlignmentResult withEvidence(int low, int high, AlignmentResult result) {
    return result == null || result.evidence().isEmpty()
        ? sequences.align(low, high, relation -> true)
        : result;
  }

  /**
   * Each document's language number by input position (see {@link #bestKey(int, int)}): the array
   * itself, which callers read and never change.
   */
  int[] languageNumbers() {
    return languageNumbers;
  }

  /** The key of {@code document}'s best in the language of document {@code other}. */
  long bestKeyInLanguageOf(int document, int other) {
    return bestKey(document, languageNumbers[other]);
  }

  /** The key of {@code document}'s best in the language numbered {@code otherLanguage}. */
  static long bestKey(int document, int otherLanguage) {
    return ((long) document << 32) | otherLanguage;
  }

  /** The key of a pair of documents by input position, {@code low < high}. */
  static long pairKey(int low, int high) {
    return ((long) low << 32) | high;
  }

  /** One cross-language pair's score, with each document's (document, other language) key. */
  @FunctionalInterface
  interface CrossLanguageScore {
    void accept(int low, long lowKey, int high, long highKey, double score);
  }

  /** Calls {@code sink} for every cross-language pair of {@link #aligned}. */
  void forEachCrossLanguage(CrossLanguageScore sink) {
    for (Map.Entry<Long, AlignmentResult> entry : aligned.entrySet()) {
      if (!entry.getValue().crossLanguage()) {
        continue;
      }
      int low = (int) (entry.getKey() >>> 32);
      int high = (int) (long) entry.getKey();
      sink.accept(
          low,
          bestKeyInLanguageOf(low, high),
          high,
          bestKeyInLanguageOf(high, low),
          entry.getValue().score());
    }
  }

  /** Numbers the batch's languages in order of first appearance; each document's number. */
  private static int[] languageNumbers(EntityProfile[] profiles) {
    Object2IntOpenHashMap<String> numbers = new Object2IntOpenHashMap<>();
    int[] byDocument = new int[profiles.length];
    for (int i = 0; i < profiles.length; i++) {
      numbers.putIfAbsent(profiles[i].language(), numbers.size());
      byDocument[i] = numbers.getInt(profiles[i].language());
    }
    return byDocument;
  }
}
