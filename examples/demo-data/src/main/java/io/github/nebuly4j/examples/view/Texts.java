package io.github.nebuly4j.examples.view;

import io.github.nebuly4j.core.MicroDollars;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write times, durations and costs for people; the JSON keeps the exact values. */
final class Texts {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final BigDecimal MINUTE = BigDecimal.valueOf(60);

  private Texts() {}

  /** An ISO-8601 instant for people, or {@code absent} when there is none. */
  static String time(String instant, String absent) {
    return instant == null ? absent : time(Instant.parse(instant));
  }

  /** An instant for people. */
  static String time(Instant instant) {
    return TIME.format(instant);
  }

  /** Exact decimal seconds for people: {@code 2.3 s}, {@code 1 min 13 s}. */
  static String seconds(String decimalSeconds) {
    BigDecimal seconds = new BigDecimal(decimalSeconds);
    if (seconds.compareTo(MINUTE) < 0) {
      return seconds.setScale(1, RoundingMode.HALF_UP).toPlainString() + " s";
    }
    BigDecimal[] minutes = seconds.setScale(0, RoundingMode.HALF_UP).divideAndRemainder(MINUTE);
    return minutes[0].toPlainString() + " min " + minutes[1].toPlainString() + " s";
  }

  /** Dollars rounded to the micro-dollar, except that a cost below half a micro-dollar is not shown as nothing. */
  static String cost(MicroDollars cost) {
    String dollars = cost.formatDollars();
    return cost.micros().signum() > 0 && new BigDecimal(dollars.substring(1)).signum() == 0 ? "< $0.000001" : dollars;
  }
}
