package org.polydup.align.pairwise;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.polydup.Relation;
import org.polydup.align.extract.EntityKind;
import org.polydup.align.extract.EntityProfile;
import org.polydup.align.extract.LanguageTags;

/**
 * Order-aware, rarity-weighted local alignment of two entity profiles. Immutable and thread-safe.
 *
 * <h2>Rationale</h2>
 *
 * A translation keeps its names, numbers and dates in nearly the same order; an article written
 * independently about the same event shares many of them, but scattered and reordered. So the
 * aligner runs a Smith-Waterman local alignment (Smith and Waterman, "Identification of common
 * molecular subsequences", J. Mol. Biol. 1981) over the two key sequences: a match earns the key's
 * IDF weight (from {@link KeyStatistics} of the corpus being scanned, damped by the square root of
 * the key's repeat count so that a name said ten times does not outweigh ten names), skipping a
 * shared key costs half its weight. Only keys present in both texts take part, which keeps the
 * dynamic programme small (shared keys, not all tokens) and makes unshared tokens (German nouns,
 * unmatched words) free.
 *
 * <p>Different languages align their anchors (names, acronyms, numbers, CLDR codes, links); one
 * language aligns every word by its stem. The score is coverage of the lighter text: matched weight
 * over that text's total weight. {@code TRANSLATION} needs most of the lighter text and texts of
 * comparable length (a length-ratio check, on lengths weighted by script: {@link #lengthRatio});
 * {@code DERIVED} is a same-language copy above the coverage threshold, or, in any language pair, a
 * dense aligned stretch with enough weight (an excerpt retold inside a longer text); {@code
 * RELATED} is what shares names without a copied passage.
 */
public final class Aligner {
  private static final int MAXIMUM_SEQUENCE = 3000;
  private static final double BOUND_MARGIN = 1e-9;

  /** Per-thread buffers of {@link #align}; see {@link AlignmentWorkspace}. */
  private static final ThreadLocal<AlignmentWorkspace> WORKSPACES =
      ThreadLocal.withInitial(AlignmentWorkspace::new);

  /**
   * A long text dilutes coverage with words that have no counterpart (cognate keys, unmatched
   * names), so a translation may also show half the coverage threshold with this many times the
   * weight threshold. The batch-level checks (one best version per language, anchors through the
   * whole text) keep the precision. Swept on xling and syndication through the matcher with those
   * checks, at weight factor 1.4 / 1.6 / 2.0 / 2.4: xling true pairs +89 / +75 / +51 / +33 over
   * 1,857, false +5 / +4 / +2 / 0 over 47; syndication false +19 / +10 / +1 / 0 over 38. Through
   * the scan at 1.6 / 2.0: xling true/false pairs 2,046/94 / 2,036/87 (from 1,993/82), syndication
   * false positives 110 / 97 (from 95).
   */
  private static final double LONG_TEXT_WEIGHT_FACTOR = 2.0;

  private final AlignmentThresholds thresholds;

  /** An aligner with {@link AlignmentThresholds#defaults()}. */
  public Aligner() {
    this(AlignmentThresholds.defaults());
  }

  /** An aligner with the given thresholds. */
  public Aligner(AlignmentThresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
  }

  /** The thresholds in use. */
  public AlignmentThresholds thresholds() {
    return thresholds;
  }

  /**
   * Aligns two profiles.
   *
   * @param first one text's entities
   * @param second the other text's entities
   * @param statistics key weights of the corpus being scanned
   * @return scores, relation and evidence (offsets: {@code first} → first text)
   */
  public AlignmentResult align(
      EntityProfile first, EntityProfile second, KeyStatistics statistics) {
    boolean crossLanguage = crossLanguage(first, second);
    boolean hanForms = hanForms(first, second);
    return align(
        sequence(first, crossLanguage, hanForms, statistics),
        sequence(second, crossLanguage, hanForms, statistics),
        statistics);
  }

