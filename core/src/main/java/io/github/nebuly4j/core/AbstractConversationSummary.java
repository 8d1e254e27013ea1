package io.github.nebuly4j.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One row of a conversation listing ({@code POST /get-interaction-aggregates} grouped by
 * conversation id): a conversation and the metrics Nebuly aggregates over its interactions, the
 * ones a user sorts or filters on. Build one with {@code ConversationSummary.builder()}.
 *
 * <p>Only the id (the row's {@code group_name}) is required: Nebuly publishes every metric as
 * possibly absent or null, so each is an {@link Optional}, an empty list or an empty map when
 * Nebuly did not send it. The pages do not say whether the metrics cover the whole conversation or
 * only its interactions that fall in the query's time range and meet its filters; {@link
 * ConversationRepository#findById(ConversationId)} reads the whole conversation. A metric that
 * Nebuly sent in a form that could not be read is absent here and listed in {@link #omissions()}.
 */
@Value.Immutable
abstract class AbstractConversationSummary {

  /** The conversation's id: the row's {@code group_name}. */
  public abstract ConversationId id();

  /** The number of interactions ({@code n_interactions}), if reported. */
  public abstract OptionalInt interactionCount();

  /** The number of distinct end users ({@code n_users}), if reported. */
  public abstract OptionalInt userCount();

  /** The number of feedback actions ({@code n_feedback}), if reported. */
  public abstract OptionalInt feedbackCount();

  /** The number of positive implicit feedback actions, if reported. */
  public abstract OptionalInt positiveImplicitFeedbackCount();

  /** The number of negative implicit feedback actions, if reported. */
  public abstract OptionalInt negativeImplicitFeedbackCount();

  /** The number of positive explicit feedback actions, if reported. */
  public abstract OptionalInt positiveExplicitFeedbackCount();

  /** The number of negative explicit feedback actions, if reported. */
  public abstract OptionalInt negativeExplicitFeedbackCount();

  /** What the conversation cost, exactly ({@code cost}, in micro-dollars), if reported. */
  public abstract Optional<MicroDollars> cost();

  /**
   * The latency Nebuly aggregates ({@code latency_seconds}), if reported. The pages do not say
   * whether it is a mean or a total.
   */
  public abstract Optional<Duration> latency();

  /** Time from the start of the first interaction to the end of the last, if reported. */
  public abstract Optional<Duration> sessionTime();

  /** When the first interaction started ({@code start_session}), if reported. */
  public abstract Optional<Instant> startSession();

  /** When the last interaction ended ({@code end_session}), if reported. */
  public abstract Optional<Instant> endSession();

  /** The topics of the conversation's interactions, in Nebuly's order. */
  public abstract List<String> topics();

  /** Nebuly's sentiment score ({@code sentiment_score}), if reported; its scale is not published. */
  public abstract OptionalDouble sentimentScore();

  /** The number of emotions Nebuly detected ({@code n_emotions}), if reported. */
  public abstract OptionalInt emotionCount();

  /**
   * Tag name to the number of values Nebuly counted for it ({@code tags[{tag_name,
   * n_tag_values}]}), in Nebuly's order.
   */
  public abstract Map<String, Integer> tagValueCounts();

  /**
   * The metrics Nebuly sent that could not be read and were left out, each with its path and why.
   *
   * @return the omissions, empty when every metric was read
   */
  public abstract List<Omission> omissions();

  /**
   * Tells whether every metric Nebuly sent was read.
   *
   * @return true when {@link #omissions()} is empty
   */
  public boolean isComplete() {
    return omissions().isEmpty();
  }

  @Value.Check
  void check() {
    ValueChecks.notNegative("interactionCount", interactionCount());
    ValueChecks.notNegative("userCount", userCount());
    ValueChecks.notNegative("feedbackCount", feedbackCount());
    ValueChecks.notNegative("positiveImplicitFeedbackCount", positiveImplicitFeedbackCount());
    ValueChecks.notNegative("negativeImplicitFeedbackCount", negativeImplicitFeedbackCount());
    ValueChecks.notNegative("positiveExplicitFeedbackCount", positiveExplicitFeedbackCount());
    ValueChecks.notNegative("negativeExplicitFeedbackCount", negativeExplicitFeedbackCount());
    ValueChecks.notNegative("emotionCount", emotionCount());
    ValueChecks.notNegative("latency", latency());
    ValueChecks.notNegative("sessionTime", sessionTime());
    ValueChecks.notNegative("tagValueCounts", tagValueCounts());
    ValueChecks.finite("sentimentScore", sentimentScore());
  }
}
