package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.MicroDollars;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The lenient decoders of WIRE.md's values. Each throws {@link FieldProblem} naming the field, and
 * never echoes a text value from the server (it could hold anything, even the API key).
 */
final class WireValues {
  /** A session longer than a century is a broken number, not a session. */
  static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(100L * 366 * 24 * 3600);

  private static final int MAX_TIMESTAMP_LENGTH = 64;

  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  /**
   * Python's isoformat with every variant WIRE.md asks for: 'T' (a space is turned into 'T'
   * first), 0 to 9 fraction digits, seconds optional, and an offset that is 'Z', +HH, +HHMM or
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

  static String required(String field, String value) {
    if (value == null) {
      throw new FieldProblem(field, "is missing");
    }
    return value;
  }

  static Instant requiredInstant(String field, String text) {
    return instant(field, required(field, text));
  }

  static Optional<Instant> optionalInstant(String field, String text) {
    return text == null ? Optional.empty() : Optional.of(instant(field, text));
  }

  private static Instant instant(String field, String text) {
    String value = text.strip();
    if (value.length() > MAX_TIMESTAMP_LENGTH) {
      throw new FieldProblem(field, "is not an ISO-8601 date-time (" + value.length() + " characters)");
    }
    Instant common = parseCommonLayout(value);
    if (common != null) {
      return common;
    }
    try {
      return parseWithFormatter(value);
    } catch (DateTimeParseException e) {
      throw new FieldProblem(field, "is not an ISO-8601 date-time");
    }
  }

  /**
   * Reads the layout Nebuly writes, {@code 2024-05-30T09:27:52.420Z} with a 'T' or a space, 0 to 9
   * fraction digits and 'Z', {@code ±HH:MM} or no offset, without {@link DateTimeFormatter}: the
   * formatter costs about thirty times as much, and a conversation has two timestamps per
   * interaction. Anything else, or any doubt (an impossible date, an unusual offset), returns null
   * and is left to {@link #parseWithFormatter}, which decides.
   */
  static Instant parseCommonLayout(String value) {
    int length = value.length();
    if (length < 19
        || value.charAt(4) != '-'
        || value.charAt(7) != '-'
        || "Tt ".indexOf(value.charAt(10)) < 0
        || value.charAt(13) != ':'
        || value.charAt(16) != ':') {
      return null;
    }
    int year = digits(value, 0, 4);
    int month = digits(value, 5, 7);
    int day = digits(value, 8, 10);
    int hour = digits(value, 11, 13);
    int minute = digits(value, 14, 16);
    int second = digits(value, 17, 19);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59
        || day > YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    int index = 19;
    int nanos = 0;
    if (index < length && value.charAt(index) == '.') {
      int start = ++index;
      while (index < length && value.charAt(index) >= '0' && value.charAt(index) <= '9') {
        index++;
      }
      int count = index - start;
      if (count == 0 || count > 9) {
        return null;
      }
      nanos = digits(value, start, index) * POWERS_OF_TEN[9 - count];
    }
    int offsetSeconds;
    if (index == length) {
      offsetSeconds = 0;
    } else if (index + 1 == length && (value.charAt(index) == 'Z' || value.charAt(index) == 'z')) {
      offsetSeconds = 0;
    } else if (index + 6 == length
        && (value.charAt(index) == '+' || value.charAt(index) == '-')
        && value.charAt(index + 3) == ':') {
      int offsetHours = digits(value, index + 1, index + 3);
      int offsetMinutes = digits(value, index + 4, index + 6);
      if (offsetHours < 0 || offsetHours > 17 || offsetMinutes < 0 || offsetMinutes > 59) {
        return null;
      }
      offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (value.charAt(index) == '-' ? -1 : 1);
    } else {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    long epochSecond = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /** The general reader of every variant WIRE.md allows. */
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

  /** The decimal value of {@code value[from, to)}, or -1 if a character is not an ASCII digit. */
  private static int digits(String value, int from, int to) {
    int result = 0;
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      result = result * 10 + (c - '0');
    }
    return result;
  }

  /**
   * Seconds to a duration, exact to the nanosecond; finer digits are rounded half-even to the
   * nanosecond. Negative and absurd values (over a century) are rejected.
   */
  static Optional<Duration> seconds(String field, BigDecimal seconds) {
    if (seconds == null) {
      return Optional.empty();
    }
    if (seconds.signum() < 0) {
      throw new FieldProblem(field, "must not be negative, got " + seconds);
    }
    if (seconds.compareTo(MAX_SECONDS) > 0) {
      throw new FieldProblem(field, "is absurdly large: " + seconds);
    }
    // Below 0.1 ns (fewer than -9 integer digits) the value rounds to zero; skipping setScale there
    // keeps a hostile 1e-999999999 from costing a billion-digit division.
    if (seconds.precision() - seconds.scale() < -9) {
      return Optional.of(Duration.ZERO);
    }
    BigDecimal rounded = seconds.setScale(9, RoundingMode.HALF_EVEN);
    long whole = rounded.longValue();
    long nanos = rounded.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValueExact();
    return Optional.of(Duration.ofSeconds(whole, nanos));
  }

  /** A count that JSON may send as {@code 3.0}: a fraction other than zero is malformed. */
  static OptionalInt count(String field, BigDecimal count) {
    if (count == null) {
      return OptionalInt.empty();
    }
    if (count.signum() < 0) {
      throw new FieldProblem(field, "must not be negative, got " + count);
    }
    if (count.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw new FieldProblem(field, "is too large for a count: " + count);
    }
    BigDecimal whole = count.stripTrailingZeros();
    if (whole.scale() > 0) {
      throw new FieldProblem(field, "must be a whole number, got " + count);
    }
    return OptionalInt.of(whole.intValueExact());
  }

  static Optional<MicroDollars> micros(String field, BigDecimal micros) {
    if (micros == null) {
      return Optional.empty();
    }
    if (micros.signum() < 0) {
      // Checked here so that the message prints the number in scientific form: the plain form of
      // -1e999999999 would be a billion characters.
      throw new FieldProblem(field, "must not be negative, got " + micros);
    }
    try {
      return Optional.of(MicroDollars.ofMicros(micros));
    } catch (IllegalArgumentException e) {
      throw new FieldProblem(field, "is not a valid cost: " + e.getMessage());
    }
  }

  /** A null or absent object is empty; an entry with a null value is dropped. Order is kept. */
  static Map<String, String> entries(Map<String, String> entries) {
    if (entries == null) {
      return Map.of();
    }
    Map<String, String> kept = new LinkedHashMap<>();
    entries.forEach(
        (key, value) -> {
          if (key != null && value != null) {
            kept.put(key, value);
          }
        });
    return Collections.unmodifiableMap(kept);
  }

  /** A null or absent list is empty; a null element is dropped. Order is kept. */
  static List<String> elements(List<String> elements) {
    if (elements == null) {
      return List.of();
    }
    List<String> kept = new ArrayList<>(elements.size());
    for (String element : elements) {
      if (element != null) {
        kept.add(element);
      }
    }
    return List.copyOf(kept);
  }
}
