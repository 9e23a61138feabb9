package org.polydup;

import it.unimi.dsi.fastutil.ints.IntHeapPriorityQueue;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ForkJoinPool;
import org.polydup.align.AlignmentResult;
import org.polydup.align.AlignmentThresholds;
import org.polydup.align.CrossLanguageMatcher;
import org.polydup.align.EntityKind;
import org.polydup.align.ParagraphEvidence;
import org.polydup.sketch.SimilarityEstimator;
import org.polydup.verify.Excerpts;
import org.polydup.verify.SharedPassage;
import org.polydup.verify.ShingleRarity;
import org.polydup.verify.ShingleSequence;
import org.polydup.verify.Verification;
import org.polydup.verify.VerificationPolicy;
import org.polydup.verify.Verifier;

/**
 * The cross-language step of a batch scan: hands the documents and their languages to the {@link
 * CrossLanguageMatcher} and turns its aligned pairs into matches with entity evidence.
 *
 * <p>Verbatim overlap belongs to the shingle stage. Pairs it flagged keep its verdict, and a
 * same-language pair whose aligned entities lie mostly inside text the two documents share word for
 * word is not re-judged as {@code derived}: {@code derived} means reworded, and the shingle stage
 * has already decided what that verbatim overlap is (a copy, or a headline and teaser quoted as a
 * link preview, which is not).
 */
final class AlignmentStage implements CrossLanguageStage {
  /** Where an aligned entity lies (see {@link #quoted}): in reworded text, ... */
  private static final byte REWORDED = 0;

  /** ... inside a verbatim quote, ... */
  private static final byte QUOTED = 1;

  /** ... or inside a verbatim quote of either document's opening. */
  private static final byte QUOTED_OPENING = 2;

  /** Aligned entities a reported pair carries as evidence, at most; see {@link #strongest}. */
  static final int MAXIMUM_EVIDENCE = 64;

  /**
   * Share of its aligned weight a same-language {@code derived} pair must have in reworded text,
   * outside verbatim quotes of at least {@link #PREVIEW_CHARACTERS}; see {@link #rewordedShare}.
   * Swept on the scan's aligned pairs, split by document id parity into halves h0+h1, at 0.10 /
   * 0.15 / 0.20 / 0.25 / 0.30: syndication false positives removed 2+1 / 3+1 / 4+2 / 4+4 / 4+4 of
   * 21 (two digests quoting the same items), none of its 3 true pairs (digest items quoting a
   * story's opening); rewrites false positives removed 0+2 / 5+6 / 7+9 / 10+9 / 12+11 of 279, no
   * true pair lost (of 7,234). 0.2, "four fifths of the evidence is quoted", is the middle; the
   * seeds' newsletter retelling the story inside a page keeps 0.72. (With quotes from 30 weighted
   * characters the same sweep lost true rewrites from 0.15 on: 1 at 0.2, 17 at 0.25.)
   */
  static final double REWORDED_SHARE = 0.2;

  /**
   * Shortest verbatim passage, in weighted characters, that {@link #rewordedShare} counts as a
   * quote: the 150 characters of a short link preview (see {@link Excerpts}). Two versions of one
   * text in Japanese or Chinese share many verbatim phrases of 10 to 30 characters (30 to 90
   * weighted); at 30, the first 20,000 bulk documents lost 25 same-language pairs, most of them two
   * translations of one text into Japanese. On the eval sets, counting passages of at least 30 /
   * 100 / 150 weighted characters removes syndication false positives 5+5 / 5+2 / 4+2 (halves
   * h0+h1), rewrites false positives 14+19 / 11+10 / 7+9 and true pairs 1+0 / 0 / 0.
   */
  private static final int PREVIEW_CHARACTERS = 150;

  /**
   * Each {@link EntityKind}'s name as an {@link EntityLink} shows it, by ordinal: one string per
   * kind rather than a new one per link (about 20 million links on the bulk set, all kept in the
   * result).
   */
  private static final String[] KIND_NAMES =
      Arrays.stream(EntityKind.values())
          .map(kind -> kind.name().toLowerCase(Locale.ROOT))
          .toArray(String[]::new);

  /** Share of aligned entities inside verbatim passages above which the overlap is verbatim. */
  private static final double VERBATIM_SHARE = 0.5;

