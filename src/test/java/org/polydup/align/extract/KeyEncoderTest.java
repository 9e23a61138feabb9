package org.polydup.align.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

/** Golden cases of {@link KeyEncoder}'s Han key. */
class KeyEncoderTest {
  private final KeyEncoder encoder = new KeyEncoder();

  @Test
  void romanise_readsAnOverlongWordByItsFirstCharacters() {
    String word = "ά".repeat(10_000);
    String first = "ά".repeat(KeyEncoder.MAXIMUM_WORD);

    assertEquals(encoder.romanise(first, "el"), encoder.romanise(word, "el"));
    assertEquals(
        encoder.hanKey("中".repeat(KeyEncoder.MAXIMUM_WORD)), encoder.hanKey("中".repeat(9_999)));
  }

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
  void hanKey_readsAsTheWholeWordTransliterated_withAndWithoutPhraseCharacters() {
    // The key reads most words character by character; words with a character that a rule reads
    // together with its neighbours (重庆, 乾隆, 餘地, 沈阳) are transliterated whole.
    Transliterator whole = Transliterator.getInstance("Traditional-Simplified; Han-Latin");
    String[] words = {
      "经济", "經濟", "経済", "发表", "東京", "上海", "重庆", "重慶", "重要", "乾隆", "乾杯", "餘地", "余地", "沈阳", "沈先生",
      "秘鲁", "秘密", "西藏文化", "藏文", "人工智能", "中華人民共和國", "々", "〇"
    };
    for (String word : words) {
      String reading = whole.transliterate(word).replace(" ", "");
      long expected = KeyEncoder.hash("h:" + UCharacter.toLowerCase(ULocale.ROOT, reading));
      assertEquals(expected, encoder.hanKey(word), word);
    }
  }

  @Test
  void hanKey_isNotANameKey() {
    assertNotEquals(encoder.nameKey("上海", "zh"), encoder.hanKey("上海"));
  }

  @Test
  void katakanaAsSpelt_writesALongAAsRAndNBeforeALabialAsM() {
    assertEquals("インタルネット", KeyEncoder.katakanaAsSpelt("インターネット"));
    assertEquals("コムピュータル", KeyEncoder.katakanaAsSpelt("コンピューター"));
    // A long vowel other than a, and n before a non-labial, stay.
    assertEquals("ニュース", KeyEncoder.katakanaAsSpelt("ニュース"));
    assertEquals("ロンドン", KeyEncoder.katakanaAsSpelt("ロンドン"));
  }

  @Test
  void spellingKey_meetsTheCapitalisedSourceSpelling_whereTheSoundKeyDoesNot() {
    assertNotEquals(encoder.nameKey("Internet", "de"), encoder.nameKey("インターネット", "ja"));
    assertEquals(encoder.nameKey("Internet", "de"), encoder.spellingKey("インターネット", "ja"));
    assertEquals(encoder.nameKey("Herbert", "en"), encoder.spellingKey("ハーバート", "ja"));
    assertEquals(encoder.nameKey("Computer", "de"), encoder.spellingKey("コンピューター", "ja"));
    // No long a and no n before a labial: no second key.
    assertEquals(0, encoder.spellingKey("ロンドン", "ja"));
  }

  @Test
  void katakanaCognateKey_dropsTheVowelsKatakanaInserts() {
    assertEquals(encoder.cognateKey("pandemic", "en"), encoder.katakanaCognateKey("パンデミック", "ja"));
    assertEquals(encoder.cognateKey("draft", "en"), encoder.katakanaCognateKey("ドラフト", "ja"));
    assertEquals(encoder.cognateKey("computer", "en"), encoder.katakanaCognateKey("コンピューター", "ja"));
    assertEquals(encoder.cognateKey("комментарий", "ru"), encoder.katakanaCognateKey("コメント", "ja"));
    assertEquals(encoder.cognateKey("omicron", "en"), encoder.katakanaCognateKey("オミクロン", "ja"));
    // Shorter than a cognate key once the inserted vowels are gone: none.
    assertEquals(0, encoder.katakanaCognateKey("デッキ", "ja"));
  }

  @Test
  void katakanaCognateKey_readsAnOpeningUPlusVowelAsWAndDropsTheIAfterAFinalCh() {
    assertEquals(encoder.cognateKey("wedding", "en"), encoder.katakanaCognateKey("ウェディング", "ja"));
    assertEquals(encoder.cognateKey("window", "en"), encoder.katakanaCognateKey("ウィンドウ", "ja"));
    assertEquals(encoder.cognateKey("pitch", "en"), encoder.katakanaCognateKey("ピッチ", "ja"));
    // An opening u before a consonant stays a vowel.
    assertEquals(encoder.cognateKey("ukraine", "en"), encoder.katakanaCognateKey("ウクライナ", "ja"));
  }
}
