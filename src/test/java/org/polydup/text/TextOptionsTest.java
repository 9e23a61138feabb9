package org.polydup.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextOptionsTest {
  @Test
  void defaults_areThreeTokenShinglesSeedZero() {
    TextOptions options = TextOptions.defaults();
    assertEquals(3, options.shingleSize());
    assertEquals(0L, options.seed());
    assertEquals(TextOptions.DEFAULT_MAXIMUM_CHARACTERS, options.maximumCharacters());
  }

  @Test
  void build_rejectsShingleSizeZero_namingParameterAndValue() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class, () -> TextOptions.builder().shingleSize(0).build());
    assertEquals("shingleSize must be in [1, 64], got 0", thrown.getMessage());
  }

  @Test
  void build_rejectsNonPositiveMaximumCharacters() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> TextOptions.builder().maximumCharacters(-5).build());
    assertEquals("maximumCharacters must be >= 1, got -5", thrown.getMessage());
  }

  @Test
  void threeArgumentConstructor_keepsDictionarySegmentation() {
    assertEquals(
        TextOptions.HanAndKanaSegmentation.DICTIONARY,
        new TextOptions(5, 7L, 100).hanAndKanaSegmentation());
  }

  @Test
  void constructor_rejectsNullSegmentation() {
    assertThrows(NullPointerException.class, () -> new TextOptions(3, 0L, 10, null));
  }
}