  /**
   * Shared verbatim text shorter than this (weighted characters, CJK counting 3) is common
   * phrasing, not a quote: two translations into Japanese or Chinese share many such scraps around
   * the names they align. Swept through the scan at 0 (every passage) / 30 / 50 / 100: rewrites F1
   * 0.951 / 0.956 / 0.960 / 0.959 (ja 0.931 / 0.969 / 0.978 / 0.978, zh 0.933 / 0.971 / 0.971 /
   * 0.971), syndication false positives 97 / 97 / 102 / 122 (pages sharing furniture and a
   * headline).
   */
  private static final int QUOTE_CHARACTERS = 30;

  /**
   * Verbatim coverage below which, in both documents, shared text is a quote, not a version. Swept
   * at 0.2 / 0.3 / 0.4 through the scan: rewrites F1 0.958 / 0.950 / 0.898, syndication F1 0.795 /
   * 0.832 / 0.835; 0.3 is the middle of that plateau.
   */
  private static final double QUOTED_COVERAGE = 0.3;

  /**
   * A translation carries its anchors through the whole text, so the aligned entities must span at
   * least this share of each document; anchors bunched in one corner of a page (a digest item, a
   * quoted teaser) are at most a partial copy. Measured on xling (>= 400 chars, pooled) and
   * syndication: at 0.4 xling F1 is unchanged (0.760) with precision 0.891 -> 0.933, and
   * cross-language false positives on syndication's digest pages fall from 1,215 to 393.
   */
  private static final double TRANSLATION_SPAN_SHARE = 0.4;

  /**
   * A translation leaves no stretch longer than this share of either text without an aligned
   * entity. Spanning a text is not enough: two pages that share only a masthead and a footer (a
   * newsletter's furniture) span both texts end to end. Swept through the scan with the run rule of
   * {@link #longestRun} in place, at 1.0 (off) / 0.7 / 0.6: xling true/false pairs 1,999/83 /
   * 1,993/82 / 1,983/79, syndication false positives 112 / 95 / 92. Before both rules: xling
   * 2,026/102, syndication 147.
   */
  private static final double TRANSLATION_GAP_SHARE = 0.7;

  /**
   * A same-language {@code derived} pair scoring below this share of the best match of each of its
   * two documents is a side link between two families of versions; see {@link #withoutSideLinks}.
   * Swept through the scan on rewrites at 0.4 / 0.5 / 0.55 / 0.6: false positives 595 / 581 / 565 /
   * 534 (597 without the rule), true positives 8,772 / 8,772 / 8,771 / 8,764 (8,772 without); 0.5,
   * "less than half of what each document shares with its closest version", keeps every true pair.
   */
  static final double SIDE_LINK_RATIO = 0.5;

  /**
   * A partial copy must span at least this many Latin-equivalent characters on both sides, the same
   * bar as a verbatim excerpt ({@link VerificationPolicy#minimumExcerptCharacters()}): a headline
   * and teaser of a link preview is not a copy in any language.
   */
  private final int minimumPartialCharacters;

  /** Estimated Jaccard similarity at which a settled pair is a whole-text copy: the scan's. */
  private final double wholeCopyJaccard;

  private final CrossLanguageMatcher matcher;
  private final Verifier verifier;

  AlignmentStage(boolean includeRelated, VerificationPolicy policy, double wholeCopyJaccard) {
    this.wholeCopyJaccard = wholeCopyJaccard;
    this.matcher =
        new CrossLanguageMatcher(AlignmentThresholds.defaults(), 8, includeRelated, false);
    this.verifier = new Verifier(policy);
    this.minimumPartialCharacters = policy.minimumExcerptCharacters();
  }

