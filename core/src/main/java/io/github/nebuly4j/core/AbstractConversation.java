package io.github.nebuly4j.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One conversation as Nebuly's "get conversation details" reports it: session figures, cost,
 * tags, emotions, custom aggregates and its interactions in order. Build one with {@code
 * Conversation.builder()}.
 *
 * <p>Every field Nebuly documents as nullable is an {@link Optional} here; a null name-to-value
 * object or list on the wire is an empty map or list. Maps keep Nebuly's order.
 */
@Value.Immutable
abstract class AbstractConversation {

  /** The conversation's id. */
  public abstract ConversationId id();

  /** The number of interactions Nebuly counted in the session, if reported. */
  public abstract OptionalInt sessionLength();

  /** Time from the start of the first interaction to the end of the last, if reported. */
  public abstract Optional<Duration> sessionTime();

  /** When the first interaction started, if reported. */
  public abstract Optional<Instant> startSession();

  /** When the last interaction ended, if reported. */
  public abstract Optional<Instant> endSession();

  /** What the conversation cost, exactly, if reported. */
  public abstract Optional<MicroDollars> cost();

  /** Tag name to tag value. */
  public abstract Map<String, String> tags();

  /** The emotions Nebuly detected, in Nebuly's order. */
  public abstract List<String> emotions();

  /** Custom aggregate name to value. */
  public abstract Map<String, String> customAggregates();

  /** The interactions, in Nebuly's order (the conversation's order). */
  public abstract List<Interaction> interactions();

  /**
   * Returns the cost in US dollars, exactly.
   *
   * @return the cost in dollars, if reported
   */
  public Optional<BigDecimal> costInDollars() {
    return cost().map(MicroDollars::toDollars);
  }

  @Value.Check
  void check() {
    if (sessionLength().isPresent() && sessionLength().getAsInt() < 0) {
      throw new IllegalArgumentException(
          "sessionLength must not be negative, got " + sessionLength().getAsInt());
    }
    if (sessionTime().isPresent() && sessionTime().get().isNegative()) {
      throw new IllegalArgumentException("sessionTime must not be negative, got " + sessionTime().get());
    }
  }
}
