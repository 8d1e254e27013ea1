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
 * Nebuly's order. Each accessor states how an adapter reads its field of the document (the
 * project's {@code docs/wire-protocol.md} has the whole table): a field Nebuly sent {@code null} or
 * left out is absent; one of another JSON type, or outside its rule, is absent too and listed in
 * {@link #omissions()}: the conversation still arrives, and says what it lacks.
 */
@Value.Immutable
abstract class AbstractConversation {

  /**
   * The conversation's id: the one that was asked for. The top-level {@code id} of Nebuly's
   * document is not read (Nebuly's own page describes it as an interaction's id): whatever it holds,
   * or its absence, changes nothing.
   */
  public abstract ConversationId id();

  /**
   * The number of interactions Nebuly counted in the session, from {@code session_length}: a whole
   * number from 0 to {@link Integer#MAX_VALUE}, which may be written {@code 3.0}, or such a number
   * as text ({@code "3"}). Empty when null or absent; a fraction, a negative or too large number,
   * other text or another type is omitted.
   */
  public abstract OptionalInt sessionLength();

  /**
   * Time from the start of the first interaction to the end of the last, from {@code session_time}:
   * seconds, a number or a decimal number as text, exact to the nanosecond (finer digits are rounded
   * half-even). Empty when null or absent; a negative value, one over a century, other text or
   * another type is omitted.
   */
  public abstract Optional<Duration> sessionTime();

  /**
   * When the first interaction started, from {@code start_session}: a JSON string in one of
   * Python's ISO-8601 forms ({@code Z}, a numeric offset, or none meaning UTC; 0 to 9 fraction
   * digits; {@code T} or a space). Empty when null or absent; other text, a number or another type
   * is omitted.
   */
  public abstract Optional<Instant> startSession();

  /** When the last interaction ended, from {@code end_session}, read like {@link #startSession()}. */
  public abstract Optional<Instant> endSession();

  /**
   * What the conversation cost, from {@code cost}: micro-dollars, a number or a decimal number as
   * text, read exactly (never through {@code double}). Empty when null or absent; a negative value,
   * one beyond {@link MicroDollars}' digits, NaN, other text or another type is omitted.
   */
  public abstract Optional<MicroDollars> cost();

  /**
   * Tag name to tag value, from {@code tags}: an object whose values are free text (a string, or a
   * number or boolean kept as its JSON text). A null value drops its entry; an object or array value
   * drops it and is omitted as {@code tags.name}. Empty when {@code tags} is null or absent; another
   * type is omitted.
   */
  public abstract Map<String, String> tags();

  /**
   * The emotions Nebuly detected, in Nebuly's order, from {@code emotions}: an array of free texts.
   * A null element is dropped; an object or array element is dropped and omitted as {@code
   * emotions[i]}. Empty when {@code emotions} is null or absent; another type is omitted.
   */
  public abstract List<String> emotions();

  /** Custom aggregate name to value, from {@code custom_aggregates}, read like {@link #tags()}. */
  public abstract Map<String, String> customAggregates();

  /**
   * The interactions, in Nebuly's order (the conversation's order), from {@code conversation}.
   * Required, since a conversation's detail without its interactions would be a wrong value: when
   * {@code conversation} is null, absent or not an array, or one of its elements is not an object,
   * the call fails with {@code MalformedResponse} naming it ({@code conversation}, {@code
   * conversation[3]}). An empty array is a conversation without interactions.
   */
  public abstract List<Interaction> interactions();

  /**
   * The fields Nebuly sent that could not be read and were left out, each with its path (such as
   * {@code conversation[3].end_timestamp} or {@code tags.channel}) and, in plain words, what was
   * expected and what was found, in the order they appear in the document. Never holds the API key.
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
