package io.github.nebuly4j.core;

import io.github.nebuly4j.core.spi.Arguments;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact, non-negative amount of money in micro-dollars (1 USD = 1,000,000 micro-dollars), the
 * unit in which Nebuly reports costs.
 *
 * <p>The amount is a {@link BigDecimal} and never passes through {@code double}: {@code 0.1 + 0.2}
 * micro-dollars is exactly {@code 0.3}. Two amounts are equal when they have the same value, whatever
 * their scale ({@code 1.50} equals {@code 1.5}).
 */
public final class MicroDollars implements Comparable<MicroDollars> {
  /** Zero micro-dollars. */
  public static final MicroDollars ZERO = new MicroDollars(BigDecimal.ZERO);

  /** Digits allowed left of the decimal point: a quintillion dollars is no real cost. */
  static final int MAX_INTEGER_DIGITS = 24;

  /** Digits allowed right of the decimal point: finer than a yocto-dollar is noise. */
  static final int MAX_FRACTION_DIGITS = 18;

  private static final int MICROS_PER_DOLLAR_EXPONENT = 6;

  private final BigDecimal micros;

  private MicroDollars(BigDecimal micros) {
    this.micros = micros;
  }

  /**
   * Returns the given number of micro-dollars.
   *
   * @param micros the amount in micro-dollars
   * @return the amount
   * @throws IllegalArgumentException if {@code micros} is null, negative, or absurdly large or fine
   */
  public static MicroDollars ofMicros(BigDecimal micros) {
    Arguments.requireNonNull(micros, "micros");
    if (micros.signum() < 0) {
      throw new IllegalArgumentException("a cost must not be negative, got " + micros.toPlainString());
    }
    BigDecimal normalized = micros.signum() == 0 ? BigDecimal.ZERO : micros.stripTrailingZeros();
    if (normalized.precision() - normalized.scale() > MAX_INTEGER_DIGITS) {
      throw new IllegalArgumentException(
          "a cost must have at most " + MAX_INTEGER_DIGITS + " integer digits of micro-dollars");
    }
    if (normalized.scale() > MAX_FRACTION_DIGITS) {
      throw new IllegalArgumentException(
          "a cost must have at most " + MAX_FRACTION_DIGITS + " fraction digits of micro-dollars");
    }
    return normalized.signum() == 0 ? ZERO : new MicroDollars(normalized);
  }

  /**
   * Returns the given whole number of micro-dollars.
   *
   * @param micros the amount in micro-dollars
   * @return the amount
   * @throws IllegalArgumentException if {@code micros} is negative
   */
  public static MicroDollars ofMicros(long micros) {
    return ofMicros(BigDecimal.valueOf(micros));
  }

  /**
   * Parses a decimal number of micro-dollars, such as {@code "1523.75"} or {@code "1.5e3"}.
   *
   * @param micros the decimal text
   * @return the amount
   * @throws IllegalArgumentException if the text is null, not a decimal number, or out of range
   */
  public static MicroDollars parse(String micros) {
    Arguments.requireNonNull(micros, "micros");
    if (micros.length() > 64) {
      throw new IllegalArgumentException("a cost must be at most 64 characters long");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(micros.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a decimal number of micro-dollars: '" + micros + "'", e);
    }
    return ofMicros(value);
  }

  /**
   * Returns the amount worth the given number of dollars.
   *
   * @param dollars the amount in US dollars
   * @return the amount
   * @throws IllegalArgumentException if {@code dollars} is null, negative or out of range
   */
  public static MicroDollars ofDollars(BigDecimal dollars) {
    Arguments.requireNonNull(dollars, "dollars");
    return ofMicros(dollars.movePointRight(MICROS_PER_DOLLAR_EXPONENT));
  }

  /**
   * Returns the sum of the given amounts, exactly.
   *
   * @param amounts the amounts; none of them null
   * @return their sum, {@link #ZERO} when there are none
   * @throws IllegalArgumentException if {@code amounts} or one of them is null
   */
  public static MicroDollars sum(Iterable<MicroDollars> amounts) {
    Arguments.requireNonNull(amounts, "amounts");
    MicroDollars total = ZERO;
    for (MicroDollars amount : amounts) {
      total = total.plus(amount);
    }
    return total;
  }

  /**
   * Returns this amount plus another, exactly.
   *
   * @param other the amount to add
   * @return the sum
   * @throws IllegalArgumentException if {@code other} is null
   */
  public MicroDollars plus(MicroDollars other) {
    Arguments.requireNonNull(other, "other");
    return ofMicros(micros.add(other.micros));
  }

  /**
   * Returns the amount in micro-dollars, exactly, without trailing zeros.
   *
   * @return the amount in micro-dollars
   */
  public BigDecimal micros() {
    return micros;
  }

  /**
   * Returns the amount in US dollars, exactly: {@code 1523.75} micro-dollars are {@code
   * 0.00152375} dollars.
   *
   * @return the amount in dollars
   */
  public BigDecimal toDollars() {
    return micros.movePointLeft(MICROS_PER_DOLLAR_EXPONENT);
  }

  /**
   * Formats the amount for people, in dollars rounded half-even to the whole micro-dollar and with
   * at least two decimals: {@code $0.001524}, {@code $1.50}, {@code $0.00}.
   *
   * @return the formatted amount
   */
  public String formatDollars() {
    BigDecimal dollars = toDollars().setScale(MICROS_PER_DOLLAR_EXPONENT, RoundingMode.HALF_EVEN);
    BigDecimal trimmed = dollars.stripTrailingZeros();
    if (trimmed.scale() < 2) {
      trimmed = trimmed.setScale(2, RoundingMode.UNNECESSARY);
    }
    return "$" + trimmed.toPlainString();
  }

  @Override
  public int compareTo(MicroDollars other) {
    return micros.compareTo(other.micros);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MicroDollars && micros.equals(((MicroDollars) other).micros);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(micros);
  }

  /** Returns the exact amount with its unit, such as {@code 1523.75 µUSD}. */
  @Override
  public String toString() {
    return micros.toPlainString() + " µUSD";
  }
}
