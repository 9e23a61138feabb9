package org.polydup.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polydup.Relation;
import org.polydup.text.TextAnalyzer;
import org.polydup.text.TextOptions;

class VerifierTest {
  private static final TextAnalyzer ANALYZER = new TextAnalyzer(TextOptions.defaults());
  private static final Verifier VERIFIER = new Verifier(VerificationPolicy.defaults());

  /** Seed 001: the clean English story body (source: ../shared/seeds, testdata/seeds). */
  private static String story() throws IOException {
    return Files.readString(
        Path.of("testdata/seeds/001_0e17fbea12fc6044.txt"), StandardCharsets.UTF_8);
  }

  /** Seed 004: the same event written independently by another outlet. */
  private static String independent() throws IOException {
    return Files.readString(
        Path.of("testdata/seeds/004_adea4495f1fc6c7e.txt"), StandardCharsets.UTF_8);
  }

  private static ShingleSequence sequence(String text) {
    return ShingleSequence.of(ANALYZER.analyze(text));
  }

  /** The story as a repost: headlines of other stories above, links and notices below. */
  private static String page(String story) {
    return "Top stories: Storm hits the coast | Markets rally again for a third day\n"
        + "Opinion: why the council must rethink the new bus lanes\nBy Staff Writer, 12 March\n\n"
        + story
        + "\n\nRead also: Ten ways to save energy this winter\nRead also: The best new films of"
        + " the month, reviewed by our critics\nTags: china, leak, hackers\n"
        + "Share on Facebook · Twitter · Telegram\nWe use cookies to improve your experience.\n"
        + "© 2024 Example News. All rights reserved.";
  }

  @Test
  void verify_reportsContainedStory_whenPageHasFurniture() throws IOException {
    String story = story();
    String page = page(story);
    Verification v = VERIFIER.verify(sequence(page), sequence(story), ShingleRarity.NONE);
    assertEquals(Relation.CONTAINED, v.relation());
    assertTrue(v.aContainsB(), "the page contains the story");
    assertTrue(v.coverageB() > 0.99, "the whole story is covered, got " + v.coverageB());
    assertEquals(1.0, v.containmentBInA(), 1e-9);
  }

  @Test
  void verify_reportsDuplicate_whenTextIsReformatted() throws IOException {
    String story = story();
    String edited =
        story.replace("\"", "“").replace("'", "’").replace("\n", "\n\n").replace(" - ", " — ");
    Verification v = VERIFIER.verify(sequence(story), sequence(edited), ShingleRarity.NONE);
    assertEquals(Relation.DUPLICATE, v.relation());
    assertEquals(1.0, v.jaccard(), 1e-9);
  }

  @Test
  void verify_flagsNothing_forIndependentCoverageOfTheSameEvent() throws IOException {
    Verification v =
        VERIFIER.verify(sequence(story()), sequence(independent()), ShingleRarity.NONE);
    assertNull(v.relation(), "same event written independently is not a copy: " + v);
  }

  @Test
  void verify_passageOffsetsPointAtTheSameTextInBoth() throws IOException {
    String story = story();
    String page = "Breaking news from our partners.\n\n" + story;
    Verification v = VERIFIER.verify(sequence(page), sequence(story), ShingleRarity.NONE);
    assertFalse(v.passages().isEmpty());
    for (SharedPassage p : v.passages()) {
      assertEquals(
          story.substring(p.bStart(), p.bEnd()), page.substring(p.aStart(), p.aEnd()), "" + p);
    }
  }

  @Test
  void verify_ignoresSharedBoilerplate_whenItIsCommon() {
    String furniture =
        "We use cookies to improve your experience on our site and to show you relevant"
            + " advertising. By continuing you agree to our cookie policy and terms of service.";
    String first = "Local council approves the new budget for schools and roads. " + furniture;
    String second = "Football club signs a young striker from the second division. " + furniture;
    ShingleSequence a = sequence(first);
    ShingleSequence b = sequence(second);
    assertEquals(Relation.CONTAINED, VERIFIER.verify(a, b, ShingleRarity.NONE).relation());
    ShingleSequence furnitureOnly = sequence(furniture);
    java.util.Set<Long> common = new java.util.HashSet<>();
    for (long h : furnitureOnly.distinct()) {
      common.add(h);
    }
    assertNull(VERIFIER.verify(a, b, common::contains).relation());
  }

