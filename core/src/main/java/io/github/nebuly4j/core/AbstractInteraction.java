package io.github.nebuly4j.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One interaction of a conversation: a user's input and the assistant's output, with what Nebuly
 * detected in it. Build one with {@code Interaction.builder()}.
 *
 * <p>Only the id is required. Every other field is an {@link Optional}: Nebuly may report an
 * interaction that is still in progress (no output, no end yet) or leave a field out, and one
 * missing field must not cost the rest of the interaction, let alone the conversation. Each
 * accessor states how an adapter reads its field of an element of the document's {@code
 * conversation} array (the project's {@code docs/wire-protocol.md} has the whole table): a field
 * Nebuly sent {@code null} or left out is absent; one of another JSON type, or outside its rule, is
 * absent too and listed in {@link Conversation#omissions()} as {@code conversation[i].field}.
 *
 * <p>"Free text" below means: a JSON string, kept as it is (an empty one too), or a number or
 * boolean, kept as its JSON text ({@code 1.10} stays {@code "1.10"}, {@code true} becomes {@code
 * "true"}); an object or an array is omitted.
 */
@Value.Immutable
abstract class AbstractInteraction {

  /**
   * The interaction's id, from {@code id}: free text that is a valid {@link InteractionId}.
   * Required: an interaction without one could not be linked to or told apart, so an id that is
   * null, absent, blank, not a valid id, an object or an array fails the call with {@code
   * MalformedResponse} naming {@code conversation[i].id}.
   */
  public abstract InteractionId id();

  /**
   * The user's input text, from {@code input}: free text; empty when Nebuly reported none (an
   * interaction may be recorded before its input is stored, or the input may have been withheld).
   */
  public abstract Optional<String> input();

  /**
   * The assistant's output text, from {@code output}: free text; empty when Nebuly reported none,
   * as for an unanswered input.
   */
  public abstract Optional<String> output();

  /**
   * When the interaction started, from {@code timestamp}: a JSON string in one of Python's ISO-8601
   * forms ({@code Z}, a numeric offset, or none meaning UTC; 0 to 9 fraction digits; {@code T} or a
   * space). Empty when Nebuly did not report it; any other text, a number (no unit is known for
   * it) or any other type is omitted.
   */
  public abstract Optional<Instant> timestamp();

  /**
   * When the interaction ended, from {@code end_timestamp}, read like {@link #timestamp()}; empty
   * when Nebuly did not report it, as for an interaction still in progress or one it never closed.
   */
  public abstract Optional<Instant> endTimestamp();

  /** The user query Nebuly extracted from the input, from {@code user_query}: free text, if any. */
  public abstract Optional<String> userQuery();

  /** The topic Nebuly assigned, from {@code topic}: free text, if any. */
  public abstract Optional<String> topic();

  /** The sentiment Nebuly detected, from {@code sentiment}: free text, if any. */
  public abstract Optional<String> sentiment();

  /** The type of risk Nebuly detected, from {@code type_of_risk}: free text, if any. */
  public abstract Optional<String> typeOfRisk();

  /** The moderation issue Nebuly detected, from {@code moderation_issue}: free text, if any. */
  public abstract Optional<String> moderationIssue();

  /** The business issue Nebuly detected, from {@code business_issue}: free text, if any. */
  public abstract Optional<String> businessIssue();

  /**
   * Returns how long the interaction took: {@link #endTimestamp()} minus {@link #timestamp()}, as
   * Nebuly recorded them (negative if Nebuly recorded an end before the start).
   *
   * @return the duration, or empty when either end of it is unknown
   */
  public Optional<Duration> duration() {
    Optional<Instant> start = timestamp();
    Optional<Instant> end = endTimestamp();
    return start.isPresent() && end.isPresent()
        ? Optional.of(Duration.between(start.get(), end.get()))
        : Optional.empty();
  }

  /**
   * Tells whether Nebuly flagged anything in this interaction: a risk, a moderation issue or a
   * business issue.
   *
   * @return true when at least one issue is present
   */
  public boolean hasIssue() {
    return typeOfRisk().isPresent() || moderationIssue().isPresent() || businessIssue().isPresent();
  }
}
