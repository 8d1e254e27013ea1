package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.MicroDollars;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code POST /get-interaction-aggregates} grouped by conversation, as read (see {@link
 * ConversationDocument} for why it is a class of fields): a metric is null when it was null, absent
 * or rejected. Only {@code group_name}, the conversation's id, is required; {@link DocumentMapper}
 * refuses a row without one. The names of the four feedback counts are nebuly4j's choice: Nebuly
 * publishes the counts, not their names.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class ConversationRowDocument {
  /** The conversation's id. */
  @JsonProperty("group_name")
  @JsonDeserialize(using = WireDeserializers.ConversationIdText.class)
  public ConversationId groupName;

  /** The number of interactions. */
  @JsonProperty("n_interactions")
  @JsonDeserialize(using = WireDeserializers.Count.class)
  public Integer interactions;

  /** The number of distinct end users. */
  @JsonProperty("n_users")
  @JsonDeserialize(using = WireDeserializers.Count.class)
  public Integer users;

  /** The number of feedback actions. */
  @JsonProperty("n_feedback")
  @JsonDeserialize(using = WireDeserializers.Count.class)
  public Integer feedback;

  /** Positive implicit feedback actions. */
  @JsonProperty("n_positive_implicit_feedback")
  @JsonDeserialize(using = WireDeserializers.Count.class)
  public Integer positiveImplicitFeedback;

  /** Negative implicit feedback actions. */
  @JsonProperty("n_negative_implicit_feedback")
  @JsonDeserialize(using = WireDeserializers.Count.class)
  public Integer negativeImplicitFeedback;

  /** Positive explicit feedback actions. */
  @JsonProperty("n_positive_explicit_feedback")
  @JsonDeserialize(using = WireDeserializers.Count.class)
  public Integer positiveExplicitFeedback;

  /** Negative explicit feedback actions. */
  @JsonProperty("n_negative_explicit_feedback")
  @JsonDeserialize(using = WireDeserializers.Count.class)
  public Integer negativeExplicitFeedback;

  /** The cost, exactly. */
  @JsonProperty("cost")
  @JsonDeserialize(using = WireDeserializers.Micros.class)
  public MicroDollars cost;

  /** The aggregated latency, in seconds. */
  @JsonProperty("latency_seconds")
  @JsonDeserialize(using = WireDeserializers.Seconds.class)
  public Duration latencySeconds;

  /** From the first start to the last end. */
  @JsonProperty("session_time")
  @JsonDeserialize(using = WireDeserializers.Seconds.class)
  public Duration sessionTime;

  /** The first interaction's start. */
  @JsonProperty("start_session")
  @JsonDeserialize(using = WireDeserializers.Timestamp.class)
  public Instant startSession;

  /** The last interaction's end. */
  @JsonProperty("end_session")
  @JsonDeserialize(using = WireDeserializers.Timestamp.class)
  public Instant endSession;

  /** The topics, in Nebuly's order. */
  @JsonProperty("topics")
  @JsonDeserialize(using = WireDeserializers.TextList.class)
  public List<String> topics;

  /** The sentiment score. */
  @JsonProperty("sentiment_score")
  @JsonDeserialize(using = WireDeserializers.Score.class)
  public Double sentimentScore;

  /** The number of emotions. */
  @JsonProperty("n_emotions")
  @JsonDeserialize(using = WireDeserializers.Count.class)
  public Integer emotions;

  /** Tag name to its number of values, from {@code [{tag_name, n_tag_values}]}, in Nebuly's order. */
  @JsonProperty("tags")
  @JsonDeserialize(using = WireDeserializers.TagCounts.class)
  public Map<String, Integer> tags;
}