  @Test
  void verify_reportsExcerpt_whenADigestQuotesTheLead() throws IOException {
    String story = story();
    String lead = story.substring(0, story.indexOf('\n', 600) > 0 ? story.indexOf('\n', 600) : 600);
    String digest =
        "Morning digest | 13 March\n\n1. Storm hits the coast\nHeavy rain is expected across the"
            + " region tonight.\nRead more → https://example.org/1\n\n2. "
            + lead
            + "\nRead more → https://example.org/2\n\n3. Markets rally\nShares rose for a third"
            + " day.\nRead more → https://example.org/3\n\nUnsubscribe here.";
    Verification v = VERIFIER.verify(sequence(digest), sequence(story), ShingleRarity.NONE);
    assertEquals(Relation.CONTAINED, v.relation(), "" + v.longestPassageShingles());
  }

  /**
   * A site's digest: the items between masthead and footer, each followed by the site's own link
   * line ({@code more}, then a link).
   */
  private static String digestOf(String masthead, String more, String... items) {
    StringBuilder digest = new StringBuilder(masthead).append("\n\n");
    for (int i = 0; i < items.length; i++) {
      digest.append(i + 1).append(". ").append(items[i]);
      digest.append('\n').append(more).append(" https://example.org/").append(i).append("\n\n");
    }
    return digest.append("Unsubscribe here.").toString();
  }

  /**
   * Two digests carrying the same item, the lead of a third story, each among items of its own: the
   * shared excerpt is long and ends a sentence, but it opens neither digest, and it is all the two
   * share. Neither quotes the other, so neither contains the other.
   */
  @Test
  void verify_flagsNothing_whenTwoDigestsCarryOneItemOfAThirdStory() throws IOException {
    String story = story();
    String lead = story.substring(0, story.indexOf('\n', 350));
    String[] others = independent().split("\n\n");
    String[] morningItems = java.util.Arrays.copyOfRange(others, 0, 9);
    morningItems[4] = lead;
    String[] eveningItems = java.util.Arrays.copyOfRange(others, 9, 17);
    eveningItems[2] = lead;
    String morning = digestOf("Morning digest | 13 March", "Read more →", morningItems);
    String evening = digestOf("Evening briefing from the newsroom", "Full story:", eveningItems);
    Verification v = VERIFIER.verify(sequence(morning), sequence(evening), ShingleRarity.NONE);
    assertTrue(
        Excerpts.weightedLength(lead, 0, lead.length())
            >= VerificationPolicy.defaults().minimumExcerptCharacters(),
        "the item is as long as an excerpt");
    assertTrue(v.coverageA() < 0.25 && v.coverageB() < 0.25, v::toString);
    assertNull(v.relation(), v::toString);
    // The same pages with no line breaks (a third of bulk's texts have none): the item is still
    // deep inside both, whichever is verified first.
    String flatMorning = morning.replaceAll("\\s*\\n\\s*", " ");
    String flatEvening = evening.replaceAll("\\s*\\n\\s*", " ");
    assertNull(
        VERIFIER
            .verify(sequence(flatMorning), sequence(flatEvening), ShingleRarity.NONE)
            .relation());
    assertNull(
        VERIFIER
            .verify(sequence(flatEvening), sequence(flatMorning), ShingleRarity.NONE)
            .relation());

    // Each digest still quotes the story itself: the excerpt opens the story.
    Verification quoted = VERIFIER.verify(sequence(morning), sequence(story), ShingleRarity.NONE);
    assertEquals(Relation.CONTAINED, quoted.relation(), quoted::toString);
    assertTrue(quoted.aContainsB());
  }

