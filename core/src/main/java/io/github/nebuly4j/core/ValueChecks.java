package io.github.nebuly4j.core;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The range checks of the value types, one message for each rule wherever it applies. */
final class ValueChecks {
  private ValueChecks() {}

  static void notNegative(String name, OptionalInt count) {
    if (count.isPresent() && count.getAsInt() < 0) {
      throw new IllegalArgumentException(name + " must not be negative, got " + count.getAsInt());
    }
  }

  static void notNegative(String name, Optional<Duration> duration) {
    if (duration.isPresent() && duration.get().isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + duration.get());
    }
  }

  static void notNegative(String name, Map<String, Integer> counts) {
    counts.forEach(
        (key, count) -> {
          if (count < 0) {
            throw new IllegalArgumentException(
                name + "['" + key + "'] must not be negative, got " + count);
          }
        });
  }

  static void finite(String name, OptionalDouble number) {
    if (number.isPresent() && !Double.isFinite(number.getAsDouble())) {
      throw new IllegalArgumentException(name + " must be a finite number, got " + number.getAsDouble());
    }
  }
}
