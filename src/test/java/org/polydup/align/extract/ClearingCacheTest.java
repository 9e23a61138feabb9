package org.polydup.align.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClearingCacheTest {
  @Test
  void computesOncePerKeyUntilFullThenStartsOver() {
    List<String> computed = new ArrayList<>();
    ClearingCache<String, Integer> cache = new ClearingCache<>(2);
    java.util.function.Function<String, Integer> length =
        key -> {
          computed.add(key);
          return key.length();
        };
    assertEquals(1, cache.get("a", length));
    assertEquals(2, cache.get("bb", length));
    assertEquals(1, cache.get("a", length));
    assertEquals(List.of("a", "bb"), computed);
    // Full: the third key empties the cache, so "a" is computed again afterwards.
    assertEquals(3, cache.get("ccc", length));
    assertEquals(1, cache.get("a", length));
    assertEquals(List.of("a", "bb", "ccc", "a"), computed);
  }

  @Test
  void rejectsANonPositiveLimit() {
    assertThrows(IllegalArgumentException.class, () -> new ClearingCache<String, String>(0));
  }
}