  /**
   * A digest quotes a story's lead a line or two below the story's opening: under a headline of its
   * own, without the story's byline, or after a table of contents that carries the story's headline
   * (which takes the headline, so the lead is a passage of its own). Each is still the story's
   * lead, whichever text is verified first. (From a review of the rule that an excerpt must open
   * the text it quotes: at the first shingle only, all three were lost.)
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"own headline", "byline", "contents"})
  void verify_reportsExcerpt_whenTheLeadIsQuotedBelowTheStorysFirstLines(String shape)
      throws IOException {
    String body = story();
    String headline = "Leaked files show China hired a private firm to spy on foreign governments";
    String story =
        shape.equals("byline")
            ? headline + "\nBy Staff Writer, 12 March 2024\n\n" + body
            : headline + "\n\n" + body;
    String[] paragraphs = body.split("\n\n");
    String lead = String.join("\n\n", java.util.Arrays.copyOfRange(paragraphs, 0, 3));
    String item =
        switch (shape) {
          case "own headline" -> "Spy-for-hire firm exposed\n" + lead;
          case "byline" -> headline + "\n\n" + lead;
          default -> headline + "\n" + lead;
        };
    String[] others = independent().split("\n\n");
    String[] items = new String[others.length + 1];
    items[0] = item;
    System.arraycopy(others, 0, items, 1, others.length);
    String masthead =
        shape.equals("contents")
            ? "Weekly digest\n\nIn this issue:\n" + headline + "\nStorm hits the coast"
            : "Weekly digest";
    String digest = digestOf(masthead, "Read more:", items);

    Verification storyFirst =
        VERIFIER.verify(sequence(story), sequence(digest), ShingleRarity.NONE);
    assertTrue(storyFirst.coverageA() < 0.5, storyFirst::toString);
    assertEquals(Relation.CONTAINED, storyFirst.relation(), storyFirst::toString);
    assertFalse(storyFirst.aContainsB(), "the digest contains the story");
    Verification digestFirst =
        VERIFIER.verify(sequence(digest), sequence(story), ShingleRarity.NONE);
    assertEquals(Relation.CONTAINED, digestFirst.relation(), digestFirst::toString);
    assertTrue(digestFirst.aContainsB(), "the digest contains the story");
  }

  /**
   * Two retellings that share the story's long middle paragraphs word for word but open and close
   * in their own words: the shared excerpt opens neither, and it covers more than a quarter of
   * each, so they are a rewording of one text, {@code derived}, not one inside the other.
   */
  @Test
  void verify_reportsDerived_whenAnExcerptInTheMiddleOfBothCoversAQuarterOfEach()
      throws IOException {
    String[] paragraphs = story().split("\n\n");
    String[] others = independent().split("\n\n");
    String middle = String.join("\n\n", java.util.Arrays.copyOfRange(paragraphs, 2, 5));
    String first = paragraphsOf(others, 0, 4) + middle + "\n\n" + paragraphsOf(others, 4, 8);
    String second = paragraphsOf(others, 8, 12) + middle + "\n\n" + paragraphsOf(others, 12, 17);
    Verification v = VERIFIER.verify(sequence(first), sequence(second), ShingleRarity.NONE);
    assertTrue(
        Math.min(v.coverageA(), v.coverageB()) >= 0.25
            && Math.max(v.coverageA(), v.coverageB()) < 0.5,
        "a quarter to a half of each is shared: " + v);
    assertEquals(Relation.DERIVED, v.relation(), v::toString);
    assertFalse(v.aContainsB());
  }

  /** Paragraphs {@code [from, to)}, each followed by a blank line. */
  private static String paragraphsOf(String[] paragraphs, int from, int to) {
    StringBuilder text = new StringBuilder();
    for (int i = from; i < to; i++) {
      text.append(paragraphs[i]).append("\n\n");
    }
    return text.toString();
  }

  /** A short story: headline, then short paragraphs, as agency wires often are. */
  private static final String SHORT_STORY =
      "Council approves new budget for city schools\n"
          + "The city council approved a budget of 20 million euros for schools on Tuesday.\n"
          + "The vote passed by 31 to 12 after a debate that lasted most of the night.\n"
          + "Work on three new school buildings in the northern districts starts in May.\n"
          + "The opposition said the plan leaves out the repairs older schools have waited for.";

  private static String digestQuoting(int lines) {
    String quoted = String.join("\n", java.util.Arrays.copyOf(SHORT_STORY.split("\n"), lines));
    return "Morning digest | 13 March\n\n1. Storm hits the coast\nHeavy rain is expected across the"
        + " region tonight.\nRead more → https://example.org/1\n\n2. "
        + quoted
        + "\nRead more → https://example.org/2\n\nUnsubscribe here.";
  }

