package io.github.nebuly4j.bench.report;

import java.util.List;

/**
 * The mean and sample standard deviation of repeated measurements.
 *
 * @param mean the mean
 * @param stdev the sample standard deviation (0 for a single value)
 * @param n how many values
 */
public record Summary(double mean, double stdev, int n) {

  /**
   * Summarizes values.
   *
   * @param values the values, at least one
   * @return the summary
   * @throws IllegalArgumentException if there are none
   */
  public static Summary of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("nothing to summarize");
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return new Summary(mean, values.size() < 2 ? 0 : Math.sqrt(squares / (values.size() - 1)), values.size());
  }

  /**
   * Returns this value divided by another, with the error propagated from both relative errors.
   *
   * @param baseline the divisor
   * @return the ratio, its error in {@code stdev}
   */
  public Summary over(Summary baseline) {
    double ratio = mean / baseline.mean;
    double relative = Math.hypot(relative(this), relative(baseline));
    return new Summary(ratio, Math.abs(ratio) * relative, Math.min(n, baseline.n));
  }

  private static double relative(Summary s) {
    return s.mean == 0 ? 0 : s.stdev / s.mean;
  }
}
