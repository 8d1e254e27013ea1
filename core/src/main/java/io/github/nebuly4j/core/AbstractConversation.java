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
 * <p>Only the id and the interactions are certain; every other field is an {@link Optional}, and a
 * name-to-value object or a list that Nebuly did not send is an empty map or list. Maps keep
 * Nebuly's order. A field that Nebuly sent in a form that could not be read is absent here and
 * listed in {@link #omissions()}: the conversation still arrives, and says what it lacks.
 */
@Value.Immutable
abstract class AbstractConversation {

  /**
   * The conversation's id: the one that was asked for. (The top-level {@code id} of Nebuly's
   * document is described by Nebuly as an interaction's id, so a reader does not rely on it.)
   */
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
   * The fields Nebuly sent that could not be read and were left out, each with its path and why.
   *
   * @return the omissions, empty when every field was read
   */
  public abstract List<Omission> omissions();

  /**
   * Tells whether every field Nebuly sent was read.
   *
   * @return true when {@link #omissions()} is empty
   */
  public boolean isComplete() {
    return omissions().isEmpty();
  }

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
    ValueChecks.notNegative("sessionLength", sessionLength());
    ValueChecks.notNegative("sessionTime", sessionTime());
  }
}