  @Override
  public Result scan(
      List<Document> documents,
      Fingerprint[] fingerprints,
      ShingleRarity rarity,
      LanguageResolver languages,
      SettledPairs alreadySettled,
      ForkJoinPool pool,
      ScanProgress progress) {
    List<Integer> positions = new ArrayList<>();
    List<CrossLanguageMatcher.Doc> docs = new ArrayList<>();
    Object2IntOpenHashMap<String> positionOf = new Object2IntOpenHashMap<>();
    for (int i = 0; i < documents.size(); i++) {
      if (fingerprints[i] == null) {
        continue;
      }
      Document d = documents.get(i);
      positions.add(i);
      positionOf.put(d.id(), i);
      docs.add(new CrossLanguageMatcher.Doc(d.id(), d.text(), languages.languageOf(i)));
    }
    progress.update("align", 0, 1);
    // Run inside the scan's pool so the matcher's parallel streams use its threads.
    int[] position = positions.stream().mapToInt(Integer::intValue).toArray();
    // Pairs the shingle stage flagged keep its verdict: do not spend an alignment on them.
    CrossLanguageMatcher.PairFilter settled =
        new CrossLanguageMatcher.PairFilter() {
          @Override
          public boolean settled(int low, int high) {
            return alreadySettled.contains(position[low], position[high]);
          }

          @Override
          public boolean wholeCopy(int low, int high) {
            return isWholeCopy(fingerprints[position[low]], fingerprints[position[high]]);
          }
        };
    Map<Integer, String> problems = new ConcurrentSkipListMap<>();
    List<CrossLanguageMatcher.AlignedPair> pairs =
        pool.submit(
                () ->
                    matcher.match(
                        docs,
                        settled,
                        (index, failure) ->
                            problems.put(
                                position[index],
                                "entities could not be extracted ("
                                    + failure
                                    + "); it was compared without them")))
            .join();
    progress.update("align", 1, 1);
    // Checking each aligned pair costs an exact verification: do it on the scan's threads.
    List<IndexedMatch> matches =
        pool.submit(
                () ->
                    pairs.parallelStream()
                        .map(
                            p ->
                                check(
                                    p,
                                    positionOf.getInt(p.a()),
                                    positionOf.getInt(p.b()),
                                    documents,
                                    fingerprints,
                                    languages,
                                    alreadySettled))
                        .filter(java.util.Objects::nonNull)
                        .collect(java.util.stream.Collectors.toList()))
            .join();
    return new Result(
        withoutSideLinks(matches, wholeCopies(alreadySettled, fingerprints), documents.size()),
        pairs.size(),
        problems);
  }

  /**
   * The matches without the same-language {@code derived} pairs that are side links between two
   * families of versions: the pair scores less than {@link #SIDE_LINK_RATIO} of each document's
   * closest version. A document's closest version is its best-scored aligned pair, or a whole-text
   * copy the shingle stage found (score 1; see {@code wholeCopies}). Such a pair rests on what many
   * documents of the batch share (a support chat's greeting, closing and canned instructions, a
   * product blurb on several shop pages), not on what makes either document what it is. A retold
   * passage keeps its link: a retelling's closest version is its source.
   *
   * @param wholeCopies input positions of documents with a whole-text copy (a near duplicate) among
   *     the pairs the shingle stage settled; containment does not count, since a short template
   *     text is contained in every page built on it
   */
  static List<IndexedMatch> withoutSideLinks(
      List<IndexedMatch> matches, BitSet wholeCopies, int documentCount) {
    double[] best = new double[documentCount];
    wholeCopies.stream().forEach(i -> best[i] = 1);
    for (IndexedMatch m : matches) {
      double score = m.match().scores().alignment();
      best[m.x()] = Math.max(best[m.x()], score);
      best[m.y()] = Math.max(best[m.y()], score);
    }
    List<IndexedMatch> kept = new ArrayList<>(matches.size());
    for (IndexedMatch m : matches) {
      Match match = m.match();
      double score = match.scores().alignment();
      boolean sideLink =
          match.relation() == Relation.DERIVED
              && match.languageA().equals(match.languageB())
              && score < SIDE_LINK_RATIO * best[m.x()]
              && score < SIDE_LINK_RATIO * best[m.y()];
      if (!sideLink) {
        kept.add(m);
      }
    }
    return kept;
  }

  /**
   * Input positions of the documents in a settled pair whose estimated Jaccard similarity reaches
   * {@link #wholeCopyJaccard}: a whole-text copy (the shingle stage's {@code duplicate}).
   */
  private BitSet wholeCopies(SettledPairs alreadySettled, Fingerprint[] fingerprints) {
    BitSet copies = new BitSet(fingerprints.length);
    var keys = alreadySettled.flaggedKeys();
    while (keys.hasNext()) {
      long key = keys.nextLong();
      int low = (int) (key >>> 32);
      int high = (int) key;
      if (fingerprints[low] != null
          && fingerprints[high] != null
          && isWholeCopy(fingerprints[low], fingerprints[high])) {
        copies.set(low);
        copies.set(high);
      }
    }
    return copies;
  }

