package org.polydup.align.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How {@link Numbers} reads separators and digits of other scripts. */
class NumbersTest {
  @Test
  void parseNumber_readsOneSeparatorBeforeThreeDigitsAsGrouping() {
    assertEquals(new BigDecimal("1500"), Numbers.parseNumber("1,500"));
    assertEquals(new BigDecimal("1500"), Numbers.parseNumber("1.500"));
    assertEquals(new BigDecimal("1234567"), Numbers.parseNumber("1.234.567"));
  }

  @Test
  void parseNumber_readsOneSeparatorBeforeOtherCountsAsDecimalPoint() {
    assertEquals(new BigDecimal("2.5"), Numbers.parseNumber("2,5"));
    assertEquals(new BigDecimal("2.5"), Numbers.parseNumber("2.5"));
    assertEquals(new BigDecimal("1.500"), Numbers.parseNumber("1\u066b500"));
  }

  @Test
  void parseNumber_readsTheLastOfTwoKindsOfSeparatorAsTheDecimalPoint() {
    BigDecimal expected = new BigDecimal("1234.5");
    assertEquals(expected, Numbers.parseNumber("1,234.5"));
    assertEquals(expected, Numbers.parseNumber("1.234,5"));
    assertEquals(expected, Numbers.parseNumber("1'234.5"));
    assertEquals(expected, Numbers.parseNumber("1\u202f234,5"));
    assertEquals(new BigDecimal("1234567.891"), Numbers.parseNumber("1,234,567.891"));
    assertEquals(new BigDecimal("12345"), Numbers.parseNumber("12,345"));
    // Once the decimal point has come, nothing but digits may follow.
    assertNull(Numbers.parseNumber("1,234.5.6"));
    assertNull(Numbers.parseNumber("1,234.567,8"));
    assertNull(Numbers.parseNumber("1,234.5'6"));
  }

  @Test
  void parseNumber_readsDigitsOfAnyScript_andRejectsTheRest() {
    assertEquals(new BigDecimal("125"), Numbers.parseNumber("\u0661\u0662\u0665"));
    assertEquals(new BigDecimal("35000"), Numbers.parseNumber("３５，０００"));
    assertEquals(new BigDecimal("2.5"), Numbers.parseNumber("２．５"));
    assertNull(Numbers.parseNumber("12a"));
    assertNull(Numbers.parseNumber(""));
    assertNull(Numbers.parseNumber("12."));
  }

  @Test
  void isDigits_wantsOneOrMoreDigits() {
    assertTrue(Numbers.isDigits("\u0663\u0664"));
    assertFalse(Numbers.isDigits(""));
    assertFalse(Numbers.isDigits("1,5"));
  }
}