  /**
   * The quote is three of the story's five lines, 60% of it: the coverage rule decides here, not
   * the short-lead rule ({@link #verify_reportsDigestAsContainer_whenOnlyTheShortLeadRuleApplies}
   * pins that one).
   */
  @Test
  void verify_reportsDigestAsContainer_whenItQuotesMostOfAShortStory() {
    String digest = digestQuoting(3);
    assertTrue(
        Excerpts.weightedLength(digest, 0, digest.length())
            < VerificationPolicy.defaults().minimumExcerptCharacters() + 200,
        "the quote itself is shorter than the excerpt length rule");
    Verification v = VERIFIER.verify(sequence(digest), sequence(SHORT_STORY), ShingleRarity.NONE);
    assertEquals(Relation.CONTAINED, v.relation());
    assertTrue(v.aContainsB(), "the digest contains the story");
    Verification reversed =
        VERIFIER.verify(sequence(SHORT_STORY), sequence(digest), ShingleRarity.NONE);
    assertEquals(Relation.CONTAINED, reversed.relation());
    assertFalse(reversed.aContainsB());
  }

  /** {@link #SHORT_STORY} continued to ten lines: a digest quoting three covers little of it. */
  private static final String TEN_LINE_STORY =
      SHORT_STORY
          + "\nParents' groups welcomed the money but asked for a timetable for the repairs.\n"
          + "The mayor said a second package for maintenance would follow in the autumn.\n"
          + "Teachers' unions called the budget a first step and promised to watch its use.\n"
          + "The northern districts have grown by a fifth in ten years, the council said.\n"
          + "Two of the new schools will open their doors to pupils in September next year.";

  /** A five-item digest whose second item is the first three lines of {@link #TEN_LINE_STORY}. */
  private static String fiveItemDigestQuotingThreeLines() {
    String quoted = String.join("\n", java.util.Arrays.copyOf(TEN_LINE_STORY.split("\n"), 3));
    return "Morning digest | 13 March\n\n1. Storm hits the coast\nHeavy rain is expected across the"
        + " region tonight.\nRead more → https://example.org/1\n\n2. "
        + quoted
        + "\nRead more → https://example.org/2\n\n3. Markets rally\nShares rose for a third day as"
        + " banks led gains across the continent.\nRead more → https://example.org/3\n\n4."
        + " Trains cancelled\nA strike halted most regional services on the western lines"
        + " this morning.\nRead more → https://example.org/4\n\n5. Museum reopens\nThe old"
        + " harbour museum reopened after three years of building work.\nRead more →"
        + " https://example.org/5\n\nUnsubscribe here.";
  }

  /**
   * Only the short-lead rule can decide here: the quote is shorter than the excerpt length rule,
   * and it covers too little of either text for the coverage rules (30% of the story, a small share
   * of the digest). The story's lead quoted past the digest's first paragraph is still a quote, and
   * the digest is the container whichever side it is passed on.
   */
  @Test
  void verify_reportsDigestAsContainer_whenOnlyTheShortLeadRuleApplies() {
    String digest = fiveItemDigestQuotingThreeLines();
    Verification v =
        VERIFIER.verify(sequence(digest), sequence(TEN_LINE_STORY), ShingleRarity.NONE);
    String quote = String.join("\n", java.util.Arrays.copyOf(TEN_LINE_STORY.split("\n"), 3));
    assertTrue(
        Excerpts.weightedLength(quote, 0, quote.length())
            < VerificationPolicy.defaults().minimumExcerptCharacters(),
        "the quote is shorter than the excerpt length rule");
    assertTrue(
        Math.max(v.coverageA(), v.coverageB()) < VerificationPolicy.defaults().containedCoverage(),
        "no coverage rule applies: " + v);
    assertEquals(Relation.CONTAINED, v.relation(), v.toString());
    assertTrue(v.aContainsB(), "the digest contains the story: " + v);
    Verification reversed =
        VERIFIER.verify(sequence(TEN_LINE_STORY), sequence(digest), ShingleRarity.NONE);
    assertEquals(Relation.CONTAINED, reversed.relation(), reversed.toString());
    assertFalse(reversed.aContainsB(), "the digest, passed second, contains the story");
  }

  @Test
  void verify_flagsNothing_whenADigestShowsOnlyHeadlineAndFirstParagraph() {
    Verification v =
        VERIFIER.verify(sequence(digestQuoting(2)), sequence(SHORT_STORY), ShingleRarity.NONE);
    assertNull(v.relation(), "a headline and one snippet is a link preview: " + v);
  }