  /** Whether two settled documents are a whole-text copy: the shingle stage's {@code duplicate}. */
  private boolean isWholeCopy(Fingerprint first, Fingerprint second) {
    return SimilarityEstimator.jaccard(first.signature(), second.signature()).estimate()
        >= wholeCopyJaccard;
  }

  /** The match for one aligned pair, or {@code null} when it is left out. */
  private IndexedMatch check(
      CrossLanguageMatcher.AlignedPair p,
      int x,
      int y,
      List<Document> documents,
      Fingerprint[] fingerprints,
      LanguageResolver languages,
      SettledPairs alreadySettled) {
    if (alreadySettled.contains(x, y)) {
      return null;
    }
    Relation relation =
        verdict(
            p, fingerprints[x], languages.languageOf(x), fingerprints[y], languages.languageOf(y));
    if (relation == null) {
      return null;
    }
    int low = Math.min(x, y);
    int high = Math.max(x, y);
    return new IndexedMatch(
        low,
        high,
        toMatch(
            documents.get(low).id(),
            documents.get(high).id(),
            documents.get(low).text(),
            documents.get(high).text(),
            languages.languageOf(low),
            languages.languageOf(high),
            p,
            relation,
            x > y));
  }

  /**
   * The relation an aligned pair is reported with after the checks of this stage, or {@code null}
   * when it is left out: a same-language {@code derived} pair must not rest on a quote ({@link
   * #quotedOnly}) and must be mostly reworded ({@link #rewordedShare}), and every pair must spread
   * its aligned entities as its relation needs ({@link #decide}). Shared by the batch scan and the
   * incremental query.
   *
   * @param p the aligned pair, {@code first} being the pair's first document
   * @param first the first document's fingerprint (its text and shingles)
   * @param firstLanguage its language
   * @param second the second document's fingerprint
   * @param secondLanguage its language
   */
  Relation verdict(
      CrossLanguageMatcher.AlignedPair p,
      Fingerprint first,
      String firstLanguage,
      Fingerprint second,
      String secondLanguage) {
    // Checked in the orientation PairJudge verifies in (the shorter text first, then the smaller
    // id), not the input's: the verifier matches a repeated passage to its first occurrence in the
    // second text, and the quote check reads where the first text's evidence lies, so the input
    // order decided some verdicts. The relation has no direction, so nothing is turned back.
    if (PairJudge.verifiesBFirst(p.a(), first, p.b(), second)) {
      CrossLanguageMatcher.AlignedPair turned =
          new CrossLanguageMatcher.AlignedPair(
              p.b(), p.a(), p.relation(), p.score(), p.alignment().swapped(), p.shapeAgrees());
      return verdictInOrder(turned, second, secondLanguage, first, firstLanguage);
    }
    return verdictInOrder(p, first, firstLanguage, second, secondLanguage);
  }

  /** {@link #verdict} with the pair's first document verified first. */
  private Relation verdictInOrder(
      CrossLanguageMatcher.AlignedPair p,
      Fingerprint first,
      String firstLanguage,
      Fingerprint second,
      String secondLanguage) {
    // The checks below read where the evidence lies through its offsets: the aligner builds an
    // evidence pair and its entities on access, which for every aligned pair was a quarter of this
    // check, while only the pairs kept show (some of) their entities.
    AlignmentResult alignment = p.alignment();
    String firstText = first.shingles().text();
    boolean sameLanguage = firstLanguage.equals(secondLanguage);
    Verification verbatim = null;
    if (p.relation() == Relation.DERIVED && sameLanguage) {
      verbatim = verbatim(first, second);
      if (quotedOnly(verbatim, firstText, alignment)) {
        return null;
      }
    }
    Relation relation = decide(p, alignment, firstText, second.shingles().text());
    if (relation == Relation.DERIVED
        && sameLanguage
        && rewordedShare(
                verbatim != null ? verbatim : verbatim(first, second), first, second, alignment)
            < REWORDED_SHARE) {
      return null;
    }
    return relation;
  }

  /** The pair's verification with every shingle counted. */
  private Verification verbatim(Fingerprint first, Fingerprint second) {
    return verifier.verify(first.shingles(), second.shingles(), ShingleRarity.NONE);
  }