  /**
   * The length-ratio check's measure: the longer text's {@link EntityProfile#weightedLength()} over
   * the shorter one's (at least 1 each), in which a Han, kana or Hangul character counts as three
   * letters.
   *
   * <p>The check used to compare the two texts' anchor weights, which are not comparable across
   * scripts: an alphabetic text's weight is mostly its cognate words, while Chinese and Japanese
   * texts carry their vocabulary as Han words whose keys the other side never has, so on xling the
   * raw weights of a translation differ about 4× between Japanese and alphabetic texts, and the
   * check (ratio 5) failed real translations. Weighted lengths of a translation stay close in every
   * script pair (99.9% of xling gold pairs within 1.84; the structure rules' length check, {@code
   * ShapeComparison.comparable}, uses the same measure).
   *
   * @param first one text's profile
   * @param second the other text's profile
   * @return the ratio, at least 1; compared with {@link AlignmentThresholds#maximumLengthRatio()}
   */
  public static double lengthRatio(EntityProfile first, EntityProfile second) {
    double lengthFirst = Math.max(1, first.weightedLength());
    double lengthSecond = Math.max(1, second.weightedLength());
    return Math.max(lengthFirst, lengthSecond) / Math.min(lengthFirst, lengthSecond);
  }

  /** Whether two profiles are aligned on anchors (different languages) or on every word. */
  static boolean crossLanguage(EntityProfile first, EntityProfile second) {
    return !first.language().equals(second.language());
  }

  /**
   * The weighted key sequence {@link #align} works on; a batch that aligns one document with
   * several others builds it once ({@link KeySequences}).
   *
   * @param crossLanguage anchors only (true) or every word (false)
   * @param hanForms adds the {@link EntityKind#HAN_FORM} keys, for a pair of languages that both
   *     write Han ({@link #hanForms})
   */
  static KeySequence sequence(
      EntityProfile profile, boolean crossLanguage, boolean hanForms, KeyStatistics statistics) {
    return KeySequence.of(profile, crossLanguage, hanForms, statistics);
  }

  /** Whether two profiles are in different languages that both write Han (Chinese, Japanese). */
  static boolean hanForms(EntityProfile first, EntityProfile second) {
    return crossLanguage(first, second)
        && LanguageTags.writesHan(first.language())
        && LanguageTags.writesHan(second.language());
  }

  /** {@link #align(EntityProfile, EntityProfile, KeyStatistics)} on prepared sequences. */
  AlignmentResult align(KeySequence a, KeySequence b, KeyStatistics statistics) {
    return align(a, b, statistics, relation -> true);
  }

  /**
   * Like {@link #align(KeySequence, KeySequence, KeyStatistics)}, with evidence only when {@code
   * wanted} accepts the relation (which may be {@code null}): a batch reports few of the pairs it
   * aligns, and building entities for the others was most of the alignment's allocation.
   *
   * <p>A batch reads a same-language result only through its relation (scores matter only across
   * languages, where each document's best version in a language sets a bar), so for two texts in
   * one language this returns {@code null}, without the dynamic programme, when an upper bound on
   * the matched weight shows that no relation {@code wanted} accepts can come out: an aligned pair
   * takes distinct positions on both sides, and all occurrences of a key weigh the same on one side
   * (its weight is damped by its own repeat count), so a key shared {@code cA} and {@code cB} times
   * pairs at most {@code min(cA, cB)} times, each gaining the lower of its two weights; the
   * decision only grows with the matched weight, score and density.
   */
  AlignmentResult align(
      KeySequence a, KeySequence b, KeyStatistics statistics, Predicate<Relation> wanted) {
    // Aligned in an orientation of the pair's own, then turned back: the programme breaks ties
    // between equally good paths by side, so which text came first changed the evidence and the
    // density of some pairs, and with them the checks a batch makes on where the evidence lies.
    if (KeySequence.ORDER.compare(a, b) > 0) {
      AlignmentResult turned = alignInOrder(b, a, statistics, wanted);
      return turned == null ? null : turned.swapped();
    }
    return alignInOrder(a, b, statistics, wanted);
  }

