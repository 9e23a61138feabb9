package org.polydup.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.polydup.sketch.RealTextFixture;

class PassageIndexTest {
  private static final int SHINGLE_SIZE = 3;

  private static long[] shingles(String text) {
    return RealTextFixture.shingles(text, SHINGLE_SIZE);
  }

  /** The texts of the first {@code count} fixture clusters, one document each. */
  private static List<String> unrelatedTexts(int count) {
    List<String> texts = new ArrayList<>();
    List<String> clusters = new ArrayList<>();
    for (RealTextFixture.Doc doc : RealTextFixture.load().docs()) {
      if (!clusters.contains(doc.cluster())) {
        clusters.add(doc.cluster());
        texts.add(doc.text());
        if (texts.size() == count) {
          break;
        }
      }
    }
    return texts;
  }

  @Test
  void create_rejectsBadArguments() {
    assertEquals(
        "window must be in [1, 1024], got 0",
        assertThrows(IllegalArgumentException.class, () -> PassageIndex.create(0, 10))
            .getMessage());
    assertEquals(
        "documentFrequencyCap must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> PassageIndex.create(8, 0)).getMessage());
  }

  /**
   * The winnowing guarantee: two random documents that share a run of exactly {@code w} shingles
   * ({@code w + shingleSize - 1} tokens) always share a fingerprint; checked on 2,000 random
   * placements.
   */
  @Test
  void fingerprints_sharedRunOfWindowShingles_alwaysYieldsSharedFingerprint() {
    PassageIndex index = PassageIndex.create(8, 100);
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 2000; trial++) {
      long[] a = random.longs(20 + random.nextInt(200)).toArray();
      long[] b = random.longs(20 + random.nextInt(200)).toArray();
      int from = random.nextInt(a.length - 8 + 1);
      int to = random.nextInt(b.length - 8 + 1);
      System.arraycopy(a, from, b, to, 8);
      IntOpenHashSet fingerprintsOfA = new IntOpenHashSet(index.fingerprints(a));
      boolean shared = Arrays.stream(index.fingerprints(b)).anyMatch(fingerprintsOfA::contains);
      assertTrue(shared, "trial " + trial + " (seed 11) lost the shared run");
    }
  }

  @Test
  void fingerprintPositions_haveWinnowingDensity_andAreDeterministic() {
    PassageIndex index = PassageIndex.create(8, 100);
    long[] document = new SplittableRandom(12).longs(100_000).toArray();
    int[] positions = index.fingerprintPositions(document);
    double density = (double) positions.length / document.length;
    assertEquals(2.0 / 9, density, 0.01, "density");
    for (int i = 1; i < positions.length; i++) {
      assertTrue(positions[i] > positions[i - 1]);
      assertTrue(positions[i] - positions[i - 1] <= 8, "gap larger than the window");
    }
    assertArrayEquals(index.fingerprints(document), index.fingerprints(document.clone()));
    assertArrayEquals(
        index.fingerprints(document), PassageIndex.create(8, 5).fingerprints(document));
    assertArrayEquals(new int[0], index.fingerprints(new long[0]));
    assertEquals(1, index.fingerprints(new long[] {1, 2, 3}).length, "shorter than a window");
  }

  @Test
  void query_returnsContainedStory_whenPageHasFurniture() {
    List<String> texts = unrelatedTexts(12);
    String story = texts.get(0);
    String page =
        String.join(" ", texts.subList(1, 6))
            + " "
            + story
            + " "
            + String.join(" ", texts.subList(6, 11));
    long[] storyShingles = shingles(story);
    long[] pageShingles = shingles(page);
    double jaccard =
        RealTextFixture.jaccard(
            RealTextFixture.distinctSorted(storyShingles),
            RealTextFixture.distinctSorted(pageShingles));
    assertTrue(jaccard < 0.15, "whole-set Jaccard is small, as for real pages: " + jaccard);

    PassageIndex index = PassageIndex.create(8, 50);
    index.add(1, pageShingles);
    index.add(2, shingles(texts.get(11)));
    assertArrayEquals(new int[] {1}, index.query(storyShingles));
  }

  @Test
  void forEachCandidatePairInRange_givesTheWholeRunsPairsInOrder_whenRangesCoverTheIds() {
    List<String> texts = unrelatedTexts(12);
    PassageIndex index = PassageIndex.create(8, 50);
    for (int i = 0; i < 12; i++) {
      index.add(2 * i, shingles(texts.get(i)));
      // A copy carrying the lead of the next story too, added by its fingerprints.
      String copy = texts.get(i) + " " + lead(texts.get((i + 1) % 12), 40);
      index.addFingerprints(2 * i + 1, index.fingerprints(shingles(copy)));
    }
    List<String> whole = new ArrayList<>();
    index.forEachCandidatePair((a, b, shared) -> whole.add(a + "," + b + "," + shared));
    List<String> split = new ArrayList<>();
    int[] bounds = {0, 1, 5, 6, 17, 1000};
    for (int r = 0; r + 1 < bounds.length; r++) {
      index.forEachCandidatePair(
          bounds[r], bounds[r + 1], (a, b, shared) -> split.add(a + "," + b + "," + shared));
    }
    assertEquals(whole, split);
    assertTrue(whole.size() >= 12, whole.toString());
  }

