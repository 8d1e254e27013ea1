package io.github.nebuly4j.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("1994-11-06T08:49:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @CsvSource(
      delimiterString = "|",
      value = {
        "0 | PT0S",
        "120 | PT2M",
        "' 5 ' | PT5S",
        "Sun, 06 Nov 1994 08:49:37 GMT | PT37S",
        "Sunday, 06-Nov-94 08:49:37 GMT | PT37S",
        "Sun Nov  6 08:49:37 1994 | PT37S",
        "Sun, 06 Nov 1994 08:00:00 GMT | PT0S",
        "99999999999999999999999 | PT8784H",
        "31622401 | PT8784H"
      })
  void parsesSecondsAndEveryHttpDateForm(String header, String expected) {
    assertThat(RetryAfter.parse(header, NOW)).contains(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "-1", "1.5", "+5", "soon", "Sun, 06 Nov 1994 25:49:37 GMT", "0x10"})
  void garbageIsAbsent(String header) {
    assertThat(RetryAfter.parse(header, NOW)).isEmpty();
  }

  @Test
  void absentIsAbsentAndTheClockIsRequired() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThatThrownBy(() -> RetryAfter.parse("1", null)).isInstanceOf(IllegalArgumentException.class);
  }
}
