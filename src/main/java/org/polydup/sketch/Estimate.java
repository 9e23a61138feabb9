package org.polydup.sketch;

/**
 * A probabilistic estimate with a two-sided confidence interval.
 *
 * @param estimate the point estimate
 * @param lower lower bound of the interval (inclusive), {@code <= estimate}
 * @param upper upper bound of the interval (inclusive), {@code >= estimate}
 */
public record Estimate(double estimate, double lower, double upper) {

  /** Validates the ordering of the bounds. */
  public Estimate {
    if (!(lower <= estimate && estimate <= upper)) {
      throw new IllegalArgumentException(
          "need lower <= estimate <= upper, got " + lower + ", " + estimate + ", " + upper);
    }
  }

  /** An exact value: all three numbers equal. */
  public static Estimate exact(double value) {
    return new Estimate(value, value, value);
  }
}