  /** {@link #align(KeySequence, KeySequence, KeyStatistics, Predicate)} with a first as given. */
  private AlignmentResult alignInOrder(
      KeySequence a, KeySequence b, KeyStatistics statistics, Predicate<Relation> wanted) {
    boolean crossLanguage = crossLanguage(a.profile, b.profile);
    // Each side's distinct keys numbered by shared key (-1 where the other side lacks it).
    AlignmentWorkspace workspace = WORKSPACES.get();
    workspace.shared(a.distinctKeys.length, b.distinctKeys.length);
    int[] sharedOfA = workspace.sharedOfA;
    int[] sharedOfB = workspace.sharedOfB;
    int shared = numberShared(a.distinctKeys, b.distinctKeys, sharedOfA, sharedOfB);
    if (!crossLanguage) {
      // The bound needs each shared key's weight and count, not its positions: most
      // same-language candidates end here, so their positions are not gathered.
      double[] weightA = new double[shared];
      double[] weightB = new double[shared];
      int[] countA = new int[shared];
      int[] countB = new int[shared];
      a.countShared(sharedOfA, weightA, countA);
      b.countShared(sharedOfB, weightB, countB);
      if (!mayBeWanted(a, weightA, countA, b, weightB, countB, wanted)) {
        return null;
      }
    }
    int[] positionsA = a.positionsOf(sharedOfA, shared);
    int[] positionsB = b.positionsOf(sharedOfB, shared);
    Aligned aligned =
        localAlignment(a, positionsA, sharedOfA, b, positionsB, sharedOfB, shared, workspace);
    double matched = aligned.matched();
    int[] pairs = aligned.pairs();
    double lighter = Math.min(a.totalWeight, b.totalWeight);
    double score = lighter > 0 ? Math.min(1, matched / lighter) : 0;
    double coverageFirst = a.totalWeight > 0 ? Math.min(1, matched / a.totalWeight) : 0;
    double coverageSecond = b.totalWeight > 0 ? Math.min(1, matched / b.totalWeight) : 0;
    DensestPassage passage =
        DensestPassage.find(a, b, pairs, thresholds.passageDensity(), thresholds.passageWeight());
    Relation relation =
        decide(
            crossLanguage,
            score,
            crossLanguage ? lengthRatio(a.profile, b.profile) : 1,
            passage.density(),
            matched,
            passage.matched());
    List<AlignedEntityPair> evidence = List.of();
    if (wanted.test(relation)) {
      evidence = new AlignmentEvidence(a, b, pairs);
    }
    return new AlignmentResult(
        relation,
        score,
        coverageFirst,
        coverageSecond,
        passage.density(),
        matched,
        crossLanguage,
        evidence,
        passage.density() >= thresholds.passageDensity()
            && passage.matched() >= thresholds.passageWeight());
  }

