package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.polydup.align.AlignedEntityPair;
import org.polydup.align.AlignmentResult;
import org.polydup.align.Entity;
import org.polydup.align.EntityKind;
import org.polydup.align.MadeUpNames;

/** Scan-level checks of the align stage: how aligned entities must spread through both texts. */
class AlignmentStageTest {

  private static List<String> names(Random random, int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(MadeUpNames.name(random));
    }
    return names;
  }

  private static String english(List<String> names) {
    return names.stream().map(n -> "Then " + n + " said that.").collect(Collectors.joining(" "));
  }

  private static String german(List<String> names) {
    return names.stream().map(n -> "Dann sagte " + n + " das.").collect(Collectors.joining(" "));
  }

  @Test
  void scan_flagsNoCopy_whenTwoPagesShareOnlyMastheadAndFooter() {
    Random random = new Random(7);
    List<String> masthead = names(random, 6);
    List<String> footer = names(random, 6);
    // Between masthead and footer, two different stories without a name in common.
    String english =
        english(masthead) + "\n" + "Then it rained again. ".repeat(40) + "\n" + english(footer);
    String german =
        german(masthead) + "\n" + "Heute schneit es nicht. ".repeat(40) + "\n" + german(footer);
    List<String> story = names(random, 30);
    List<Document> docs = new ArrayList<>();
    docs.add(new Document("page-en", english, "en"));
    docs.add(new Document("page-de", german, "de"));
    docs.add(new Document("story-en", english(story), "en"));
    docs.add(new Document("story-de", german(story), "de"));
    for (int d = 0; d < 30; d++) {
      docs.add(new Document("filler" + d, german(names(random, 20)), "de"));
    }
    ScanResult result = Polydup.builder().threads(1).build().scan(docs);
    List<Match> pages =
        result.matches().stream()
            .filter(m -> m.a().startsWith("page") && m.b().startsWith("page"))
            .toList();
    assertTrue(pages.isEmpty(), () -> "furniture-only pair flagged: " + pages);
    List<Match> stories =
        result.matches().stream()
            .filter(m -> m.a().startsWith("story") && m.b().startsWith("story"))
            .toList();
    assertEquals(1, stories.size());
    assertEquals(Relation.TRANSLATION, stories.get(0).relation());
  }

  /** A made-up sentence of {@code words} words, capitalised names among lower-case words. */
  private static String sentence(Random random, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String word = MadeUpNames.name(random);
      s.append(i == 0 || i % 4 == 0 ? word : word.toLowerCase(java.util.Locale.ROOT)).append(' ');
    }
    return s.toString().trim();
  }

  /** A digest item: headline, a teaser cut mid-sentence as previews are, the site's link. */
  private static String item(Random random, String site) {
    return sentence(random, 8)
        + "\n"
        + sentence(random, 24)
        + "\nRead more -> https://"
        + site
        + "/"
        + MadeUpNames.name(random)
        + "\n\n";
  }

  @Test
  void scan_flagsNoDerivedPair_whenTwoPagesShareOnlyQuotedItems() {
    Random random = new Random(11);
    String quotedOne = item(random, "");
    String quotedTwo = item(random, "");
    // Two digests quoting the same two items of third stories, side by side, among their own:
    // each shares two fifths of its text with the other, in previews shorter than an excerpt.
    String first =
        "Morning digest\n\n"
            + quotedOne.replace("https://", "https://one.example")
            + quotedTwo.replace("https://", "https://one.example")
            + item(random, "one.example")
            + item(random, "one.example")
            + item(random, "one.example");
    String second =
        "Evening digest\n\n"
            + item(random, "two.example")
            + item(random, "two.example")
            + quotedOne.replace("https://", "https://two.example")
            + quotedTwo.replace("https://", "https://two.example")
            + item(random, "two.example");
    List<Document> docs = new ArrayList<>();
    docs.add(new Document("digest-1", first, "en"));
    docs.add(new Document("digest-2", second, "en"));
    for (int d = 0; d < 30; d++) {
      docs.add(new Document("filler" + d, sentence(random, 120), "en"));
    }
    ScanResult result = Polydup.builder().threads(1).build().scan(docs);
    List<Match> digests =
        result.matches().stream().filter(m -> m.a().startsWith("digest")).toList();
    assertTrue(digests.isEmpty(), () -> "pages sharing only quotes flagged: " + digests);
  }

  @Test
  void strongest_keepsTheRarestEntitiesInTextOrder_whenEvidenceIsLong() {
    List<AlignedEntityPair> evidence = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      // Every third entity is rare (weight 0.9), the rest common (0.1 .. 0.3).
      double weight = i % 3 == 0 ? 0.9 : 0.1 + (i % 5) * 0.05;
      Entity first = new Entity(i, i, EntityKind.NAME, 10 * i, 10 * i + 5, "n" + i);
      Entity second = new Entity(i, i, EntityKind.NAME, 12 * i, 12 * i + 5, "m" + i);
      evidence.add(new AlignedEntityPair(first, second, weight));
    }
    List<AlignedEntityPair> shown = shown(alignmentOf(evidence));
    assertEquals(AlignmentStage.MAXIMUM_EVIDENCE, shown.size());
    for (int i = 1; i < shown.size(); i++) {
      assertTrue(shown.get(i - 1).first().start() < shown.get(i).first().start(), "text order");
    }
    // 67 rare ones exist; the 64 shown are all rare, and the earliest on the tie.
    assertTrue(shown.stream().allMatch(e -> e.weight() == 0.9));
    assertEquals(0, shown.get(0).first().start());
    assertEquals(10 * 3 * 63, shown.get(63).first().start());
    assertEquals(evidence.subList(0, 10), shown(alignmentOf(evidence.subList(0, 10))));
  }

  @Test
  void strongest_choosesAsTheComparatorSortDid_onRandomWeightsWithManyTies() {
    long seed = 20_261_123L;
    Random random = new Random(seed);
    for (int trial = 0; trial < 200; trial++) {
      int size = AlignmentStage.MAXIMUM_EVIDENCE + random.nextInt(300);
      List<AlignedEntityPair> evidence = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        // Few distinct weights, so most comparisons are ties broken by position.
        double weight = 0.25 * (1 + random.nextInt(6));
        Entity first = new Entity(i, i, EntityKind.NAME, 10 * i, 10 * i + 5, "n" + i);
        Entity second = new Entity(i, i, EntityKind.NAME, 12 * i, 12 * i + 5, "m" + i);
        evidence.add(new AlignedEntityPair(first, second, weight));
      }
      // The definition: a stable sort by weight, heaviest first, then the kept ones in text order.
      List<Integer> order = new ArrayList<>(IntStream.range(0, size).boxed().toList());
      order.sort(
          Comparator.comparingDouble((Integer i) -> -evidence.get(i).weight())
              .thenComparingInt(i -> i));
      List<AlignedEntityPair> expected =
          order.subList(0, AlignmentStage.MAXIMUM_EVIDENCE).stream()
              .sorted()
              .map(evidence::get)
              .toList();
      assertEquals(expected, shown(alignmentOf(evidence)), "seed " + seed + " trial " + trial);
    }
  }

  /** The evidence {@link AlignmentStage#strongest} keeps, in the order it gives. */
  private static List<AlignedEntityPair> shown(AlignmentResult alignment) {
    return Arrays.stream(AlignmentStage.strongest(alignment))
        .mapToObj(alignment.evidence()::get)
        .toList();
  }

  /** A result carrying {@code evidence}, its scores left at 0. */
  private static AlignmentResult alignmentOf(List<AlignedEntityPair> evidence) {
    return new AlignmentResult(Relation.TRANSLATION, 0, 0, 0, 0, 0, true, evidence, false);
  }

  private static CrossLanguageStage.IndexedMatch derived(int x, int y, double score) {
    Match m =
        new Match(
            "d" + x,
            "d" + y,
            Relation.DERIVED,
            null,
            "de",
            "de",
            Scores.ofAlignment(score, score, score, score),
            List.of(),
            List.of());
    return new CrossLanguageStage.IndexedMatch(x, y, m);
  }

  @Test
  void withoutSideLinks_dropsTemplateLink_whenBothDocumentsHaveACloserVersion() {
    // Two chats, each with a close version (0 ~ 1, 2 ~ 3), linked only through the template
    // phrases they share (1 ~ 2); a retelling (4) whose only partner is its source (0).
    List<CrossLanguageStage.IndexedMatch> matches =
        List.of(derived(0, 1, 0.9), derived(2, 3, 0.8), derived(1, 2, 0.35), derived(0, 4, 0.3));
    List<String> kept =
        AlignmentStage.withoutSideLinks(matches, new java.util.BitSet(), 5).stream()
            .map(m -> m.x() + "~" + m.y())
            .toList();
    assertEquals(List.of("0~1", "2~3", "0~4"), kept);
  }

  @Test
  void withoutSideLinks_countsAWholeCopyAsTheClosestVersion() {
    // 0 and 1 each have a verbatim copy the shingle stage settled; their aligned pair is weak.
    java.util.BitSet wholeCopies = new java.util.BitSet();
    wholeCopies.set(0);
    wholeCopies.set(1);
    List<CrossLanguageStage.IndexedMatch> matches = List.of(derived(0, 1, 0.45));
    assertTrue(AlignmentStage.withoutSideLinks(matches, wholeCopies, 2).isEmpty());
    assertEquals(1, AlignmentStage.withoutSideLinks(matches, new java.util.BitSet(), 2).size());
  }
}
