package io.github.nebuly4j.examples.view;

import java.math.BigDecimal;
import java.time.Duration;

/** Exact decimal text for durations, so that JSON never rounds through a {@code double}. */
final class Decimals {
  private Decimals() {}

  /** Returns the duration in seconds, exactly, without trailing zeros: {@code 2.315}, {@code 73}. */
  static String seconds(Duration duration) {
    BigDecimal seconds =
        BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
    return seconds.signum() == 0 ? "0" : seconds.stripTrailingZeros().toPlainString();
  }
}
