package org.polydup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageFurnitureTest {

  private static long hash(String line) {
    return PageFurniture.lineHash(line, 0, line.length());
  }

  @Test
  void lineHash_masksDatesLinksAndCase_butNotWords() {
    assertEquals(
        hash("Continue reading → https://a.example/2021/12/k4ramxeqi7"),
        hash("continue  reading → https://www.other.net/2022/01/q2l3aja2m2"));
    assertEquals(
        hash("pressonline.news — Your daily news digest | 24.12.2021"),
        hash("press-digest.com — Your daily news digest | 2022-01-28"));
    assertEquals(hash("12 июня 2022, 12:26 | Редакция"), hash("3 июня 2021, 9:05 | Редакция"));
    assertNotEquals(hash("Continue reading → link"), hash("Continue watching → link"));
  }

  @Test
  void lineHash_keepsAChineseOrJapaneseHeadline_whenItHoldsAYear() {
    // One whitespace-free token: only the year is masked, not the headline around it.
    assertNotEquals(
        hash("2021年、よく使われた絵文字ランキング（ギズモード・ジャパン ） - Yahoo!ニュース"),
        hash("2022年、東京の桜が満開に（共同通信 ） - Yahoo!ニュース"));
  }

  @Test
  void lineHash_isZero_forLayoutWithoutLetters() {
    assertEquals(0, hash(""));
    assertEquals(0, hash("  ---  "));
    assertEquals(0, hash("12.05.2021"));
  }

  @Test
  void of_countsALineOncePerGroup_soAStoryWithManyCopiesIsNotFurniture() {
    List<String> texts = new ArrayList<>();
    // One story and eleven copies of it: one group.
    for (int i = 0; i < 12; i++) {
      texts.add(
          "The minister resigned on Monday.\nContinue reading → https://site" + i + ".example/x");
    }
    // Eight unrelated pages that end with the same link line.
    for (int i = 0; i < 8; i++) {
      texts.add(
          "Story number " + (char) ('a' + i) + " here.\nContinue reading → https://s.example/" + i);
    }
    PageFurniture furniture = PageFurniture.of(texts, i -> i < 12 ? 0 : i, 8);
    String page = texts.get(0);
    assertFalse(furniture.isFurniture(page, 4), "the story's own line");
    assertTrue(furniture.isFurniture(page, page.indexOf("reading")), "the link line");
    assertTrue(furniture.isFurniture(page, page.length()), "end of the last line");
    // Seven groups (the story's and six unrelated pages) are not enough at eight.
    PageFurniture fewer = PageFurniture.of(texts.subList(0, 18), i -> i < 12 ? 0 : i, 8);
    assertFalse(fewer.isFurniture(page, page.indexOf("reading")));
  }

  @Test
  void of_rejectsFewerThanTwoGroups() {
    assertThrows(IllegalArgumentException.class, () -> PageFurniture.of(List.of(), i -> i, 1));
  }
}
