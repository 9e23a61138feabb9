package org.polydup.verify;

import java.util.BitSet;
import java.util.List;
import org.polydup.Relation;

/**
 * Verifies a candidate pair exactly: set overlap of the shingles, and the shared passages with
 * their character offsets, then the relation under a {@link VerificationPolicy}.
 *
 * <p>Why passages and not only set overlap: a story inside a page with furniture, a truncated copy
 * and a digest quoting a story's lead all have low Jaccard, and two pages of one site share
 * boilerplate without sharing a story. What separates a copy from coincidence is long runs of
 * consecutive shared shingles; what separates a copy from boilerplate is that the run is made of
 * shingles few documents have ({@link ShingleRarity}). The passage search is greedy: each position
 * of a is looked up at the first position of its shingle in b and extended while both texts agree,
 * which is exact for text copied once and linear in the two lengths.
 *
 * <p>Thread-safe: holds only immutable configuration, and keeps its scratch arrays (the position
 * map and b's covered bits, a few kilobytes a pair) per thread, so a batch of hundreds of thousands
 * of pairs does not turn them into garbage.
 */
public final class Verifier {
  private static final int MAXIMUM_EVIDENCE_PASSAGES = 50;

  /**
   * Share of the larger text outside its shared span that makes it a container rather than a
   * duplicate: a tenth, more than a dropped paragraph of a light edit usually leaves, less than any
   * page furniture or truncation worth naming.
   */
  private static final double CONTAINER_FRAME = 0.1;

  /**
   * Share of the contained bar ({@link VerificationPolicy#containedCoverage()}) that each of two
   * texts sharing a whole-sentence excerpt in the middle of both must have covered to be a
   * rewording ({@code DERIVED}): half, a quarter of each text by default. Swept at 0.2 / 0.25 / 0.3
   * of each text, with excerpts that open neither text at their first shingle: syndication false
   * positives 15 -> 11 / 10 / 10 with no true pair lost (before: every such pair was {@code
   * contained}), rewrites the same at all three; on bulk (without alignment) 20 of 73,407 pairs
   * lost at 0.25, mostly pages sharing one canned paragraph, and 80 machine-translation variants
   * turned from {@code contained} to {@code derived}. With {@link #LEAD_OFFSET_LINES} of slack for
   * a lead: syndication 11, bulk 13 lost and 72 turned.
   */
  private static final double REWORDING_SHARE = 0.5;

  /**
   * Lines of a text that may come before a shared excerpt that is still its lead: two, a headline
   * and a byline or date line, which a quoting page often leaves out or replaces with its own.
   */
  private static final int LEAD_OFFSET_LINES = 2;

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private final VerificationPolicy policy;

  /** A verifier applying {@code policy}. */
  public Verifier(VerificationPolicy policy) {
    this.policy = policy;
  }

  /** The policy in force. */
  public VerificationPolicy policy() {
    return policy;
  }

  /**
   * Measures the pair and decides its relation.
   *
   * @param a first document
   * @param b second document
   * @param rarity which shingles are boilerplate
   */
  public Verification verify(ShingleSequence a, ShingleSequence b, ShingleRarity rarity) {
    return verify(a, BoilerplatePositions.of(a, rarity), b);
  }

