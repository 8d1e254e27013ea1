package io.github.nebuly4j.bench.stability;

import java.time.Duration;
import java.util.Locale;

/** Durations as the command line and the report write them: {@code 250ms}, {@code 2s}, {@code 30m}. */
final class Durations {
  private Durations() {}

  /**
   * Reads {@code <number><unit>} with unit {@code ms}, {@code s}, {@code m} or {@code h}.
   *
   * @throws IllegalArgumentException naming the text if it is not such a duration
   */
  static Duration parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    int unit = 0;
    while (unit < value.length() && Character.isDigit(value.charAt(unit))) {
      unit++;
    }
    if (unit == 0 || unit == value.length()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration such as 250ms, 2s or 30m");
    }
    long amount = Long.parseLong(value.substring(0, unit));
    return switch (value.substring(unit)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> throw new IllegalArgumentException("'" + text + "' is not a duration such as 250ms, 2s or 30m");
    };
  }

  /** Writes whole seconds as {@code 2s}, anything else in milliseconds. */
  static String format(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
  }
}
