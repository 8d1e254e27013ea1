package io.github.nebuly4j.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void percentilesAreWithinOnePercentOfTheExactOnes() {
    SplittableRandom random = new SplittableRandom(42);
    long[] values = new long[50_000];
    LatencyHistogram histogram = new LatencyHistogram();
    for (int i = 0; i < values.length; i++) {
      // Log-uniform from 50 ns to about 5 s, the range of a load run.
      values[i] = (long) Math.exp(Math.log(50) + random.nextDouble() * (Math.log(5e9) - Math.log(50)));
      histogram.record(values[i]);
    }
    Arrays.sort(values);

    for (double p : new double[] {1, 50, 90, 99, 99.9}) {
      long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
      assertThat((double) histogram.percentileNanos(p)).as("p%s", p).isCloseTo(exact, within(exact * 0.01 + 1));
    }
    assertThat(histogram.count()).isEqualTo(values.length);
    assertThat(histogram.meanNanos()).isCloseTo(Arrays.stream(values).average().orElseThrow(), within(1.0));
  }

  @Test
  void smallValuesAreExactAndEveryLongHasABucket() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.record(7);
    histogram.record(-3);
    histogram.record(Long.MAX_VALUE);

    assertThat(histogram.percentileNanos(0)).isZero();
    assertThat(histogram.percentileNanos(50)).isEqualTo(7);
    assertThat((double) histogram.percentileNanos(100)).isCloseTo(Long.MAX_VALUE, within(Long.MAX_VALUE * 0.01));
  }

  @Test
  void anEmptyHistogramReportsZeroAndABadPercentileIsRefused() {
    LatencyHistogram histogram = new LatencyHistogram();

    assertThat(histogram.percentileNanos(99)).isZero();
    assertThat(histogram.meanNanos()).isZero();
    assertThatThrownBy(() -> histogram.percentileNanos(101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> histogram.percentileNanos(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