  /**
   * Measures the pair and decides its relation, with the boilerplate positions of {@code a}
   * computed beforehand (a batch scan computes them once per document, not once per pair).
   *
   * @param a first document
   * @param boilerplateA which positions of {@code a} are boilerplate; a run shared by both texts
   *     has the same shingles in both, so {@code a}'s verdicts are all that is needed
   * @param b second document
   */
  public Verification verify(
      ShingleSequence a, BoilerplatePositions boilerplateA, ShingleSequence b) {
    Workspace workspace = WORKSPACE.get();
    int[] sharedInB = workspace.map(a.distinct().length);
    int shared = sharedDistinct(a, b, sharedInB);
    int sizeA = a.distinct().length;
    int sizeB = b.distinct().length;
    int union = sizeA + sizeB - shared;
    double jaccard = union == 0 ? 0 : (double) shared / union;
    double containmentAInB = sizeA == 0 ? 0 : (double) shared / sizeA;
    double containmentBInA = sizeB == 0 ? 0 : (double) shared / sizeB;

    if (shared < policy.minimumPassageShingles()) {
      // Too few shared shingles to form a single passage.
      workspace.releaseLarge();
      return new Verification(
          jaccard, containmentAInB, containmentBInA, 0, 0, 0, List.of(), null, false);
    }
    // Coverage is kept as counts and bounds, not a flag per position: the runs found in a never
    // overlap (the walk moves past each), so a's covered positions are a sum and its frame the
    // first and last run; runs in b may overlap (several runs of a can start at one first
    // occurrence in b), so b's are a bitset, counted 64 positions at a time, and its frame the
    // least start and greatest end of its runs.
    workspace.clearCoveredB();
    int coveredCountA = 0;
    int firstCoveredA = -1;
    int lastCoveredA = -1;
    int firstCoveredB = Integer.MAX_VALUE;
    int lastCoveredB = -1;
    int longest = 0;
    int longestExcerpt = 0;
    // The longest excerpt that is the lead of one of the texts (see leadOf), and which.
    int longestOpeningExcerpt = 0;
    int excerptSource = 0;
    int leadSource = 0;
    int passageCount = 0;
    // Positions between two passages on one diagonal, fewer than a passage needs: a word or two
    // replaced inside a copied stretch (a light edit), which breaks the run of shingles without
    // moving the rest. Counted as shared when the relation is decided, not in the coverage scores.
    int bridged = 0;
    int lastEndA = -1;
    int lastEndB = -1;
    // The last run that had too few informative shingles, as its diagonal (j - i) and the position
    // of a where it ended: a later start on the same diagonal before that end runs to the same end,
    // so its length and informative count follow without extending it again. Without this, a long
    // shared boilerplate stretch with a few informative shingles was re-extended from each of its
    // positions, quadratic in its length.
    int[] indexA = a.distinctIndices();
    int[] indexB = b.distinctIndices();
    int failedDiagonal = 0;
    int failedEnd = -1;
    int i = 0;
    while (i < a.length()) {
      int d = sharedInB[indexA[i]];
      if (d < 0) {
        i++;
        continue;
      }
      // Resolved here, not in the merge: positions inside a found run are never looked up.
      int j = b.firstPositionOfDistinct(d);
      int run;
      int informative;
      if (i < failedEnd && j - i == failedDiagonal) {
        run = failedEnd - i;
        informative = run - boilerplateA.countCommon(i, failedEnd);
      } else {
        // Two positions hold the same shingle when a's distinct index there maps to b's: the
        // run is extended by comparing the indices, which the sequences keep, not the hashes,
        // which they do not. Its boilerplate is counted by a population count per 64 positions.
        int limit = Math.min(a.length() - i, b.length() - j);
        run = 1; // a[i] and b[j] hold the same shingle
        while (run < limit && sharedInB[indexA[i + run]] == indexB[j + run]) {
          run++;
        }
        informative = run - boilerplateA.countCommon(i, i + run);
      }
      if (informative < policy.minimumPassageShingles()) {
        // A run of boilerplate: no informative passage starts inside it at this alignment.
        failedDiagonal = j - i;
        failedEnd = i + run;
        i += informative == 0 ? run : 1;
        continue;
      }
      int gap = i - lastEndA;
      if (lastEndA >= 0
          && gap > 0
          && j - lastEndB == gap
          && gap < policy.minimumPassageShingles()) {
        bridged += gap;
      }
      lastEndA = i + run;
      lastEndB = j + run;
      coveredCountA += run;
      if (firstCoveredA < 0) {
        firstCoveredA = i;
      }
      lastCoveredA = i + run - 1;
      workspace.coverB(j, j + run);
      firstCoveredB = Math.min(firstCoveredB, j);
      lastCoveredB = Math.max(lastCoveredB, j + run - 1);
      longest = Math.max(longest, informative);
      // Only two kinds of passage can change the verdict: an excerpt that reaches the policy's
      // length and beats the longest lead so far, and a passage that opens either text (a quoted
      // lead, judged by its lines). A character weighs at most three, so a span too short for the
      // first kind is skipped unless it is the second, saving two reads into the texts.
      int span = a.endAt(i + run - 1) - a.startAt(i);
      boolean opens = i == 0 || j == 0;
      if (opens
          || 3L * span >= Math.max(policy.minimumExcerptCharacters(), longestOpeningExcerpt + 1)) {
        int excerpt = excerptLength(a, i, b, j, run);
        longestExcerpt = Math.max(longestExcerpt, excerpt);
        if (excerpt >= policy.minimumExcerptCharacters() && excerpt > longestOpeningExcerpt) {
          int source = leadOf(a, i, b, j);
          if (source != 0) {
            longestOpeningExcerpt = excerpt;
            excerptSource = source;
          }
        }
        if (opens && leadSource == 0 && excerpt > 0 && leadParagraphs(i == 0 ? a : b, run)) {
          leadSource = i == 0 ? 1 : 2;
        }
      }
      if (passageCount < MAXIMUM_EVIDENCE_PASSAGES) {
        workspace.passages =
            PassageList.put(
                workspace.passages,
                passageCount++,
                a.startAt(i),
                a.endAt(i + run - 1),
                b.startAt(j),
                b.endAt(j + run - 1),
                run);
      }
      i += run;
    }
    int coveredCountB = workspace.coveredCountB();
    workspace.releaseLarge();
    double coverageA = a.length() == 0 ? 0 : (double) coveredCountA / a.length();
    double coverageB = b.length() == 0 ? 0 : (double) coveredCountB / b.length();

    Relation relation = null;
    boolean aIsSmaller = a.length() <= b.length();
    double coverageSmaller = aIsSmaller ? coverageA : coverageB;
    double coverageLarger = aIsSmaller ? coverageB : coverageA;
    boolean aContainsB = !aIsSmaller;
    if (coverageSmaller >= policy.containedCoverage()) {
      int smallerLength = aIsSmaller ? a.length() : b.length();
      int largerLength = aIsSmaller ? b.length() : a.length();
      // Whether the larger text is a duplicate reads its coverage with replaced words bridged
      // (see bridged above): a light edit is the same text, however its replaced words cut its
      // passages. Only a light one: bridging that would fill more than a duplicate may leave
      // unshared (a quarter by default; a replaced word leaves a gap of one shingle per word of a
      // shingle, so about one word in twelve) is a rewording, and counts for nothing.
      double bridgedShare = largerLength == 0 ? 0 : (double) bridged / largerLength;
      double editedLarger =
          bridgedShare <= 1 - policy.duplicateCoverage()
              ? coverageLarger + bridgedShare
              : coverageLarger;
      // Text around the shared part of the larger (a page's header and footer, the part a
      // truncation cut) makes it a container; gaps scattered inside (edits) do not.
      double frameA = frameShare(firstCoveredA, lastCoveredA, a.length());
      double frameB = frameShare(lastCoveredB < 0 ? -1 : firstCoveredB, lastCoveredB, b.length());
      double frame = aIsSmaller ? frameB : frameA;
      double frameOfSmaller = aIsSmaller ? frameA : frameB;
      // Room for a frame: the larger text is longer than the smaller by a frame's share at least.
      boolean roomForFrame = smallerLength <= (1 - CONTAINER_FRAME) * largerLength;
      if (frame < CONTAINER_FRAME && editedLarger >= policy.duplicateCoverage()) {
        relation = Relation.DUPLICATE;
      } else if (coverageSmaller < policy.duplicateCoverage()
          && 1 - coverageSmaller - frameOfSmaller >= frameOfSmaller
          && (frame < CONTAINER_FRAME || !roomForFrame)) {
        // A quarter or more of the smaller text is not shared, most of it in gaps between shared
        // passages rather than before the first or after the last, and the larger has no text
        // around the shared part (or is hardly longer: what lies outside is its own rewording, not
        // a frame). Two edits or retellings of one text, neither inside the other: two
        // translations of one article by different systems read like this (rewrites: 1,487 such
        // pairs of nearly equal length, each about 58% covered, were called contained). A quoted
        // lead is not: the quoting text holds the source's opening, and what the source has
        // unquoted is its end.
        relation = Relation.DERIVED;
      } else {
        relation = Relation.CONTAINED;
      }
    } else if (longestOpeningExcerpt >= policy.minimumExcerptCharacters()) {
      relation = Relation.CONTAINED;
      // The excerpt is the lead of the document it starts; the other one quotes it.
      aContainsB = excerptSource == 2;
    } else if (leadSource != 0) {
      // A short lead quoted past its first paragraph: the quoting text contains the source.
      relation = Relation.CONTAINED;
      aContainsB = leadSource == 2;
    } else if (longestExcerpt >= policy.minimumExcerptCharacters()
        && Math.min(coverageA, coverageB) >= policy.containedCoverage() * REWORDING_SHARE) {
      // An excerpt that is the lead of neither text is no quote. With passages through a fair
      // share of both texts, the two are a rewording of one text (two machine translations of one
      // story); with little else shared, two pages quoting a third one (two digests carrying one
      // item), which is no copy of each other.
      relation = Relation.DERIVED;
    }
    if (relation != Relation.CONTAINED) {
      aContainsB = false;
    }
    return new Verification(
        jaccard,
        containmentAInB,
        containmentBInA,
        coverageA,
        coverageB,
        longest,
        PassageList.copyOf(workspace.passages, passageCount),
        relation,
        aContainsB);
  }

