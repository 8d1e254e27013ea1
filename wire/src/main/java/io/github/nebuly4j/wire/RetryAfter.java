package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.spi.Arguments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses a {@code Retry-After} header (RFC 9110, section 10.2.3): delta-seconds, or an HTTP-date in
 * any of its three forms.
 */
final class RetryAfter {
  /** Longer waits are cut to this; no retry policy waits anywhere near as long. */
  static final Duration LONGEST = Duration.ofDays(366);

  private static final List<DateTimeFormatter> HTTP_DATES =
      List.of(
          DateTimeFormatter.RFC_1123_DATE_TIME,
          // RFC 850, obsolete: Sunday, 06-Nov-94 08:49:37 GMT
          new DateTimeFormatterBuilder()
              .appendPattern("EEEE, dd-MMM-")
              .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
              .appendPattern(" HH:mm:ss zzz")
              .toFormatter(Locale.US),
          // asctime: Sun Nov  6 08:49:37 1994 (always GMT)
          new DateTimeFormatterBuilder()
              .appendPattern("EEE MMM ")
              .padNext(2)
              .appendValue(ChronoField.DAY_OF_MONTH)
              .appendPattern(" HH:mm:ss yyyy")
              .toFormatter(Locale.US)
              .withZone(java.time.ZoneOffset.UTC));

  private RetryAfter() {}

  /**
   * Parses the header's value.
   *
   * @param value the header's value, or null when the header is absent
   * @param clock the clock an HTTP-date is measured against
   * @return the wait: {@code 120} is two minutes; an HTTP-date is the time from {@code clock}'s now
   *     to it, zero if it has passed; waits longer than 366 days are cut to 366 days. Empty when
   *     the header is absent, negative, fractional or not understood
   * @throws IllegalArgumentException if {@code clock} is null
   */
  public static Optional<Duration> parse(String value, Clock clock) {
    Arguments.requireNonNull(clock, "clock");
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip();
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      // Longer digit strings would overflow a long; any of them is beyond LONGEST anyway.
      return Optional.of(
          text.length() > 12 ? LONGEST : min(Duration.ofSeconds(Long.parseLong(text)), LONGEST));
    }
    for (DateTimeFormatter format : HTTP_DATES) {
      try {
        Instant when = ZonedDateTime.parse(text, format).toInstant();
        Duration wait = Duration.between(clock.instant(), when);
        return Optional.of(wait.isNegative() ? Duration.ZERO : min(wait, LONGEST));
      } catch (DateTimeParseException e) {
        // Not this form; try the next one.
      }
    }
    return Optional.empty();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
