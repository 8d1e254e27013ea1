package io.github.nebuly4j.wire;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The rules of Nebuly's values that need more than a JSON type: timestamps, seconds, counts and
 * decimal text. Each returns the value, or null when the input breaks the rule; the caller reports
 * what it found. None of them quotes its input.
 */
final class WireValues {
  /** A session longer than a century is a broken number, not a session. */
  static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(100L * 366 * 24 * 3600);

  /** The longest timestamp read; anything longer is not one of Python's forms. */
  private static final int MAX_TIMESTAMP_LENGTH = 64;

  /** The longest decimal text read, as Jackson bounds a JSON number. */
  private static final int MAX_DECIMAL_LENGTH = 1000;

  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  /**
   * Python's isoformat with every variant the wire document allows: 'T' (a space is turned into
   * 'T' first), 0 to 9 fraction digits, seconds optional, and an offset that is 'Z', +HH, +HHMM or
   * +HH:MM, or absent (UTC).
   */
  private static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalEnd()
          .optionalStart()
          .parseLenient()
          .appendOffset("+HH", "Z")
          .parseStrict()
          .optionalEnd()
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(java.time.chrono.IsoChronology.INSTANCE);

  private WireValues() {}

  /**
   * Reads a timestamp from {@code text[offset, offset + length)}, surrounding whitespace ignored.
   * Works on the parser's own characters, so that the usual layout costs no string.
   *
   * @return the instant, or null when the text is not one of the accepted forms
   */
  static Instant instant(char[] text, int offset, int length) {
    int from = offset;
    int to = offset + length;
    while (from < to && Character.isWhitespace(text[from])) {
      from++;
    }
    while (to > from && Character.isWhitespace(text[to - 1])) {
      to--;
    }
    if (to - from > MAX_TIMESTAMP_LENGTH) {
      return null;
    }
    Instant common = parseCommonLayout(text, from, to);
    if (common != null) {
      return common;
    }
    try {
      return parseWithFormatter(new String(text, from, to - from));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Reads the layout Nebuly writes, {@code 2024-05-30T09:27:52.420Z} with a 'T' or a space, 0 to 9
   * fraction digits and 'Z', {@code ±HH:MM} or no offset, from {@code text[from, to)}, without
   * {@link DateTimeFormatter}: the formatter costs about thirty times as much, and a conversation
   * has two timestamps per interaction. Anything else, or any doubt (an impossible date, an
   * unusual offset), returns null and is left to {@link #parseWithFormatter}, which decides.
   */
  static Instant parseCommonLayout(char[] text, int from, int to) {
    int length = to - from;
    if (length < 19
        || text[from + 4] != '-'
        || text[from + 7] != '-'
        || "Tt ".indexOf(text[from + 10]) < 0
        || text[from + 13] != ':'
        || text[from + 16] != ':') {
      return null;
    }
    int year = digits(text, from, from + 4);
    int month = digits(text, from + 5, from + 7);
    int day = digits(text, from + 8, from + 10);
    int hour = digits(text, from + 11, from + 13);
    int minute = digits(text, from + 14, from + 16);
    int second = digits(text, from + 17, from + 19);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59
        || day > YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    int index = from + 19;
    int nanos = 0;
    if (index < to && text[index] == '.') {
      int start = ++index;
      while (index < to && text[index] >= '0' && text[index] <= '9') {
        index++;
      }
      int count = index - start;
      if (count == 0 || count > 9) {
        return null;
      }
      nanos = digits(text, start, index) * POWERS_OF_TEN[9 - count];
    }
    int offsetSeconds;
    if (index == to) {
      offsetSeconds = 0;
    } else if (index + 1 == to && (text[index] == 'Z' || text[index] == 'z')) {
      offsetSeconds = 0;
    } else if (index + 6 == to && (text[index] == '+' || text[index] == '-') && text[index + 3] == ':') {
      int offsetHours = digits(text, index + 1, index + 3);
      int offsetMinutes = digits(text, index + 4, index + 6);
      if (offsetHours < 0 || offsetHours > 17 || offsetMinutes < 0 || offsetMinutes > 59) {
        return null;
      }
      offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text[index] == '-' ? -1 : 1);
    } else {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    long epochSecond = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /**
   * The general reader of every variant the wire document allows.
   *
   * @throws DateTimeParseException if {@code value} is none of them
   */
  static Instant parseWithFormatter(String value) {
    String withT =
        value.length() > 10 && value.charAt(10) == ' '
            ? value.substring(0, 10) + 'T' + value.substring(11)
            : value;
    TemporalAccessor parsed = TIMESTAMP.parseBest(withT, OffsetDateTime::from, LocalDateTime::from);
    return parsed instanceof OffsetDateTime
        ? ((OffsetDateTime) parsed).toInstant()
        : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
  }

  /** The decimal value of {@code text[from, to)}, or -1 if a character is not an ASCII digit. */
  private static int digits(char[] text, int from, int to) {
    int result = 0;
    for (int i = from; i < to; i++) {
      char c = text[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      result = result * 10 + (c - '0');
    }
    return result;
  }

  /**
   * Reads a number sent as text, such as {@code "1523.75"} (Python's {@code Decimal} is often
   * serialized so), exactly; surrounding whitespace is ignored.
   *
   * @return the number, or null when the text is not a decimal number
   */
  static BigDecimal decimal(String text) {
    String value = text.strip();
    if (value.isEmpty() || value.length() > MAX_DECIMAL_LENGTH) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Seconds to a duration, exact to the nanosecond; finer digits are rounded half-even to the
   * nanosecond.
   *
   * @return the duration, or null when {@code seconds} is negative or over a century
   */
  static Duration seconds(BigDecimal seconds) {
    if (seconds.signum() < 0 || seconds.compareTo(MAX_SECONDS) > 0) {
      return null;
    }
    // Below 0.1 ns (fewer than -9 integer digits) the value rounds to zero; skipping setScale there
    // keeps a hostile 1e-999999999 from costing a billion-digit division.
    if (seconds.precision() - seconds.scale() < -9) {
      return Duration.ZERO;
    }
    BigDecimal rounded = seconds.setScale(9, RoundingMode.HALF_EVEN);
    long whole = rounded.longValue();
    long nanos = rounded.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValueExact();
    return Duration.ofSeconds(whole, nanos);
  }

  /**
   * A count that JSON may send as {@code 3.0}.
   *
   * @return the count, or null when {@code count} is negative, has a fraction other than zero, or
   *     exceeds an {@code int}
   */
  static Integer count(BigDecimal count) {
    Long whole = whole(count, 0, Integer.MAX_VALUE);
    return whole == null ? null : whole.intValue();
  }

  /**
   * A whole number that JSON may send as {@code 3.0}, within bounds.
   *
   * @return the number, or null when {@code number} has a fraction other than zero or lies outside
   *     {@code min} to {@code max}
   */
  static Long whole(BigDecimal number, long min, long max) {
    if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      return null;
    }
    BigDecimal whole = number.stripTrailingZeros();
    return whole.scale() > 0 ? null : whole.longValueExact();
  }
}
