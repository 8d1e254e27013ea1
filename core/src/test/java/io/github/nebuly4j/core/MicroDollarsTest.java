package io.github.nebuly4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicroDollarsTest {

  @Test
  void sumsAreExact() {
    MicroDollars sum = MicroDollars.parse("0.1").plus(MicroDollars.parse("0.2"));
    assertThat(sum).isEqualTo(MicroDollars.parse("0.3"));
    assertThat(sum.micros()).isEqualByComparingTo("0.3");
    // What double arithmetic would have produced, to show the difference matters.
    assertThat(sum.micros()).isNotEqualByComparingTo(new BigDecimal(0.1 + 0.2));
  }

  @Test
  void sumOfManyAmountsIsExact() {
    List<MicroDollars> tenths = Collections.nCopies(1_000, MicroDollars.parse("0.1"));
    assertThat(MicroDollars.sum(tenths)).isEqualTo(MicroDollars.ofMicros(100));
    assertThat(MicroDollars.sum(List.of())).isEqualTo(MicroDollars.ZERO);
  }

  @Test
  void convertsToDollarsExactly() {
    assertThat(MicroDollars.parse("1523.75").toDollars()).isEqualByComparingTo("0.00152375");
    assertThat(MicroDollars.ofMicros(1_000_000).toDollars()).isEqualByComparingTo("1");
    assertThat(MicroDollars.ofDollars(new BigDecimal("0.00152375"))).isEqualTo(MicroDollars.parse("1523.75"));
    assertThat(MicroDollars.ofDollars(new BigDecimal("2.5")).micros()).isEqualByComparingTo("2500000");
  }

  @Test
  void formatsDollarsForPeople() {
    assertThat(MicroDollars.parse("1523.75").formatDollars()).isEqualTo("$0.001524");
    assertThat(MicroDollars.parse("1523.25").formatDollars()).isEqualTo("$0.001523");
    assertThat(MicroDollars.parse("1523.5").formatDollars()).isEqualTo("$0.001524");
    assertThat(MicroDollars.parse("1522.5").formatDollars()).isEqualTo("$0.001522");
    assertThat(MicroDollars.ofMicros(1_500_000).formatDollars()).isEqualTo("$1.50");
    assertThat(MicroDollars.ofMicros(12_000_000).formatDollars()).isEqualTo("$12.00");
    assertThat(MicroDollars.ZERO.formatDollars()).isEqualTo("$0.00");
    assertThat(MicroDollars.parse("0.4").formatDollars()).isEqualTo("$0.00");
    assertThat(MicroDollars.ofMicros(123_456_789_012L).formatDollars()).isEqualTo("$123456.789012");
  }

  @Test
  void equalityIgnoresScaleAndOrdersByValue() {
    assertThat(MicroDollars.parse("1.50")).isEqualTo(MicroDollars.parse("1.5"));
    assertThat(MicroDollars.parse("1.50").hashCode()).isEqualTo(MicroDollars.parse("1.5").hashCode());
    assertThat(MicroDollars.parse("1e3")).isEqualTo(MicroDollars.ofMicros(1000));
    assertThat(MicroDollars.parse("0.000")).isSameAs(MicroDollars.ZERO);
    assertThat(MicroDollars.parse("2")).isGreaterThan(MicroDollars.parse("1.999999"));
    assertThat(MicroDollars.parse("2")).isNotEqualTo("2");
  }

  @Test
  void toStringShowsTheExactAmountAndUnit() {
    assertThat(MicroDollars.parse("1523.750")).hasToString("1523.75 µUSD");
    assertThat(MicroDollars.parse("1e3")).hasToString("1000 µUSD");
  }

  @Test
  void rejectsBadInputWithClearMessages() {
    assertThatThrownBy(() -> MicroDollars.parse("-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a cost must not be negative, got -1");
    assertThatThrownBy(() -> MicroDollars.parse("abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a decimal number of micro-dollars: 'abc'");
    assertThatThrownBy(() -> MicroDollars.parse(null)).hasMessage("micros must not be null");
    assertThatThrownBy(() -> MicroDollars.ofMicros((BigDecimal) null)).hasMessage("micros must not be null");
    assertThatThrownBy(() -> MicroDollars.ofDollars(null)).hasMessage("dollars must not be null");
    assertThatThrownBy(() -> MicroDollars.ZERO.plus(null)).hasMessage("other must not be null");
    assertThatThrownBy(() -> MicroDollars.sum(null)).hasMessage("amounts must not be null");
    assertThatThrownBy(() -> MicroDollars.parse("1e999999999"))
        .hasMessage("a cost must have at most 24 integer digits of micro-dollars");
    assertThatThrownBy(() -> MicroDollars.parse("1e-19"))
        .hasMessage("a cost must have at most 18 fraction digits of micro-dollars");
    assertThatThrownBy(() -> MicroDollars.parse("1".repeat(65)))
        .hasMessage("a cost must be at most 64 characters long");
  }
}
