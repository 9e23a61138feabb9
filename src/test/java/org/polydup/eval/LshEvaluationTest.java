package org.polydup.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class LshEvaluationTest {
  /**
   * The prefix filter's length against exact decimal arithmetic, for thresholds written with two
   * decimals and sets up to 2,000 elements: 0.55 * 100 is 55.00000000000001 in floating point, and
   * a plain ceiling made that prefix one element short.
   */
  @Test
  void prefixLength_isExact_forDecimalThresholds() {
    for (int hundredths = 5; hundredths <= 100; hundredths += 5) {
      double threshold = hundredths / 100.0;
      for (int size = 1; size <= 2_000; size++) {
        int minimumShared =
            new BigDecimal(hundredths)
                .multiply(BigDecimal.valueOf(size))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                .intValueExact();
        assertEquals(
            size - minimumShared + 1,
            LshEvaluation.prefixLength(threshold, size),
            threshold + " x " + size);
      }
    }
  }
}