  /**
   * Share of {@code length} positions that lie before the first covered one or after the last
   * covered one; 1 when none is covered ({@code first < 0}).
   */
  private static double frameShare(int first, int last, int length) {
    if (first < 0) {
      return 1;
    }
    return (double) (first + length - 1 - last) / length;
  }

  /**
   * Length of the passage at {@code a[i..i+run)} = {@code b[j..j+run)} in Latin-equivalent
   * characters when it ends a sentence in both texts, else 0 (a preview cut mid-sentence).
   */
  private static int excerptLength(ShingleSequence a, int i, ShingleSequence b, int j, int run) {
    int endA = a.endAt(i + run - 1);
    int endB = b.endAt(j + run - 1);
    if (!Excerpts.endsSentence(a.text(), endA) || !Excerpts.endsSentence(b.text(), endB)) {
      return 0;
    }
    return Excerpts.weightedLength(a.text(), a.startAt(i), endA);
  }

  /**
   * Which text a shared excerpt at {@code a[i..]} = {@code b[j..]} is the lead of: 1 for a, 2 for
   * b, 0 for neither. A text whose first shingle starts it is its source, a before b. Otherwise it
   * is a text's lead when little of that text comes before it ({@link #belowFewLines}: a headline
   * the quoting page replaced with its own, a byline it left out), and then, as for any excerpt
   * before the lead had to be one, the longer text quotes the shorter: a page's masthead above a
   * quoted lead looks like a story's headline above its own, so the lines before it cannot tell
   * which is which.
   */
  private int leadOf(ShingleSequence a, int i, ShingleSequence b, int j) {
    if (i == 0 || j == 0) {
      return i == 0 ? 1 : 2;
    }
    if (!belowFewLines(a, i) && !belowFewLines(b, j)) {
      return 0;
    }
    return a.textLength() >= b.textLength() ? 2 : 1;
  }