  /**
   * The relation after checking how the aligned entities spread through each text. A translation
   * carries anchors through the whole of both texts: they must span {@link #TRANSLATION_SPAN_SHARE}
   * of each and leave no stretch longer than {@link #TRANSLATION_GAP_SHARE} of either without one,
   * unless the two texts' paragraph structures agree ({@link
   * CrossLanguageMatcher.AlignedPair#shapeAgrees}), which is whole-text evidence of its own.
   * Anything else is at most a partial copy: one run of aligned entities, no two of them further
   * apart than a link preview, spanning at least a link preview on both sides. Related pairs pass
   * unchanged.
   */
  private Relation decide(
      CrossLanguageMatcher.AlignedPair pair,
      AlignmentResult alignment,
      String textA,
      String textB) {
    Relation relation = pair.relation();
    int size = alignment.evidence().size();
    if (relation == Relation.RELATED || size == 0) {
      return relation;
    }
    int startA = Integer.MAX_VALUE;
    int endA = 0;
    int startB = Integer.MAX_VALUE;
    int endB = 0;
    for (int i = 0; i < size; i++) {
      startA = Math.min(startA, alignment.evidenceStart(i, true));
      endA = Math.max(endA, alignment.evidenceEnd(i, true));
      startB = Math.min(startB, alignment.evidenceStart(i, false));
      endB = Math.max(endB, alignment.evidenceEnd(i, false));
    }
    double shareA = (double) (endA - startA) / Math.max(1, textA.length());
    double shareB = (double) (endB - startB) / Math.max(1, textB.length());
    if (relation == Relation.TRANSLATION
        && (pair.shapeAgrees()
            || (Math.min(shareA, shareB) >= TRANSLATION_SPAN_SHARE
                && largestGapShare(alignment, textA, true) <= TRANSLATION_GAP_SHARE
                && largestGapShare(alignment, textB, false) <= TRANSLATION_GAP_SHARE))) {
      return relation;
    }
    return longestRun(alignment, textA, textB) >= minimumPartialCharacters
        ? Relation.DERIVED
        : null;
  }

  /**
   * The longest stretch of text, as a share of the text, without an aligned entity: between two
   * consecutive ones, or between a text end and the nearest one. Evidence is in text order on both
   * sides.
   */
  private static double largestGapShare(AlignmentResult alignment, String text, boolean first) {
    int previous = 0;
    int largest = 0;
    for (int i = 0, size = alignment.evidence().size(); i < size; i++) {
      largest = Math.max(largest, alignment.evidenceStart(i, first) - previous);
      previous = Math.max(previous, alignment.evidenceEnd(i, first));
    }
    largest = Math.max(largest, text.length() - previous);
    return (double) largest / Math.max(1, text.length());
  }

  /**
   * The weighted length (the shorter side) of the longest run of aligned entities in which no two
   * consecutive ones are more than {@link #minimumPartialCharacters} weighted characters apart in
   * either text: a retold passage keeps its anchors close together, while a masthead and a footer
   * that two pages share are far apart.
   */
  private int longestRun(AlignmentResult alignment, String textA, String textB) {
    int best = 0;
    int runStart = 0;
    int size = alignment.evidence().size();
    for (int i = 0; i <= size; i++) {
      boolean breaks =
          i == size
              || (i > runStart
                  && (Excerpts.weightedLengthExceeds(
                          textA,
                          alignment.evidenceEnd(i - 1, true),
                          alignment.evidenceStart(i, true),
                          minimumPartialCharacters)
                      || Excerpts.weightedLengthExceeds(
                          textB,
                          alignment.evidenceEnd(i - 1, false),
                          alignment.evidenceStart(i, false),
                          minimumPartialCharacters)));
      if (breaks) {
        int endA = 0;
        int endB = 0;
        int startA = Integer.MAX_VALUE;
        int startB = Integer.MAX_VALUE;
        for (int k = runStart; k < i; k++) {
          startA = Math.min(startA, alignment.evidenceStart(k, true));
          endA = Math.max(endA, alignment.evidenceEnd(k, true));
          startB = Math.min(startB, alignment.evidenceStart(k, false));
          endB = Math.max(endB, alignment.evidenceEnd(k, false));
        }
        if (i > runStart) {
          best =
              Math.max(
                  best,
                  Math.min(
                      Excerpts.weightedLength(textA, startA, endA),
                      Excerpts.weightedLength(textB, startB, endB)));
        }
        runStart = i;
      }
    }
    return best;
  }

