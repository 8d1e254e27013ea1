package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.nebuly4j.core.InteractionId;
import java.time.Instant;

/**
 * One element of a conversation document's {@code conversation} array, as read (see {@link
 * ConversationDocument}, also for why it is not a record): a field is null when it was null, absent
 * or rejected. Only {@code id} is required; {@link DocumentMapper} refuses an interaction without
 * one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class InteractionDocument {
  /** The interaction's id. */
  @JsonProperty("id")
  @JsonDeserialize(using = WireDeserializers.InteractionIdText.class)
  public InteractionId id;

  /** The user's input. */
  @JsonProperty("input")
  @JsonDeserialize(using = WireDeserializers.Text.class)
  public String input;

  /** The assistant's output. */
  @JsonProperty("output")
  @JsonDeserialize(using = WireDeserializers.Text.class)
  public String output;

  /** The start. */
  @JsonProperty("timestamp")
  @JsonDeserialize(using = WireDeserializers.Timestamp.class)
  public Instant timestamp;

  /** The end. */
  @JsonProperty("end_timestamp")
  @JsonDeserialize(using = WireDeserializers.Timestamp.class)
  public Instant endTimestamp;

  /** The extracted user query. */
  @JsonProperty("user_query")
  @JsonDeserialize(using = WireDeserializers.Text.class)
  public String userQuery;

  /** The topic. */
  @JsonProperty("topic")
  @JsonDeserialize(using = WireDeserializers.Text.class)
  public String topic;

  /** The sentiment. */
  @JsonProperty("sentiment")
  @JsonDeserialize(using = WireDeserializers.Text.class)
  public String sentiment;

  /** The type of risk. */
  @JsonProperty("type_of_risk")
  @JsonDeserialize(using = WireDeserializers.Text.class)
  public String typeOfRisk;

  /** The moderation issue. */
  @JsonProperty("moderation_issue")
  @JsonDeserialize(using = WireDeserializers.Text.class)
  public String moderationIssue;

  /** The business issue. */
  @JsonProperty("business_issue")
  @JsonDeserialize(using = WireDeserializers.Text.class)
  public String businessIssue;
}
