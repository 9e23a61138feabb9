package org.polydup.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real news text. Excerpts are the first lines of documents in {@code
 * ../shared/data/syndication/docs.jsonl} (bodies from the WMT newstest2021/generaltest2022 test
 * sets); the document id is noted on each fixture.
 */
class TextAnalyzerRealTextTest {
  private final TextAnalyzer analyzer = new TextAnalyzer(TextOptions.defaults());

  /** syndication s000020 (en). */
  private static final String ENGLISH =
      "The frontman of the band Ruki Vverh! suggested to Dzyuba that they sing a duet together\n"
          + "Sergei Zhukov, singer of the band Ruki Vverh! and a CSKA fan, responded to the song of"
          + " Zenith forward Artem Dzyuba.\n"
          + "\"Artem Dzyuba, what do you think, maybe it's time for a duet?\"";

  /** syndication s000015 (ru). */
  private static final String RUSSIAN =
      "Почти половина британцев верит во вмешательство Кремля в референдум по Брекзиту\n"
          + "Почти половина британцев - 49% - считают, что Россия пыталась повлиять на ход"
          + " референдума 2016 года по выходу Великобритании из Евросоюза.";

  /** syndication s000004 (ja), full-width digits and a Latin brand inside Japanese. */
  private static final String JAPANESE = "阪神・大山、２戦連発７号！\n矢野監督「見ていて風格ある 」 （ サンケイスポーツ ） - Yahoo!ニュース";

  private static List<String> tokens(AnalyzedText analyzed) {
    return TextAnalyzerGoldenTest.render(analyzed).stream().map(t -> t.split("@")[0]).toList();
  }

  @Test
  void englishNews_tokensAndOffsets() {
    AnalyzedText analyzed = analyzer.analyze(ENGLISH);
    List<String> tokens = tokens(analyzed);
    assertEquals(
        List.of("the", "frontman", "of", "the", "band", "ruki", "vverh"), tokens.subList(0, 7));
    assertTrue(tokens.contains("it's"));
    assertTrue(tokens.contains("cska"));
    assertEquals(tokens.size() - 2, analyzed.shingleCount());
    int zhukov = tokens.indexOf("zhukov");
    assertEquals("Zhukov", ENGLISH.substring(analyzed.start(zhukov), analyzed.end(zhukov)));
  }

  @Test
  void russianNews_tokensKeepNumbersAndFoldCase() {
    List<String> tokens = tokens(analyzer.analyze(RUSSIAN));
    assertEquals(List.of("почти", "половина", "британцев", "верит"), tokens.subList(0, 4));
    assertTrue(tokens.contains("49"));
    assertTrue(tokens.contains("2016"));
    assertTrue(tokens.contains("евросоюза"));
    assertEquals(30, tokens.size());
  }

  @Test
  void japaneseNews_foldsFullWidthDigitsAndKeepsLatinBrand() {
    AnalyzedText analyzed = analyzer.analyze(JAPANESE);
    List<String> tokens = tokens(analyzed);
    assertTrue(tokens.contains("2"), tokens.toString());
    assertTrue(tokens.contains("7"), tokens.toString());
    assertTrue(tokens.contains("yahoo"), tokens.toString());
    assertTrue(tokens.contains("阪神"), tokens.toString());
    int yahoo = tokens.indexOf("yahoo");
    assertEquals("Yahoo", JAPANESE.substring(analyzed.start(yahoo), analyzed.end(yahoo)));
  }
}
