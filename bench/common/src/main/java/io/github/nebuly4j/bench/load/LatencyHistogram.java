package io.github.nebuly4j.bench.load;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free log-linear histogram of latencies in nanoseconds, recorded from any thread (the
 * clients complete their calls on their own event loops). Each power of two above 128 ns is split into 64
 * buckets, so a reported percentile is within 0.8 % of the true value, in constant memory.
 */
public final class LatencyHistogram {
  private static final int SUB_BUCKET_BITS = 7;
  private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
  private static final int HALF = SUB_BUCKETS / 2;

  private final AtomicLongArray counts =
      new AtomicLongArray(SUB_BUCKETS + (64 - SUB_BUCKET_BITS) * HALF);
  private final LongAdder total = new LongAdder();
  private final LongAdder sum = new LongAdder();

  /**
   * Records one latency.
   *
   * @param nanos the latency; negative values count as zero
   */
  public void record(long nanos) {
    long value = Math.max(0, nanos);
    counts.incrementAndGet(index(value));
    total.increment();
    sum.add(value);
  }

  /**
   * Returns how many latencies were recorded.
   *
   * @return the count
   */
  public long count() {
    return total.sum();
  }

  /**
   * Returns the mean latency.
   *
   * @return nanoseconds, 0 when nothing was recorded
   */
  public double meanNanos() {
    long n = total.sum();
    return n == 0 ? 0 : (double) sum.sum() / n;
  }

  /**
   * Returns the latency below which the given share of the recorded ones lie.
   *
   * @param percentile between 0 and 100
   * @return nanoseconds (the middle of the bucket), 0 when nothing was recorded
   * @throws IllegalArgumentException if {@code percentile} is outside 0-100
   */
  public long percentileNanos(double percentile) {
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be between 0 and 100, got " + percentile);
    }
    long n = total.sum();
    if (n == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(percentile / 100 * n));
    long seen = 0;
    for (int i = 0; i < counts.length(); i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return middle(i);
      }
    }
    return middle(counts.length() - 1);
  }

  /** Values below 128 get a bucket each; above, the top 7 bits of the value choose the bucket. */
  static int index(long value) {
    int shift = Math.max(0, 63 - Long.numberOfLeadingZeros(value) - (SUB_BUCKET_BITS - 1));
    if (shift == 0) {
      return (int) value;
    }
    return SUB_BUCKETS + (shift - 1) * HALF + (int) (value >>> shift) - HALF;
  }

  static long middle(int index) {
    if (index < SUB_BUCKETS) {
      return index;
    }
    int shift = (index - SUB_BUCKETS) / HALF + 1;
    long lower = (long) (HALF + (index - SUB_BUCKETS) % HALF) << shift;
    return lower + (1L << shift) / 2;
  }
}