  @Test
  void forEachCandidatePair_findsDigestQuotingLead_andNotUnrelatedDocuments() {
    List<String> texts = unrelatedTexts(30);
    PassageIndex index = PassageIndex.create(8, 50);
    for (int i = 0; i < 20; i++) {
      index.add(i, shingles(texts.get(i)));
    }
    // A digest: the leads (first 40 words) of stories 3 and 7 between other text.
    String digest =
        String.join(" ", RealTextFixture.words(texts.get(25)))
            + " "
            + lead(texts.get(3), 40)
            + " "
            + String.join(" ", RealTextFixture.words(texts.get(26)))
            + " "
            + lead(texts.get(7), 40);
    index.add(100, shingles(digest));
    List<int[]> pairs = new ArrayList<>();
    index.forEachCandidatePair((a, b, shared) -> pairs.add(new int[] {a, b, shared}));
    String found = pairs.stream().map(Arrays::toString).collect(Collectors.joining(", ", "[", "]"));
    List<int[]> withDigest = pairs.stream().filter(p -> p[1] == 100).toList();
    assertTrue(withDigest.stream().anyMatch(p -> p[0] == 3 && p[2] >= 3), found);
    assertTrue(withDigest.stream().anyMatch(p -> p[0] == 7 && p[2] >= 3), found);
    // Unrelated real stories may share a stock phrase, but never several fingerprints.
    for (int[] pair : pairs) {
      boolean copy = pair[1] == 100 && (pair[0] == 3 || pair[0] == 7);
      assertTrue(copy || pair[2] <= 2, "unrelated pair " + Arrays.toString(pair) + " in " + found);
    }
  }

  @Test
  void documentFrequencyCap_ignoresBoilerplateSharedByManyPages() {
    SplittableRandom random = new SplittableRandom(13);
    long[] boilerplate = random.longs(60).toArray(); // e.g. a cookie notice and footer
    PassageIndex capped = PassageIndex.create(8, 5);
    PassageIndex uncapped = PassageIndex.create(8, 100);
    for (int page = 0; page < 10; page++) {
      long[] story = random.longs(300).toArray();
      long[] withFurniture = new long[story.length + boilerplate.length];
      System.arraycopy(story, 0, withFurniture, 0, story.length);
      System.arraycopy(boilerplate, 0, withFurniture, story.length, boilerplate.length);
      capped.add(page, withFurniture);
      uncapped.add(page, withFurniture);
    }
    int[] boilerplateFingerprints = capped.fingerprints(boilerplate);
    assertEquals(10, capped.documentFrequency(boilerplateFingerprints[2]));
    // Windows straddling the story/boilerplate boundary may select a boilerplate shingle in some
    // pages only; that fingerprint then has a low frequency and can link a few pages by one or
    // two fingerprints. Every window inside the boilerplate selects the same fingerprint in all 10
    // pages, so the bulk of the boilerplate is ignored.
    List<int[]> cappedPairs = new ArrayList<>();
    capped.forEachCandidatePair((a, b, shared) -> cappedPairs.add(new int[] {a, b, shared}));
    assertTrue(cappedPairs.size() < 45, "boilerplate must not link every page pair");
    for (int[] pair : cappedPairs) {
      assertTrue(pair[2] <= 2, "only boundary fingerprints may remain: " + Arrays.toString(pair));
    }
    assertArrayEquals(new int[0], capped.query(boilerplate));
    List<int[]> uncappedPairs = new ArrayList<>();
    uncapped.forEachCandidatePair((a, b, shared) -> uncappedPairs.add(new int[] {a, b, shared}));
    assertEquals(45, uncappedPairs.size(), "without the cap every page pair is a candidate");
    assertTrue(uncappedPairs.stream().allMatch(pair -> pair[2] >= 8), "by many fingerprints");
  }

  @Test
  void remove_andReplace_updatePostings() {
    SplittableRandom random = new SplittableRandom(14);
    long[] story = random.longs(200).toArray();
    PassageIndex index = PassageIndex.create(8, 10);
    index.add(1, story);
    index.add(2, story);
    assertArrayEquals(new int[] {1, 2}, index.query(story));
    assertTrue(index.remove(1));
    assertFalse(index.remove(1));
    assertArrayEquals(new int[] {2}, index.query(story));
    index.add(2, random.longs(200).toArray());
    assertArrayEquals(new int[0], index.query(story));
    assertEquals(1, index.size());
    assertTrue(index.estimatedBytes() > 0);
  }

  @Test
  void concurrentAddsAndQueries_loseNothing() throws Exception {
    PassageIndex index = PassageIndex.create(8, 1000);
    long[][] documents = new long[2000][];
    SplittableRandom random = new SplittableRandom(15);
    for (int i = 0; i < documents.length; i++) {
      documents[i] = random.longs(100).toArray();
    }
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 4; t++) {
      int first = t * 500;
      threads.add(
          new Thread(
              () -> {
                try {
                  for (int i = first; i < first + 500; i++) {
                    index.add(i, documents[i]);
                    if (Arrays.binarySearch(index.query(documents[i]), i) < 0) {
                      failures.add(new AssertionError("lost " + i));
                    }
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertTrue(failures.isEmpty(), failures.toString());
    assertEquals(2000, index.size());
  }

  private static String lead(String text, int words) {
    List<String> all = RealTextFixture.words(text);
    return String.join(" ", all.subList(0, Math.min(words, all.size())));
  }
}