  /**
   * Whether at most {@value #LEAD_OFFSET_LINES} lines of {@code text}, weighing no more than the
   * policy's excerpt length, come before position {@code i}: a headline and a byline, not a page of
   * other items (the weight bounds it in a text with no line breaks). The weight is checked first:
   * it answers from the plain length at once for a passage deep in a text, where counting lines
   * would read the whole prefix of a text without line breaks.
   */
  private boolean belowFewLines(ShingleSequence text, int i) {
    int start = text.startAt(i);
    return !Excerpts.weightedLengthExceeds(text.text(), 0, start, policy.minimumExcerptCharacters())
        && Excerpts.linesBefore(text.text(), start, LEAD_OFFSET_LINES + 1) <= LEAD_OFFSET_LINES;
  }

  /**
   * Whether the first {@code run} shingles of {@code source}, a passage shared with the other text
   * that ends a sentence in both, run through the policy's {@link
   * VerificationPolicy#minimumLeadParagraphs()} lines of {@code source}.
   */
  private boolean leadParagraphs(ShingleSequence source, int run) {
    return Excerpts.lineCount(source.text(), source.startAt(0), source.endAt(run - 1))
        >= policy.minimumLeadParagraphs();
  }

  /**
   * For each distinct shingle of a, its index among b's distinct shingles, or -1 when b lacks it,
   * into {@code map}; returns how many distinct shingles the two share. One merge of the two sorted
   * distinct sets gives both the overlap and the map, so positions map through arrays, not hash
   * lookups.
   *
   * <p>The merge runs as two independent halves stepped in one loop: a's sets split at a's middle
   * value, b's at the same value (a binary search), and no shared value crosses the split. A single
   * merge is bound by latency, each step waiting for the loads the last step's comparison chose;
   * two chains in flight keep the core busy while either waits.
   */
  static int sharedDistinct(ShingleSequence a, ShingleSequence b, int[] map) {
    long[] x = a.distinct();
    long[] y = b.distinct();
    int midX = x.length >>> 1;
    int midY = lowerBound(y, midX < x.length ? x[midX] : 0);
    int i = 0;
    int j = 0;
    int k = midX;
    int l = midY;
    int shared = 0;
    // Branch-free steps: the order of two random hashes is a coin toss, so an if-else merge
    // mispredicts about every other step. Each step writes map[i] (rewritten by a later step
    // when i does not advance) and advances i, j or both by the comparison's outcome.
    while (i < midX && j < midY && k < x.length && l < y.length) {
      long p = x[i];
      long q = y[j];
      long r = x[k];
      long t = y[l];
      int equal = p == q ? 1 : 0;
      int equal2 = r == t ? 1 : 0;
      map[i] = equal == 1 ? j : -1;
      map[k] = equal2 == 1 ? l : -1;
      shared += equal + equal2;
      i += p <= q ? 1 : 0;
      j += p >= q ? 1 : 0;
      k += r <= t ? 1 : 0;
      l += r >= t ? 1 : 0;
    }
    return shared + merge(x, i, midX, y, j, midY, map) + merge(x, k, x.length, y, l, y.length, map);
  }

