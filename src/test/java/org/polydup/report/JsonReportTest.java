package org.polydup.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polydup.Match;
import org.polydup.ParagraphLink;
import org.polydup.Relation;
import org.polydup.Scores;

class JsonReportTest {

  @Test
  void pair_quotesBothSidesOfPairedParagraphs_underEvidenceParagraphs() {
    String a = "Hello, how can I help?\nMy reader does not start.";
    String b = "Hallo, wie kann ich helfen?\nMein Reader startet nicht.";
    Match m =
        new Match(
            "chat-en",
            "chat-de",
            Relation.TRANSLATION,
            null,
            "en",
            "de",
            Scores.ofAlignment(0, 0, 0, 0),
            List.of(),
            List.of(),
            List.of(new ParagraphLink(0, 22, 0, 27), new ParagraphLink(23, 48, 28, 54)));
    Map<String, Object> line = JsonReport.pair(m, a, b);
    @SuppressWarnings("unchecked")
    Map<String, Object> evidence = (Map<String, Object>) line.get("evidence");
    assertFalse(evidence.containsKey("entities"));
    assertEquals(
        List.of(
            Map.of(
                "a",
                List.of(0, 22),
                "b",
                List.of(0, 27),
                "text_a",
                "Hello, how can I help?",
                "text_b",
                "Hallo, wie kann ich helfen?"),
            Map.of(
                "a",
                List.of(23, 48),
                "b",
                List.of(28, 54),
                "text_a",
                "My reader does not start.",
                "text_b",
                "Mein Reader startet nicht.")),
        evidence.get("paragraphs"));
  }
}
