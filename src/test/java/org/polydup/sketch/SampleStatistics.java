package org.polydup.sketch;

/** Mean and sample standard deviation, for the statistical tests of the sketch and the index. */
public final class SampleStatistics {
  private SampleStatistics() {}

  /** The mean of {@code values}. */
  public static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }

  /** The sample standard deviation of {@code values} (n - 1 in the denominator). */
  public static double standardDeviation(double[] values, double mean) {
    double sum = 0;
    for (double value : values) {
      sum += (value - mean) * (value - mean);
    }
    return Math.sqrt(sum / (values.length - 1));
  }
}
