package io.github.nebuly4j.core;

import io.github.nebuly4j.core.spi.Arguments;

/**
 * A field that Nebuly sent but that could not be read, and that was left out of a {@link
 * Conversation} instead of failing the whole call: an object where a text was expected, a date
 * that is not a date, a negative cost. The rest of the conversation is intact; the field reads as
 * absent (an empty {@code Optional}, a missing entry).
 *
 * @param field the field's path in Nebuly's document, such as {@code conversation[3].end_timestamp}
 *     or {@code tags.channel}
 * @param reason what was expected and what was found, in plain words, such as {@code expected a
 *     date-time, found the text "yesterday"}
 */
public record Omission(String field, String reason) {
  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if an argument is null or blank
   */
  public Omission {
    Arguments.requireNonNull(field, "field");
    Arguments.requireNonNull(reason, "reason");
    if (field.isBlank() || reason.isBlank()) {
      throw new IllegalArgumentException("an omission needs a field and a reason");
    }
  }

  /** Returns the omission as {@code conversation[3].end_timestamp: expected …, found …}. */
  @Override
  public String toString() {
    return field + ": " + reason;
  }
}
