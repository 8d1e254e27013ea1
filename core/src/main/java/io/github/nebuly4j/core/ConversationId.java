package io.github.nebuly4j.core;

/**
 * The id of one conversation (a session of interactions): an opaque string, in practice a UUID.
 *
 * <p>Valid when it is not blank, has at most 256 characters, contains no control characters or
 * unpaired surrogates, and is not {@code .} or {@code ..}. Any other character is allowed: an
 * adapter percent-encodes the id, so {@code a/b} or {@code ../x} always reaches Nebuly as one value.
 *
 * @param value the id as Nebuly writes it
 */
public record ConversationId(String value) {
  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException naming the rule the value breaks
   */
  public ConversationId {
    OpaqueIds.validate("ConversationId", value);
  }

  /**
   * Returns the id with the given value.
   *
   * @param value the id as Nebuly writes it
   * @return the id
   * @throws IllegalArgumentException naming the rule the value breaks
   */
  public static ConversationId of(String value) {
    return new ConversationId(value);
  }

  /** Returns the id itself, so that the id reads naturally in messages and templates. */
  @Override
  public String toString() {
    return value;
  }
}