  @Test
  void lineCount_countsABlankLineRunAsOneBreak() {
    assertEquals(1, Excerpts.lineCount("one line", 0, 8));
    assertEquals(3, Excerpts.lineCount("a\n\nb\r\nc", 0, 7));
    assertEquals(1, Excerpts.lineCount("a\n", 0, 2), "a trailing break opens no new line");
  }

  /**
   * The story with every second paragraph replaced by a paragraph of another outlet's report of the
   * same event: shared passages run from its start to its end in both texts, and a large part of
   * each lies outside them. Neither text is inside the other; each is an edit of the other, which
   * the verifier calls {@code derived}. Put inside a page's furniture, the same edit is what a
   * reposting site does to a story: {@code contained}.
   */
  @Test
  void verify_reportsDerived_whenEditsAreSpreadThroughBothTexts() throws IOException {
    String[] paragraphs = story().split("\n\n");
    String[] others = independent().split("\n\n");
    StringBuilder edited = new StringBuilder();
    for (int i = 0; i < paragraphs.length; i++) {
      edited.append(i % 2 == 1 ? others[i % others.length] : paragraphs[i]).append("\n\n");
    }
    Verification v =
        VERIFIER.verify(sequence(story()), sequence(edited.toString()), ShingleRarity.NONE);
    assertTrue(v.coverageA() < 0.75 && v.coverageB() < 0.75, "much is replaced: " + v);
    assertEquals(Relation.DERIVED, v.relation(), v::toString);
    assertFalse(v.aContainsB());

    Verification framed =
        VERIFIER.verify(sequence(page(edited.toString())), sequence(story()), ShingleRarity.NONE);
    assertEquals(Relation.CONTAINED, framed.relation(), framed::toString);
    assertTrue(framed.aContainsB());
  }

  /**
   * A light edit as syndication's labels have it: one word in twenty replaced by another word of
   * the same text, and a paragraph dropped. Each replaced word breaks the run of shingles around
   * it, so with the dropped paragraph the verbatim passages cover under three quarters of the
   * longer text; but the stretches between passages on one diagonal, too short to be passages, are
   * replaced words, and the pair is a {@code duplicate}. One word in eight replaced is a rewording:
   * bridging may not fill more than a duplicate may leave unshared, and the pair is {@code
   * derived}.
   */
  @Test
  void verify_reportsDuplicate_whenAFewWordsAreReplacedThroughout() throws IOException {
    String original = story();
    String[] paragraphs = replacing(20, 10).split("\n\n");
    String light =
        String.join("\n\n", java.util.Arrays.copyOfRange(paragraphs, 0, 3))
            + "\n\n"
            + String.join("\n\n", java.util.Arrays.copyOfRange(paragraphs, 4, paragraphs.length));
    Verification edited = VERIFIER.verify(sequence(light), sequence(original), ShingleRarity.NONE);
    assertTrue(edited.coverageB() < 0.75, "passages alone: " + edited);
    assertEquals(Relation.DUPLICATE, edited.relation(), edited::toString);

    Verification heavy =
        VERIFIER.verify(sequence(original), sequence(replacing(8, 4)), ShingleRarity.NONE);
    assertEquals(Relation.DERIVED, heavy.relation(), heavy::toString);
  }

