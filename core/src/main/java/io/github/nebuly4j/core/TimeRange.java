package io.github.nebuly4j.core;

import io.github.nebuly4j.core.spi.Arguments;
import java.time.Duration;
import java.time.Instant;

/**
 * The time range of a listing query: Nebuly's {@code time_range}, from {@code start} to {@code
 * end}. Both listing endpoints require one.
 *
 * <p>Whether Nebuly includes a row stamped exactly at {@code start} or {@code end} is not
 * published; {@link #contains(Instant)} says how nebuly4j's fakes decide it (both ends included).
 *
 * @param start the first instant of the range
 * @param end the last instant of the range; not before {@code start} (equal is a range of one
 *     instant)
 */
public record TimeRange(Instant start, Instant end) {
  /**
   * Checks the range.
   *
   * @throws IllegalArgumentException if an instant is null, or the range ends before it starts
   */
  public TimeRange {
    Arguments.requireNonNull(start, "start");
    Arguments.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(
          "a time range must not end before it starts; got start " + start + " and end " + end);
    }
  }

  /**
   * Returns the range from {@code start} to {@code end}.
   *
   * @param start the first instant
   * @param end the last instant, not before {@code start}
   * @return the range
   * @throws IllegalArgumentException if an instant is null, or the range ends before it starts
   */
  public static TimeRange of(Instant start, Instant end) {
    return new TimeRange(start, end);
  }

  /**
   * Returns the range of the given length that ends at {@code end}, such as the last seven days.
   *
   * @param length how long the range is; not negative
   * @param end the last instant
   * @return the range from {@code end - length} to {@code end}
   * @throws IllegalArgumentException if an argument is null, or the length is negative or reaches
   *     before the earliest {@link Instant}
   */
  public static TimeRange lasting(Duration length, Instant end) {
    Arguments.requireNonNull(length, "length");
    Arguments.requireNonNull(end, "end");
    if (length.isNegative()) {
      throw new IllegalArgumentException("a time range must not have a negative length, got " + length);
    }
    try {
      return new TimeRange(end.minus(length), end);
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "a time range of " + length + " ending at " + end + " starts before the earliest instant", e);
    }
  }

  /**
   * Tells whether an instant lies in the range, both ends included. This is the rule of nebuly4j's
   * fakes; Nebuly's own rule at the two ends is not published.
   *
   * @param instant the instant
   * @return true when {@code start <= instant <= end}
   * @throws IllegalArgumentException if {@code instant} is null
   */
  public boolean contains(Instant instant) {
    Arguments.requireNonNull(instant, "instant");
    return !instant.isBefore(start) && !instant.isAfter(end);
  }

  /**
   * Tells whether a span of time shares at least one instant with the range, both ends included.
   *
   * @param from the span's first instant
   * @param to the span's last instant; a span that ends before it starts shares nothing
   * @return true when {@code from <= end} and {@code to >= start} and {@code from <= to}
   * @throws IllegalArgumentException if an argument is null
   */
  public boolean overlaps(Instant from, Instant to) {
    Arguments.requireNonNull(from, "from");
    Arguments.requireNonNull(to, "to");
    return !from.isAfter(to) && !from.isAfter(end) && !to.isBefore(start);
  }

  /** Returns the range as {@code [start, end]}. */
  @Override
  public String toString() {
    return "[" + start + ", " + end + "]";
  }
}
