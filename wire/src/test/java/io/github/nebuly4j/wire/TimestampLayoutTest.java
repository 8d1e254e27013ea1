package io.github.nebuly4j.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The hand-written reader of Nebuly's usual layout must agree with the formatter, or step aside. */
class TimestampLayoutTest {

  @Test
  void agreesWithTheFormatterOnEveryVariantOfTheUsualLayout() {
    Random random = new Random(20261122);
    ZoneOffset[] offsets = {ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(2, 0), ZoneOffset.ofHoursMinutes(-5, -30),
        ZoneOffset.ofHoursMinutes(14, 0), ZoneOffset.ofHoursMinutes(-12, 0)};
    for (int i = 0; i < 5_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextInt(2_000_000_000) + 1L, random.nextInt(1_000_000_000));
      ZoneOffset offset = offsets[random.nextInt(offsets.length)];
      int fractionDigits = random.nextInt(10);
      String text = format(instant, offset, fractionDigits, random.nextBoolean() ? 'T' : ' ', random.nextInt(3));

      assertThat(common(text)).as(text).isNotNull().isEqualTo(WireValues.parseWithFormatter(text));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "2024-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z",
    "2024-01-01T00:60:00Z", "2024-01-01T00:00:60Z", "2024-01-01T00:00Z", "2024-01-01T00:00:00+02",
    "2024-01-01T00:00:00+0200", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.1234567890Z",
    "2024-01-01T00:00:00+18:00", "2024-01-01X00:00:00Z", "+12024-01-01T00:00:00Z", "2024-01-01T00:00:00ZZ",
    "２０２４-01-01T00:00:00Z"})
  void leavesAnythingUnusualToTheFormatter(String text) {
    assertThat(common(text)).isNull();
  }

  @Test
  void theFormatterStillReadsTheRareVariants() {
    assertThat(WireValues.parseWithFormatter("2024-01-01T00:00:00+02"))
        .isEqualTo(Instant.parse("2023-12-31T22:00:00Z"));
    assertThat(WireValues.parseWithFormatter("2024-01-01 00:00:00+0200"))
        .isEqualTo(Instant.parse("2023-12-31T22:00:00Z"));
    assertThat(WireValues.parseWithFormatter("2024-02-29T10:15Z")).isEqualTo(Instant.parse("2024-02-29T10:15:00Z"));
  }

  private static Instant common(String text) {
    return WireValues.parseCommonLayout(text.toCharArray(), 0, text.length());
  }

  /** Writes the instant as Python would; a UTC time gets "Z", no offset or "+00:00" by offsetStyle 0, 1 or 2. */
  private static String format(Instant instant, ZoneOffset offset, int fractionDigits, char separator, int offsetStyle) {
    OffsetDateTime local = instant.atOffset(offset);
    String pattern = "uuuu-MM-dd'" + separator + "'HH:mm:ss" + (fractionDigits == 0 ? "" : "." + "S".repeat(fractionDigits));
    String text = local.format(DateTimeFormatter.ofPattern(pattern));
    if (offset.equals(ZoneOffset.UTC)) {
      return text + (offsetStyle == 0 ? "Z" : offsetStyle == 1 ? "" : "+00:00");
    }
    return text + offset.getId();
  }
}