  /** The single-chain merge of {@code x[i..endX)} with {@code y[j..endY)}, as above. */
  private static int merge(long[] x, int i, int endX, long[] y, int j, int endY, int[] map) {
    int shared = 0;
    while (i < endX && j < endY) {
      long p = x[i];
      long q = y[j];
      int equal = p == q ? 1 : 0;
      map[i] = equal == 1 ? j : -1;
      shared += equal;
      i += p <= q ? 1 : 0;
      j += p >= q ? 1 : 0;
    }
    while (i < endX) {
      map[i++] = -1;
    }
    return shared;
  }

  /** The first index of sorted {@code y} whose value is not below {@code value}. */
  private static int lowerBound(long[] y, long value) {
    int low = 0;
    int high = y.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (y[middle] < value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** One thread's scratch arrays, grown to the largest document seen. */
  private static final class Workspace {
    private int[] map = new int[256];

    /** The passages found so far for the pair, packed by {@link PassageList#put}. */
    int[] passages = PassageList.buffer(8);

    /** Entries kept from one pair to the next; see {@link #releaseLarge}. */
    private static final int RETAINED = 1 << 16;

    /** b's covered positions, cleared for each pair (clearing touches only the words in use). */
    private BitSet coveredB = new BitSet();

    /** A map of at least {@code length} entries; contents undefined. */
    int[] map(int length) {
      if (map.length < length) {
        map = new int[Math.max(length, 2 * map.length)];
      }
      return map;
    }

    /**
     * Drops arrays grown past {@link #RETAINED} entries by a huge pair: the workspace lives as long
     * as its thread (a service's request threads, for months), and one pair of 5,000,000-character
     * texts would otherwise pin megabytes in each thread that verified it.
     */
    void releaseLarge() {
      if (map.length > RETAINED) {
        map = new int[256];
      }
      if (coveredB.size() > RETAINED) {
        coveredB = new BitSet();
      }
    }

    /** Clears the covered bits of b's positions. */
    void clearCoveredB() {
      coveredB.clear();
    }

    /** Marks b's positions {@code [from, to)} covered; {@code from < to}. */
    void coverB(int from, int to) {
      coveredB.set(from, to);
    }

    /** Number of b's positions covered. */
    int coveredCountB() {
      return coveredB.cardinality();
    }
  }
}
