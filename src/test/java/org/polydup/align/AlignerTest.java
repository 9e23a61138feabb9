package org.polydup.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.polydup.Relation;

/** Exact edge cases of {@link Aligner} and validation of its settings. */
class AlignerTest {
  private final EntityExtractor extractor = new EntityExtractor();

  @Test
  void identicalTexts_scoreOne_withEvidenceOffsets() {
    String text = "Volodymyr Zelenskyy met Emmanuel Macron in Paris on 12 March 2024 with NATO.";
    EntityProfile a = extractor.extract(text, "en");
    EntityProfile b = extractor.extract(text, "en");
    KeyStatistics statistics = new KeyStatistics();
    statistics.add(a);
    statistics.add(extractor.extract("Something else entirely about cooking pasta.", "en"));
    AlignmentResult result = new Aligner().align(a, b, statistics);
    assertEquals(1.0, result.score(), 1e-9);
    assertTrue(!result.evidence().isEmpty());
    for (AlignedEntityPair pair : result.evidence()) {
      assertEquals(pair.first().start(), pair.second().start());
    }
  }

  @Test
  void disjointTexts_scoreZero_noRelation() {
    EntityProfile a = extractor.extract("Volodymyr Zelenskyy met Emmanuel Macron in Paris.", "en");
    EntityProfile b = extractor.extract("Kochen Sie Nudeln mit Tomaten und Basilikum.", "de");
    KeyStatistics statistics = new KeyStatistics();
    statistics.add(a);
    statistics.add(b);
    AlignmentResult result = new Aligner().align(a, b, statistics);
    assertEquals(0.0, result.score(), 1e-9);
    assertNull(result.relation());
  }

  @Test
  void thresholds_rejectOutOfRangeValues_namingTheParameter() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> new AlignmentThresholds(1.5, 2, 5, 0.3, 8, 0.3, 8, 0.02));
    assertTrue(error.getMessage().contains("translationCoverage must be in (0, 1], got 1.5"));
    assertThrows(IllegalArgumentException.class, () -> new KeyStatistics(0));
  }

  @Test
  void relationIsTranslation_forTranslatedParagraph() {
    String english =
        "The White House is investing $20 billion to replace about 200 Chinese-made cranes"
            + " operating in US ports. President Zelenskyy thanked Malaysia, Thailand and"
            + " Mongolia. Mao Ning spoke on Thursday in Shanghai.";
    String ukrainian =
        "Білий дім інвестує 20 мільярдів доларів на заміну близько 200 кранів китайського"
            + " виробництва в портах США. Президент Зеленський подякував Малайзії, Таїланду і"
            + " Монголії. Мао Нін виступила у четвер у Шанхаї.";
    EntityProfile a = extractor.extract(english, "en");
    EntityProfile b = extractor.extract(ukrainian, "uk");
    KeyStatistics statistics = new KeyStatistics();
    statistics.add(a);
    statistics.add(b);
    for (String other :
        new String[] {"Cooking pasta with basil.", "Der Zug fährt um acht.", "Погода гарна."}) {
      statistics.add(extractor.extract(other, "en"));
    }
    AlignmentResult result = new Aligner().align(a, b, statistics);
    assertEquals(Relation.TRANSLATION, result.relation(), result.toString());
  }
}