  /**
   * Whether the alignment rests on a quote: most aligned entities of the first document lie inside
   * text the two share word for word (boilerplate included), and that shared text is a small part
   * of both documents. Two reworded versions of one story (two translations into the same language)
   * also share verbatim stretches, but spread over the whole text; the scraps shorter than {@link
   * #QUOTE_CHARACTERS} do not count as quoted text.
   *
   * @param verbatim the pair's verification with every shingle counted (boilerplate included)
   */
  private static boolean quotedOnly(
      Verification verbatim, String firstText, AlignmentResult alignment) {
    if (alignment.evidence().isEmpty()
        || Math.max(verbatim.coverageA(), verbatim.coverageB()) >= QUOTED_COVERAGE) {
      return false;
    }
    byte[] where = quoted(verbatim.passages(), firstText, alignment, QUOTE_CHARACTERS, -1, -1);
    int inside = 0;
    for (byte w : where) {
      if (w != REWORDED) {
        inside++;
      }
    }
    return (double) inside / where.length > VERBATIM_SHARE;
  }

  /**
   * The share of the aligned weight of a same-language pair that lies in reworded text, outside
   * verbatim quotes. {@code derived} means reworded; what the two share word for word is the
   * shingle stage's to judge, and it has judged it (not a copy, or the pair would be settled). So a
   * quoted headline and teaser two pages both carry, or a canned paragraph two support chats both
   * paste, must not make a {@code derived} pair by the names and words inside it. One kind of
   * verbatim passage still counts as the copy's own: one that opens either document, since a page
   * quoting a story's opening quotes that story (a digest's item), while a quote of a third story
   * sits inside both pages.
   *
   * @param verbatim the pair's verification with every shingle counted
   * @return the share in [0, 1]; 1 without evidence
   */
  private double rewordedShare(
      Verification verbatim, Fingerprint first, Fingerprint second, AlignmentResult alignment) {
    Verification v = verbatim;
    byte[] where =
        quoted(
            v.passages(),
            first.shingles().text(),
            alignment,
            PREVIEW_CHARACTERS,
            openingOf(first.shingles()),
            openingOf(second.shingles()));
    double total = 0;
    double reworded = 0;
    for (int i = 0; i < where.length; i++) {
      double weight = alignment.evidenceWeight(i);
      total += weight;
      if (where[i] != QUOTED) {
        reworded += weight;
      }
    }
    return total == 0 ? 1 : reworded / total;
  }

  /**
   * For each aligned entity, whether it lies in reworded text, inside a verbatim passage of at
   * least {@code minimumCharacters} weighted characters (a quote), or inside such a passage that
   * starts at {@code firstOpening} in the first text or {@code secondOpening} in the second (a
   * quoted opening). Passages come in text order of the first document and do not overlap; so does
   * evidence.
   */
  private static byte[] quoted(
      List<SharedPassage> passages,
      String firstText,
      AlignmentResult alignment,
      int minimumCharacters,
      int firstOpening,
      int secondOpening) {
    byte[] where = new byte[alignment.evidence().size()];
    int k = 0;
    // The passage at k, read once: a packed passage list builds one on each read.
    SharedPassage passage = passages.isEmpty() ? null : passages.get(0);
    // Whether a passage is a quote, measured once for all the entities inside it (a long quote
    // holds dozens, and each measure may read the whole passage).
    int measured = -1;
    boolean quote = false;
    for (int i = 0; i < where.length; i++) {
      int end = alignment.evidenceEnd(i, true);
      while (passage != null && passage.aEnd() < end) {
        k++;
        passage = k < passages.size() ? passages.get(k) : null;
      }
      if (passage != null) {
        if (alignment.evidenceStart(i, true) >= passage.aStart()) {
          if (measured != k) {
            quote =
                Excerpts.weightedLengthExceeds(
                    firstText, passage.aStart(), passage.aEnd(), minimumCharacters - 1);
            measured = k;
          }
          if (quote) {
            where[i] =
                passage.aStart() <= firstOpening || passage.bStart() <= secondOpening
                    ? QUOTED_OPENING
                    : QUOTED;
          }
        }
      }
    }
    return where;
  }

  /** Character offset of the first shingle of a text: where its opening starts. */
  private static int openingOf(ShingleSequence shingles) {
    return shingles.length() == 0 ? -1 : shingles.startAt(0);
  }

