package io.github.nebuly4j.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One row of an interaction search ({@code POST /get-interactions}): an interaction with what
 * Nebuly reports about it in a listing. Build one with {@code InteractionSummary.builder()}.
 *
 * <p>Only the id is required. Nebuly's documentation names a short set of row fields ({@code id},
 * {@code input_text}, {@code output_text}, {@code user_query}, {@code end_user}, {@code timestamp})
 * in one form and a longer set in another, and says of none that it is always sent, so every other
 * field is an {@link Optional}, an empty list or an empty map when Nebuly did not send it. A field that Nebuly sent in a form that could not be
 * read is absent here and listed in {@link #omissions()}: one odd field never costs the row, let
 * alone the page. To read the whole conversation, pass {@link #conversationId()} to {@link
 * ConversationRepository#findById(ConversationId)}.
 */
@Value.Immutable
abstract class AbstractInteractionSummary {

  /** The interaction's id; required, so that the row can be linked to and told apart. */
  public abstract InteractionId id();

  /** The conversation the interaction belongs to, if reported. */
  public abstract Optional<ConversationId> conversationId();

  /** The user's input text ({@code input_text}), if reported. */
  public abstract Optional<String> input();

  /** The assistant's output text ({@code output_text}), if reported. */
  public abstract Optional<String> output();

  /** The user query Nebuly extracted from the input, if reported. */
  public abstract Optional<String> userQuery();

  /** The end user, as the application identified them to Nebuly, if reported. */
  public abstract Optional<String> endUser();

  /** When the interaction started, if reported. */
  public abstract Optional<Instant> timestamp();

  /** When the interaction ended, if reported; absent for one still in progress. */
  public abstract Optional<Instant> endTimestamp();

  /** What the interaction cost, exactly, if reported. */
  public abstract Optional<MicroDollars> cost();

  /** How long the model took to answer, if reported; never negative. */
  public abstract Optional<Duration> latency();

  /** The language Nebuly detected, as Nebuly writes it, if reported. */
  public abstract Optional<String> language();

  /** The topic Nebuly assigned, if reported. */
  public abstract Optional<String> topic();

  /** The sentiment Nebuly detected, as Nebuly writes it, if reported. */
  public abstract Optional<String> sentiment();

  /** The emotions Nebuly detected, in Nebuly's order. */
  public abstract List<String> emotions();

  /** Tag name to tag value, in Nebuly's order. */
  public abstract Map<String, String> tags();

  /** The feedback users gave on the interaction, each as Nebuly writes it, in Nebuly's order. */
  public abstract List<String> feedback();

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

  @Value.Check
  void check() {
    ValueChecks.notNegative("latency", latency());
  }
}