  /**
   * Numbers the keys two sorted distinct arrays share, in order, into {@code sharedOfA} and {@code
   * sharedOfB} (-1 for the others); returns how many there are.
   */
  static int numberShared(long[] a, long[] b, int[] sharedOfA, int[] sharedOfB) {
    Arrays.fill(sharedOfA, 0, a.length, -1);
    Arrays.fill(sharedOfB, 0, b.length, -1);
    int shared = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        sharedOfA[i++] = shared;
        sharedOfB[j++] = shared;
        shared++;
      }
    }
    return shared;
  }

  /**
   * Whether a same-language alignment may end in a relation {@code wanted} accepts, from each
   * shared key's weight and number of occurrences on each side.
   */
  private boolean mayBeWanted(
      KeySequence a,
      double[] weightA,
      int[] countA,
      KeySequence b,
      double[] weightB,
      int[] countB,
      Predicate<Relation> wanted) {
    // A key pairs at most as often as it occurs on the side where it is rarer, each pair gaining
    // the lower of its two weights (tighter than the lighter side's total when the counts differ).
    double total = 0;
    for (int k = 0; k < weightA.length; k++) {
      total += Math.min(countA[k], countB[k]) * Math.min(weightA[k], weightB[k]);
    }
    // The margin covers rounding: the alignment adds the same weights in another order.
    double bound = total * (1 + BOUND_MARGIN) + BOUND_MARGIN;
    double lighter = Math.min(a.totalWeight, b.totalWeight);
    double score = lighter > 0 ? Math.min(1, bound / lighter) : 0;
    Relation best = decide(false, score, 1, 1, bound, bound);
    // Below DERIVED, RELATED and no relation can still come out.
    return wanted.test(null)
        || (best != null && (wanted.test(best) || wanted.test(Relation.RELATED)));
  }

  /**
   * The decision on an alignment's scores; {@code lengthRatio} ({@link #lengthRatio}) matters for a
   * cross-language pair only.
   */
  private Relation decide(
      boolean crossLanguage,
      double score,
      double lengthRatio,
      double density,
      double matched,
      double passageMatched) {
    if (crossLanguage) {
      boolean covered =
          score >= thresholds.translationCoverage() && matched >= thresholds.translationWeight();
      boolean heavy =
          score >= thresholds.translationCoverage() / 2
              && matched >= LONG_TEXT_WEIGHT_FACTOR * thresholds.translationWeight();
      if ((covered || heavy) && lengthRatio <= thresholds.maximumLengthRatio()) {
        return Relation.TRANSLATION;
      }
    } else if (score >= thresholds.derivedCoverage() && matched >= thresholds.derivedWeight()) {
      return Relation.DERIVED;
    }
    if (density >= thresholds.passageDensity() && passageMatched >= thresholds.passageWeight()) {
      return Relation.DERIVED;
    }
    if (score >= thresholds.related()) {
      return Relation.RELATED;
    }
    return null;
  }

  /**
   * A local alignment: its matched weight, and the aligned pairs' sequence positions, two ints per
   * pair (first sequence, second), in text order. Flat, as {@link AlignmentEvidence} keeps them: a
   * list of two-int arrays was the aligner's largest allocation.
   */
  private record Aligned(double matched, int[] pairs) {}

  /**
   * Smith-Waterman over the shared positions ({@link LocalAlignment}): the matched weight and the
   * aligned pairs (sequence indexes, text order). Keys are compared by their shared numbers ({@code
   * sharedOfA}, {@code sharedOfB} map each side's {@link KeySequence#distinctKeys} to them): ints,
   * not longs.
   */
  private static Aligned localAlignment(
      KeySequence a,
      int[] positionsA,
      int[] sharedOfA,
      KeySequence b,
      int[] positionsB,
      int[] sharedOfB,
      int shared,
      AlignmentWorkspace workspace) {
    int n = Math.min(positionsA.length, MAXIMUM_SEQUENCE);
    int m = Math.min(positionsB.length, MAXIMUM_SEQUENCE);
    workspace.sides(Math.max(n, m));
    // Each side's keys and weights gathered once, in sequence order: the programme reads them
    // many times, and reading them through the positions missed the cache on long sequences.
    a.gather(positionsA, n, sharedOfA, workspace.keysA, workspace.weightsA);
    b.gather(positionsB, m, sharedOfB, workspace.keysB, workspace.weightsB);
    IntArrayList aligned = workspace.aligned;
    aligned.clear();
    double matched =
        workspace.alignment.align(
            workspace.keysA,
            workspace.weightsA,
            n,
            workspace.keysB,
            workspace.weightsB,
            m,
            shared,
            aligned,
            LocalAlignment.Programme.CHEAPER);
    int[] pairs = new int[aligned.size()];
    for (int k = 0; k < pairs.length; k += 2) {
      pairs[k] = positionsA[aligned.getInt(k)];
      pairs[k + 1] = positionsB[aligned.getInt(k + 1)];
    }
    return new Aligned(matched, pairs);
  }
}