  /** The story with the word at each position {@code offset} modulo {@code every} replaced. */
  private static String replacing(int every, int offset) throws IOException {
    String[] words = story().split(" ");
    StringBuilder edited = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      edited.append(i % every == offset ? words[(i * 7) % words.length] : words[i]).append(' ');
    }
    return edited.toString();
  }

  /**
   * On real rewordings, two translations of one article by different people and systems (a sample
   * of ../shared/data/rewrites), of nearly the same length: the pairs the verifier relates are
   * mostly called {@code derived}, not one inside the other (before session 22 every such pair was
   * {@code contained} or {@code duplicate}).
   */
  @Test
  void verify_callsTranslationsOfOneArticleDerived_notOneInsideTheOther() throws IOException {
    java.util.List<String[]> docs = new java.util.ArrayList<>();
    for (String line :
        Files.readAllLines(
            Path.of("testdata/sketch/rewrites-sample.jsonl"), StandardCharsets.UTF_8)) {
      com.fasterxml.jackson.databind.JsonNode node =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
      docs.add(new String[] {node.get("cluster").asText(), node.get("text").asText()});
    }
    int derived = 0;
    int related = 0;
    for (int i = 0; i < docs.size(); i++) {
      for (int j = i + 1; j < docs.size(); j++) {
        String a = docs.get(i)[1];
        String b = docs.get(j)[1];
        double ratio = (double) Math.min(a.length(), b.length()) / Math.max(a.length(), b.length());
        if (!docs.get(i)[0].equals(docs.get(j)[0]) || ratio < 0.9) {
          continue;
        }
        Verification v = VERIFIER.verify(sequence(a), sequence(b), ShingleRarity.NONE);
        if (v.relation() == null) {
          continue;
        }
        related++;
        if (v.relation() == Relation.DERIVED) {
          derived++;
        }
      }
    }
    assertTrue(related > 50, "the sample's same-article pairs share passages: " + related);
    assertTrue(derived > 0.8 * related, derived + " of " + related + " related pairs are derived");
  }

  @Test
  void verify_isSymmetricInWhatItFinds() throws IOException {
    String story = story();
    String page = page(story);
    Verification ab = VERIFIER.verify(sequence(page), sequence(story), ShingleRarity.NONE);
    Verification ba = VERIFIER.verify(sequence(story), sequence(page), ShingleRarity.NONE);
    assertEquals(Relation.CONTAINED, ab.relation());
    assertEquals(Relation.CONTAINED, ba.relation());
    assertTrue(ab.aContainsB());
    assertFalse(ba.aContainsB());
    assertEquals(ab.coverageA(), ba.coverageB(), 1e-9);
  }

  @Test
  void verify_countsEachPositionOfBOnce_whenTwoPassagesOfAMapOntoIt() throws IOException {
    // a holds the story twice; both copies run from the story's first positions in b, so b's
    // covered positions overlap and must be counted once.
    String story = story();
    String twice =
        story + "\n\nAn unrelated interlude about the weather and the tides.\n\n" + story;
    ShingleSequence a = sequence(twice);
    ShingleSequence b = sequence(story);
    Verification v = VERIFIER.verify(a, b, ShingleRarity.NONE);
    assertEquals(2, v.passages().size(), "" + v.passages());
    assertEquals(1.0, v.coverageB(), 1e-9);
    int inPassages = 0;
    for (SharedPassage p : v.passages()) {
      inPassages += p.shingles();
    }
    assertEquals((double) inPassages / a.length(), v.coverageA(), 1e-9);
    assertTrue(v.coverageA() < 1.0, "the interlude is not covered");
  }

  @Test
  void sharedDistinct_matchesAPlainMerge_forRandomSetsOfManySizes() {
    java.util.Random random = new java.util.Random(20261123L);
    for (int trial = 0; trial < 2000; trial++) {
      long seed = random.nextLong();
      java.util.Random r = new java.util.Random(seed);
      int sizeA = r.nextInt(trial < 100 ? 4 : 600);
      int sizeB = r.nextInt(trial < 100 ? 4 : 600);
      // Values from a small range share often; from the full range, rarely.
      long range = r.nextBoolean() ? 2L * (sizeA + sizeB) + 1 : Long.MAX_VALUE;
      ShingleSequence a = randomSequence(r, sizeA, range);
      ShingleSequence b = randomSequence(r, sizeB, range);
      int[] map = new int[a.distinct().length];
      int shared = Verifier.sharedDistinct(a, b, map);
      int expectedShared = 0;
      for (int k = 0; k < a.distinct().length; k++) {
        int expected = java.util.Arrays.binarySearch(b.distinct(), a.distinct()[k]);
        expected = expected < 0 ? -1 : expected;
        expectedShared += expected >= 0 ? 1 : 0;
        assertEquals(expected, map[k], "seed " + seed + ", distinct index " + k);
      }
      assertEquals(expectedShared, shared, "seed " + seed);
    }
  }

  /** A sequence of {@code length} random hashes (negative ones too) drawn from {@code range}. */
  private static ShingleSequence randomSequence(java.util.Random r, int length, long range) {
    long[] hashes = new long[length];
    for (int i = 0; i < length; i++) {
      long v = Math.floorMod(r.nextLong(), range);
      hashes[i] = r.nextBoolean() ? v : -v;
    }
    return new ShingleSequence("", hashes, new int[length], new int[length]);
  }
}
