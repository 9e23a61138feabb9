package org.polydup.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanguageGuessTest {
  @Test
  void constructor_rejectsConfidenceOutsideUnitInterval_namingValue() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> new LanguageGuess("en", LanguageGuess.Method.LINGUA, 1.5));
    assertEquals("confidence must be in [0, 1], got 1.5", thrown.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new LanguageGuess("en", LanguageGuess.Method.LINGUA, Double.NaN));
  }

  @Test
  void constructor_rejectsEmptyOrNullLanguage() {
    assertThrows(
        IllegalArgumentException.class, () -> new LanguageGuess("", LanguageGuess.Method.HINT, 1));
    assertThrows(
        NullPointerException.class, () -> new LanguageGuess(null, LanguageGuess.Method.HINT, 1));
  }

  @Test
  void isUndetermined_isTrueOnlyForUndCodes() {
    assertTrue(new LanguageGuess("und-Latn", LanguageGuess.Method.FALLBACK, 0).isUndetermined());
    assertFalse(new LanguageGuess("uk", LanguageGuess.Method.LINGUA, 0.9).isUndetermined());
  }
}
