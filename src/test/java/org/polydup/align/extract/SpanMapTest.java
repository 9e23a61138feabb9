package org.polydup.align.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpanMapTest {
  @Test
  void get_findsAKeyBySpan_andNotByAPrefixOrALongerSpan() {
    SpanMap<Integer> map = new SpanMap<>();
    map.put("шанхай", 1);
    map.put("", 2);
    String text = "в Шанхай і шанхайський шанхай";
    assertNull(map.get(text, 2, 8)); // Шанхай: another case
    assertNull(map.get(text, 11, 17 + 5)); // шанхайськ
    assertEquals(1, map.get(text, 11, 17));
    assertEquals(1, map.get(text, text.length() - 6, text.length()));
    assertEquals(2, map.get(text, 3, 3));
  }

  @Test
  void agreesWithHashMap_throughGrowthReplacementAndClear() {
    long seed = Long.getLong("polydup.test.seed", 20261123L);
    Random random = new Random(seed);
    SpanMap<Integer> map = new SpanMap<>();
    Map<String, Integer> expected = new HashMap<>();
    // Few letters, so keys collide in hash and share prefixes.
    String alphabet = "abAB中ї\uD83D\uDE00";
    for (int round = 0; round < 50_000; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(8); i >= 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      int start = random.nextInt(text.length() + 1);
      int end = start + random.nextInt(text.length() - start + 1);
      String span = text.substring(start, end);
      assertEquals(
          expected.get(span),
          map.get(text.toString(), start, end),
          "seed " + seed + ", round " + round);
      if (random.nextInt(3) == 0) {
        map.put(span, round);
        expected.put(span, round);
      }
      if (random.nextInt(20_000) == 0) {
        map.clear();
        expected.clear();
      }
      assertEquals(expected.size(), map.size());
    }
  }
}
