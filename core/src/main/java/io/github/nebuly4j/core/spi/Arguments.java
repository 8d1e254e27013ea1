package io.github.nebuly4j.core.spi;

/**
 * The argument check of every nebuly4j module, public for the modules and for anyone implementing
 * nebuly4j's ports, whose contracts ask for the same behaviour.
 *
 * <p>nebuly4j reports a missing argument as an {@link IllegalArgumentException} naming it, so that a
 * caller never has to tell a bug of ours from a bug of theirs by reading a bare {@link
 * NullPointerException}.
 */
public final class Arguments {
  private Arguments() {}

  /**
   * Returns {@code value}, or throws when it is null.
   *
   * @param value the argument
   * @param name the argument's name, for the message
   * @param <T> the argument's type
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is null
   */
  public static <T> T requireNonNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }
}