  /**
   * The evidence a match carries: the {@value #MAXIMUM_EVIDENCE} rarest aligned entities, in text
   * order. Two versions of one long article align hundreds of words; a reader checks a pair on a
   * few dozen names and numbers, and half a million reported pairs with every aligned word would
   * fill the heap (and {@code pairs.jsonl}). Scores are computed on the whole alignment first.
   *
   * @return their positions in {@code alignment.evidence()}, ascending
   */
  static int[] strongest(AlignmentResult alignment) {
    int size = alignment.evidence().size();
    if (size <= MAXIMUM_EVIDENCE) {
      int[] all = new int[size];
      Arrays.setAll(all, i -> i);
      return all;
    }
    // Heaviest first; on equal weight the earlier one, so every run shows the same entities. The
    // heaviest are kept in a bounded heap, the lightest of them at its root, so most entities are
    // compared with the root alone: sorting every aligned entity (hundreds on two versions of one
    // long text) through a comparator was 1.8% of the scan's CPU on 50k bulk documents.
    double[] negatedWeights = new double[size];
    for (int i = 0; i < size; i++) {
      negatedWeights[i] = -alignment.evidenceWeight(i);
    }
    // Its root is the kept entity shown last, the one a heavier newcomer replaces.
    IntHeapPriorityQueue heap =
        new IntHeapPriorityQueue(
            MAXIMUM_EVIDENCE, (x, y) -> x == y ? 0 : shownBefore(negatedWeights, x, y) ? 1 : -1);
    for (int i = 0; i < size; i++) {
      if (heap.size() < MAXIMUM_EVIDENCE) {
        heap.enqueue(i);
      } else if (shownBefore(negatedWeights, i, heap.firstInt())) {
        heap.dequeueInt();
        heap.enqueue(i);
      }
    }
    int[] kept = new int[heap.size()];
    for (int k = 0; k < kept.length; k++) {
      kept[k] = heap.dequeueInt();
    }
    Arrays.sort(kept);
    return kept;
  }

  /**
   * Whether evidence {@code x} is shown before {@code y} by {@link #strongest}: heavier, or as
   * heavy and earlier.
   */
  private static boolean shownBefore(double[] negatedWeights, int x, int y) {
    int byWeight = Double.compare(negatedWeights[x], negatedWeights[y]);
    return byWeight < 0 || (byWeight == 0 && x < y);
  }

  /**
   * The match for an aligned pair with the relation {@link #verdict} gave it, carrying the {@link
   * #strongest} aligned entities as evidence ({@link EntityLinkList}: read from the alignment's
   * offsets, no entity built).
   *
   * @param textA the raw text of {@code a}, which the a-side evidence offsets point into
   * @param textB the raw text of {@code b}
   * @param swap whether {@code a} is the pair's second document (evidence and coverages are then
   *     swapped to follow {@code a} and {@code b})
   */
  static Match toMatch(
      String a,
      String b,
      String textA,
      String textB,
      String languageA,
      String languageB,
      CrossLanguageMatcher.AlignedPair pair,
      Relation relation,
      boolean swap) {
    AlignmentResult r = pair.alignment();
    int[] shown = strongest(r);
    byte[] kinds = new byte[shown.length];
    int[] offsets = new int[4 * shown.length];
    for (int k = 0; k < shown.length; k++) {
      int i = shown[k];
      kinds[k] = (byte) r.evidenceKind(i, !swap).ordinal();
      offsets[4 * k] = r.evidenceStart(i, !swap);
      offsets[4 * k + 1] = r.evidenceEnd(i, !swap);
      offsets[4 * k + 2] = r.evidenceStart(i, swap);
      offsets[4 * k + 3] = r.evidenceEnd(i, swap);
    }
    Scores scores =
        Scores.ofAlignment(
            r.score(),
            swap ? r.coverageSecond() : r.coverageFirst(),
            swap ? r.coverageFirst() : r.coverageSecond(),
            r.density());
    // A pair found by its paragraph structure alone has no aligned entity to show: its evidence
    // is the paragraphs the structure pairs (xling: 129 of 3,620 translations had none at all).
    List<ParagraphLink> paragraphs =
        shown.length == 0 ? ParagraphEvidence.of(textA, textB) : List.of();
    return new Match(
        a,
        b,
        relation,
        null,
        languageA,
        languageB,
        scores,
        List.of(),
        new EntityLinkList(textA, textB, KIND_NAMES, kinds, offsets),
        paragraphs);
  }
}
