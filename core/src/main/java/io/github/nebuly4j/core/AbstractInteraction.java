package io.github.nebuly4j.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One interaction of a conversation: a user's input and the assistant's output, with what Nebuly
 * detected in it. Build one with {@code Interaction.builder()}.
 */
@Value.Immutable
abstract class AbstractInteraction {

  /** The interaction's id. */
  public abstract InteractionId id();

  /** The user's input text. */
  public abstract String input();

  /** The assistant's output text. */
  public abstract String output();

  /** When the interaction started. */
  public abstract Instant timestamp();

  /** When the interaction ended. */
  public abstract Instant endTimestamp();

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
   * @return the interaction's duration
   */
  public Duration duration() {
    return Duration.between(timestamp(), endTimestamp());
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
