package org.polydup.align;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.polydup.align.extract.EntityExtractor;
import org.polydup.align.extract.EntityProfile;

/** {@link Figures}: when two texts' numbers and links contradict a translation. */
class FiguresTest {

  @Test
  void agree_onlyWhenAThirdOfThePoorerTextsFiguresAreInTheRicher() {
    EntityExtractor extractor = new EntityExtractor();
    EntityProfile report =
        extractor.extract(
            "In 2019 sales rose 14% to 3,250 units; see https://example.org/q3.", "en");
    EntityProfile translated =
        extractor.extract(
            "2019 stiegen die Verkäufe um 14 % auf 3.250 Stück; siehe https://example.org/q3.",
            "de");
    EntityProfile other =
        extractor.extract("Im Jahr 2021 fielen 7 % der 880 Flüge aus, 12 davon in Wien.", "de");
    EntityProfile chat = extractor.extract("Danke, das hilft mir sehr. Bis morgen!", "de");
    EntityProfile oneYear = extractor.extract("Seit 2021 warte ich darauf.", "de");
    assertTrue(Figures.agree(report, translated));
    assertFalse(Figures.agree(report, other), "dates and amounts differ");
    assertTrue(Figures.agree(report, chat), "no figures: nothing to contradict");
    assertFalse(Figures.agree(report, oneYear), "its one figure is not there");
    assertTrue(Figures.agree(chat, oneYear), "too few figures to differ");
  }
}
