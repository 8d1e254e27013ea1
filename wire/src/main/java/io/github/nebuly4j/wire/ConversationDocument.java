package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.nebuly4j.core.MicroDollars;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /get-conversation-detail}, as read: each field by its reader in {@link
 * WireDeserializers}, so that a field is null when it was null, absent, or of a kind that was
 * rejected (and recorded in the answer's {@link FieldProblems}). {@link DocumentMapper} turns it
 * into a {@code Conversation}.
 *
 * <p>A class of fields that Jackson sets one by one, not a record: Jackson builds a record as soon
 * as all its components have arrived, and would then refuse a name sent a second time. So a name
 * sent twice is read twice, and its last value counts.
 *
 * <p>The top-level {@code id} is not read: Nebuly's page describes it as an interaction's id, and
 * the conversation's id is the one that was asked for. Unknown fields are skipped, so that a newer
 * server never breaks an older client.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class ConversationDocument {
  /** The number of interactions, possibly sent as {@code 3.0}. */
  @JsonProperty("session_length")
  @JsonDeserialize(using = WireDeserializers.Count.class)
  public Integer sessionLength;

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

  /** The cost, exactly. */
  @JsonProperty("cost")
  @JsonDeserialize(using = WireDeserializers.Micros.class)
  public MicroDollars cost;

  /** Tag name to value, in Nebuly's order. */
  @JsonProperty("tags")
  @JsonDeserialize(using = WireDeserializers.TextMap.class)
  public Map<String, String> tags;

  /** Detected emotions, in Nebuly's order. */
  @JsonProperty("emotions")
  @JsonDeserialize(using = WireDeserializers.TextList.class)
  public List<String> emotions;

  /** Aggregate name to value, in Nebuly's order. */
  @JsonProperty("custom_aggregates")
  @JsonDeserialize(using = WireDeserializers.TextMap.class)
  public Map<String, String> customAggregates;

  /** The interactions, in order; an element is null when it was not an object. */
  @JsonProperty("conversation")
  @JsonDeserialize(using = WireDeserializers.Interactions.class)
  public List<InteractionDocument> conversation;
}
