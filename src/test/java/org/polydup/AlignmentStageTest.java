package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
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
}
