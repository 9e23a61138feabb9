package org.polydup.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polydup.EntityLink;
import org.polydup.Match;
import org.polydup.Relation;
import org.polydup.Scores;
import org.polydup.verify.SharedPassage;

class HtmlReportTest {
  private static String page(List<Match> matches, Map<String, String> texts, int maximum)
      throws IOException {
    StringWriter out = new StringWriter();
    HtmlReport.write(out, "polydup <scan>", matches, texts::get, maximum);
    return out.toString();
  }

  private static Match translation(String a, String b, EntityLink... links) {
    return new Match(
        a,
        b,
        Relation.TRANSLATION,
        null,
        "en",
        "uk",
        Scores.ofAlignment(0.5, 0.4, 0.6, 0.3),
        List.of(),
        List.of(links));
  }

  @Test
  void documentText_isEscaped_andTheEvidenceMarkedInBothTexts() throws IOException {
    String a = "Intro. <script>alert('x')</script> The Financial Times & UNN said so.";
    String b = "Вступ. Про це пише Файненшл таймс, передає УНН.";
    int fa = a.indexOf("Financial");
    int fb = b.indexOf("Файненшл");
    Match m =
        translation(
            "a<1>", "b", new EntityLink("name", "Financial", fa, fa + 9, "Файненшл", fb, fb + 8));

    String html = page(List.of(m), Map.of("a<1>", a, "b", b), 10);

    assertFalse(html.contains("<script>"), html);
    assertTrue(html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"), html);
    assertTrue(html.contains("<code>a&lt;1&gt;</code>"), html);
    assertTrue(html.contains("<title>polydup &lt;scan&gt;</title>"), html);
    assertTrue(html.contains("<mark>Financial</mark> Times &amp; UNN"), html);
    assertTrue(html.contains("пише <mark>Файненшл</mark> таймс"), html);
    assertTrue(html.contains("alignment 0.500"), html);
  }

  @Test
  void cuts_neverSplitASurrogatePair_andLongPassagesAreShortened() throws Exception {
    // An emoji (two UTF-16 units) where the context window would end, and a long passage.
    String passage = "word ".repeat(100);
    String text = passage + "x".repeat(HtmlReport.CONTEXT - 1) + "🙂 and more text after it";
    Match m =
        new Match(
            "a",
            "b",
            Relation.DUPLICATE,
            null,
            "en",
            "en",
            Scores.ofShingles(null, 0.9, 0.9, 0.9, 0.9, 0.9),
            List.of(new SharedPassage(0, passage.length(), 0, passage.length(), 98)),
            List.of());

    String html = page(List.of(m), Map.of("a", text, "b", text), 10);

    // Strictly decodable as UTF-8 once encoded: no lone surrogate anywhere.
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(bytes));
    assertFalse(html.contains("?"), "a lone surrogate would be written as ?");
    assertTrue(html.contains(" […]</mark>"), html);
    assertFalse(html.contains(passage), "the whole 500-character passage is not shown");
  }

  @Test
  void unpairedSurrogates_inIdsAndTexts_leaveAWholePage(@TempDir Path folder) throws IOException {
    String a = "Broken \uD800 escape, then The Financial Times said so.";
    String b = "Also \uDC00 broken; The Financial Times said so.";
    Path file = folder.resolve("report.html");
    Match m =
        translation(
            "a\uD800",
            "b",
            new EntityLink("name", "Financial Times", 29, 44, "Financial Times", 27, 42));

    HtmlReport.write(file, "scan", List.of(m), Map.of("a\uD800", a, "b", b)::get, 10);

    String html = java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(html.endsWith("</html>\n"), html);
    assertTrue(html.contains("a\uFFFD"), html);
  }

  @Test
  void showsAtMostTwelveRowsOfEvidence_passagesAndEntitiesTogether() throws IOException {
    String text = "word ".repeat(400);
    List<SharedPassage> passages = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      passages.add(new SharedPassage(10 * i, 10 * i + 5, 10 * i, 10 * i + 5, 1));
    }
    List<EntityLink> links = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      links.add(new EntityLink("name", "word", 5 * i, 5 * i + 4, "word", 5 * i, 5 * i + 4));
    }
    Match m =
        new Match(
            "a",
            "b",
            Relation.DERIVED,
            null,
            "en",
            "en",
            Scores.ofAlignment(0.5, 0.5, 0.5, 0.5),
            passages,
            links);

    String html = page(List.of(m), Map.of("a", text, "b", text), 10);

    assertEquals(
        HtmlReport.EVIDENCE_ROWS + 1, html.split("<tr>", -1).length - 1, "header and 12 rows");
    assertTrue(html.contains("31 more"), html);
  }

  @Test
  void showsAtMostTheGivenNumberOfPairs_andSaysSo() throws IOException {
    List<Match> matches = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      matches.add(translation("a" + i, "b" + i));
    }
    String html = page(matches, Map.of(), 3);
    assertTrue(html.contains("The first 3 of 5 flagged pairs"), html);
    assertTrue(html.contains("<code>a2</code>"), html);
    assertFalse(html.contains("<code>a3</code>"), html);
    assertEquals(3, html.split("<section", -1).length - 1);
  }

  @Test
  void unknownText_orOffsetsOutsideIt_showTheOffsetsInstead() {
    assertEquals("[3, 9)", HtmlReport.inContext(null, 3, 9));
    assertEquals("[3, 90)", HtmlReport.inContext("short", 3, 90));
    assertThrows(
        IllegalArgumentException.class,
        () -> HtmlReport.write(Path.of("unused.html"), "t", List.of(), id -> null, 0));
  }
}
