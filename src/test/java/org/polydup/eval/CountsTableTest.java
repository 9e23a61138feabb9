package org.polydup.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountsTableTest {
  private static Counts counts(long truePositives, long falsePositives, long falseNegatives) {
    Counts c = new Counts();
    c.truePositives = truePositives;
    c.falsePositives = falsePositives;
    c.falseNegatives = falseNegatives;
    return c;
  }

  @Test
  void table_keepsShortLabelsInTheFourteenCharacterColumn() {
    String table =
        new Counts.Table()
            .row("all", counts(3, 1, 1))
            .text("by language")
            .row("de-en", counts(0, 2, 0))
            .toString();

    assertEquals(
        String.join(
            "\n",
            "                   TP     FP     FN",
            "all                 3      1      1   P 0.7500  R 0.7500  F1 0.7500",
            "by language",
            "de-en               0      2      0   (no gold pairs)",
            ""),
        table);
  }

  @Test
  void table_widensTheLabelColumn_soThatNoLabelTouchesOrShiftsTheNumbers() {
    // "as translation" is as long as the old fixed column (14): with a six-digit count it sat one
    // space from it; the longer label pushed its row's numbers out of line.
    String table =
        new Counts.Table()
            .row("all", counts(123_456, 7, 8))
            .row("as translation", counts(123_456, 0, 1))
            .text("by transform")
            .recallRow("a-much-longer-transform", counts(123_456, 0, 2))
            .toString();

    List<String> lines = table.lines().toList();
    String header = lines.get(0);
    int firstColumnEnd = header.indexOf("TP") + 2;
    int secondColumnEnd = header.indexOf("FP") + 2;
    int thirdColumnEnd = header.indexOf("FN") + 2;
    for (String line : List.of(lines.get(1), lines.get(2), lines.get(4))) {
      assertEquals(firstColumnEnd, line.indexOf("123456") + 6, table);
      // The counts' columns line up with the header's, whatever the label.
      assertTrue(Character.isDigit(line.charAt(thirdColumnEnd - 1)), table);
      assertTrue(line.charAt(secondColumnEnd - 1) != ' ', table);
      String beforeNumbers = line.substring(0, line.indexOf("123456"));
      assertTrue(beforeNumbers.endsWith("  "), "two spaces at least after the label: " + table);
    }
    assertEquals("a-much-longer-transform", lines.get(4).substring(0, 23));
  }
}
