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
 * missing field must not cost the rest of the interaction, let alone the conversation. An adapter
 * reads a field that Nebuly sent {@code null}, left out, or sent in a form that cannot be read, as
 * absent; the last case is also recorded in {@link Conversation#omissions()}.
 */
@Value.Immutable
abstract class AbstractInteraction {

  /**
   * The interaction's id. Required: an interaction without one could not be linked to or told
   * apart, so an answer that lacks it fails with {@code MalformedResponse}.
   */
  public abstract InteractionId id();

  /**
   * The user's input text; empty when Nebuly reported none (an interaction may be recorded before
   * its input is stored, or the input may have been withheld).
   */
  public abstract Optional<String> input();

  /** The assistant's output text; empty when Nebuly reported none, as for an unanswered input. */
  public abstract Optional<String> output();

  /** When the interaction started; empty when Nebuly did not report it. */
  public abstract Optional<Instant> timestamp();

  /**
   * When the interaction ended; empty when Nebuly did not report it, as for an interaction still
   * in progress or one it never closed.
   */
  public abstract Optional<Instant> endTimestamp();

  /** The user query Nebuly extracted from the input, if any. */
  public abstract Optional<String> userQuery();

  /** The topic Nebuly assigned, if any. */
  public abstract Optional<String> topic();

  /** The sentiment Nebuly detected, if any. */
  public abstract Optional<String> sentiment();

  /** The type of risk Nebuly detected, if any. */
  public abstract Optional<String> typeOfRisk();

  /** The moderation issue Nebuly detected, if any. */
  public abstract Optional<String> moderationIssue();

  /** The business issue Nebuly detected, if any. */
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
