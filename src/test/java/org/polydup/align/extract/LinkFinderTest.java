package org.polydup.align.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random-input invariant of {@link LinkFinder}'s stretch-by-stretch search, and link forms. */
class LinkFinderTest {
  @Test
  void linkSpans_equalFindOverTheWholeText_onLinkLikeRandomText() {
    long seed = Long.getLong("polydup.test.seed", 20261122L);
    Random random = new Random(seed);
    String[] pieces = {
      "www", "WWW", "http", "https", "://", ".", ".", "..", "@", ":", "com", "ORG", "ua", "it",
      "co", "a", "x", "Z", "1", "_", "-", "%", "+", "é", "ї", "中", " ", " ", "\n", "\t", "(", "\"",
      "'", "<", "/", ",", "!"
    };
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i >= 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      java.util.List<Integer> expected = new java.util.ArrayList<>();
      java.util.regex.Matcher whole = LinkFinder.LINK.matcher(text);
      while (whole.find()) {
        expected.add(whole.start());
        expected.add(whole.end());
      }
      int[] spans = LinkFinder.linkSpans(text.toString());
      assertEquals(
          expected,
          java.util.Arrays.stream(spans).boxed().toList(),
          "seed " + seed + ", round " + round + ": " + text);
    }
  }

  @Test
  void linkSpans_findRealLinks_withinTheirLengthBounds() {
    String text =
        "See https://www.example.com/news?id=7 or write to desk@news.example.org, follow"
            + " @polydup_bot, read bbc.co.uk.";
    java.util.List<String> found = new java.util.ArrayList<>();
    int[] spans = LinkFinder.linkSpans(text);
    for (int i = 0; i < spans.length; i += 2) {
      found.add(text.substring(spans[i], spans[i + 1]));
    }
    assertEquals(
        java.util.List.of(
            "https://www.example.com/news?id=7",
            "desk@news.example.org",
            "@polydup_bot",
            "bbc.co.uk"),
        found);
    // An e-mail's local part is at most 64 characters: a longer run before the @ is cut.
    String longLocal = "x".repeat(100) + "@example.com";
    int[] local = LinkFinder.linkSpans(longLocal);
    assertEquals(
        java.util.List.of(36, longLocal.length()), java.util.Arrays.stream(local).boxed().toList());
  }

  @Test
  void linkForm_dropsSchemeWwwAndTrailingPunctuation() {
    assertEquals("example.com/news", LinkFinder.linkForm("https://www.Example.com/news/."));
    assertEquals("example.com", LinkFinder.linkForm("example.com,"));
  }
}
