package org.polydup.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Golden cases of {@link KeyEncoder}'s Han key. */
class KeyEncoderTest {
  private final KeyEncoder encoder = new KeyEncoder();

  @Test
  void hanKey_foldsJapaneseTraditionalAndSimplifiedFormsOfOneWord() {
    // "economy": Japanese shinjitai, Traditional, Simplified.
    assertEquals(encoder.hanKey("经济"), encoder.hanKey("経済"));
    assertEquals(encoder.hanKey("经济"), encoder.hanKey("經濟"));
    // "announcement" and "Tokyo".
    assertEquals(encoder.hanKey("发表"), encoder.hanKey("発表"));
    assertEquals(encoder.hanKey("发表"), encoder.hanKey("發表"));
    assertEquals(encoder.hanKey("东京"), encoder.hanKey("東京"));
  }

  @Test
  void hanKey_separatesWordsThatShareTheirMandarinSkeleton() {
    // economy, politics, spirit, formal: one skeleton, four words.
    String[] words = {"经济", "政治", "精神", "正式"};
    for (String word : words) {
      assertEquals(encoder.nameKey("经济", "zh"), encoder.nameKey(word, "zh"), word);
    }
    for (int i = 0; i < words.length; i++) {
      for (int j = i + 1; j < words.length; j++) {
        assertNotEquals(encoder.hanKey(words[i]), encoder.hanKey(words[j]), words[i] + words[j]);
      }
    }
  }

  @Test
  void hanKey_isNotANameKey() {
    assertNotEquals(encoder.nameKey("上海", "zh"), encoder.hanKey("上海"));
  }
}
