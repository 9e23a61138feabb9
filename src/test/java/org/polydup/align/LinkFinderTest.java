package org.polydup.align;

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
  void linkForm_dropsSchemeWwwAndTrailingPunctuation() {
    assertEquals("example.com/news", LinkFinder.linkForm("https://www.Example.com/news/."));
    assertEquals("example.com", LinkFinder.linkForm("example.com,"));
  }
}
