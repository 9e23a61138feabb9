package org.polydup.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerturbedSetTest {
  private static final String TEXT =
      String.join(
          "\n",
          "Headline of the story",
          "The first paragraph says what happened. It has two sentences of some length here.",
          "",
          "A second paragraph, after a blank line.",
          "A third one.",
          "A fourth one, the last.");

  private static final String JAPANESE = "見出し\n最初の段落です。\n二番目の段落です。\n三番目の段落です。";

  @Test
  void zeroProbabilities_leaveTextUnchanged() {
    PerturbedSet none = new PerturbedSet(0, 0, 7);
    assertEquals(TEXT, none.perturb("a/1/en", "en", TEXT));
    assertEquals(JAPANESE, none.perturb("a/1/ja", "ja", JAPANESE));
  }

  @Test
  void sameSeedAndId_giveTheSameText_otherSeedsDiffer() {
    PerturbedSet one = new PerturbedSet(0.5, 0.5, 1);
    String first = one.perturb("a/1/en", "en", TEXT);
    assertEquals(first, new PerturbedSet(0.5, 0.5, 1).perturb("a/1/en", "en", TEXT));
    boolean differs = false;
    for (long seed = 2; seed < 40 && !differs; seed++) {
      differs = !new PerturbedSet(0.5, 0.5, seed).perturb("a/1/en", "en", TEXT).equals(first);
    }
    assertTrue(differs, "some other seed perturbs differently");
  }

  @Test
  void merging_onlyTurnsNewlinesIntoSpaces_andKeepsBlankLines() {
    for (long seed = 1; seed < 30; seed++) {
      String merged = new PerturbedSet(0.5, 0, seed).perturb("a/1/en", "en", TEXT);
      assertEquals(TEXT.length(), merged.length());
      for (int i = 0; i < TEXT.length(); i++) {
        char before = TEXT.charAt(i);
        char after = merged.charAt(i);
        assertTrue(before == after || (before == '\n' && after == ' '), "at " + i);
      }
      assertTrue(merged.contains("\n\n"), "the blank line is kept");
    }
    String all = new PerturbedSet(1, 0, 1).perturb("a/1/en", "en", TEXT);
    assertEquals(1, all.split("\n\n").length - 1);
    assertEquals(2, all.split("\n", -1).length - 1, "only the blank line's two newlines remain");
  }

  @Test
  void mergingJapanese_joinsWithNothing() {
    String all = new PerturbedSet(1, 0, 1).perturb("a/1/ja", "ja", JAPANESE);
    assertEquals(JAPANESE.replace("\n", ""), all);
  }

  @Test
  void splitting_breaksALongLineAtASentence() {
    String split = new PerturbedSet(0, 1, 1).perturb("a/1/en", "en", TEXT);
    assertTrue(
        split.contains("what happened.\nIt has two sentences"), "broken after the full stop");
    assertEquals(TEXT.replace("happened. It", "happened.\nIt"), split);
    String line = "あ".repeat(45) + "。" + "い".repeat(45) + "。";
    assertEquals(
        "あ".repeat(45) + "。\n" + "い".repeat(45) + "。",
        new PerturbedSet(0, 1, 1).perturb("a/1/ja", "ja", line));
    assertEquals(-1, PerturbedSet.sentenceBreak("Too short. To split."));
  }

  @Test
  void write_keepsIdsFieldsAndPairs(@TempDir Path dir) throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    String docs =
        "{\"id\":\"t/1/en\",\"lang\":\"en\",\"text\":\"One.\\nTwo.\\nThree.\",\"cluster\":\"c1\"}\n"
            + "{\"id\":\"t/1/de\",\"lang\":\"de\",\"text\":\"Eins.\\nZwei.\",\"cluster\":\"c1\"}\n";
    String pairs = "{\"src_id\":\"t/1/en\",\"tgt_id\":\"t/1/de\"}\n";
    Files.writeString(in.resolve("docs.jsonl"), docs, StandardCharsets.UTF_8);
    Files.writeString(in.resolve("pairs.jsonl"), pairs, StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    int[] counts = new PerturbedSet(1, 0, 3).write(in, out);
    assertEquals(2, counts[0]);
    assertEquals(2, counts[1]);
    assertEquals(pairs, Files.readString(out.resolve("pairs.jsonl"), StandardCharsets.UTF_8));
    List<JsonNode> rows = Jsonl.read(out.resolve("docs.jsonl"));
    assertEquals(2, rows.size());
    assertEquals("t/1/en", rows.get(0).get("id").asText());
    assertEquals("c1", rows.get(1).get("cluster").asText());
    assertEquals("One. Two. Three.", rows.get(0).get("text").asText());
    assertNotEquals(-1, rows.get(1).get("text").asText().indexOf("Eins. Zwei."));
  }
}
