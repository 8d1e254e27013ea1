package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.MicroDollars;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code POST /get-interactions}, as read (see {@link ConversationDocument} for why it is
 * a class of fields): a field is null when it was null, absent or rejected. Only {@code id} is
 * required; {@link DocumentMapper} refuses a row without one. {@code id}, {@code input_text},
 * {@code output_text}, {@code user_query}, {@code end_user} and {@code timestamp} are the names
 * that Nebuly publishes; the others are nebuly4j's choice where the pages are silent ({@code
 * docs/wire-protocol.md} says so field by field).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class InteractionRowDocument {
  /** The interaction's id. */
  @JsonProperty("id")
  @JsonDeserialize(using = WireDeserializers.InteractionIdText.class)
  public InteractionId id;

  /** Its conversation. */
  @JsonProperty("conversation_id")
  @JsonDeserialize(using = WireDeserializers.ConversationIdText.class)
  public ConversationId conversationId;

  /** The user's input. */
  @JsonProperty("input_text")
  @JsonDeserialize(using = WireDeserializers.Text.class)
  public String inputText;

  /** The assistant's output. */
  @JsonProperty("output_text")
  @JsonDeserialize(using = WireDeserializers.Text.class)
  public String outputText;

  /** The extracted user query. */
  @JsonProperty("user_query")
  @JsonDeserialize(using = WireDeserializers.Text.class)
  public String userQuery;

  /** The end user. */
  @JsonProperty("end_user")
  @JsonDeserialize(using = WireDeserializers.Text.class)
  public String endUser;

  /** The start. */
  @JsonProperty("timestamp")
  @JsonDeserialize(using = WireDeserializers.Timestamp.class)
  public Instant timestamp;

  /** The end. */
  @JsonProperty("end_timestamp")
  @JsonDeserialize(using = WireDeserializers.Timestamp.class)
  public Instant endTimestamp;

  /** The cost, exactly. */
  @JsonProperty("cost")
  @JsonDeserialize(using = WireDeserializers.Micros.class)
  public MicroDollars cost;

  /** The model's latency, in seconds. */
  @JsonProperty("latency")
  @JsonDeserialize(using = WireDeserializers.Seconds.class)
  public Duration latency;

  /** The detected language. */
  @JsonProperty("language")
  @JsonDeserialize(using = WireDeserializers.Text.class)
  public String language;

  /** The topic. */
  @JsonProperty("topic")
  @JsonDeserialize(using = WireDeserializers.Text.class)
  public String topic;

  /** The sentiment. */
  @JsonProperty("sentiment")
  @JsonDeserialize(using = WireDeserializers.Text.class)
  public String sentiment;

  /** Detected emotions, in Nebuly's order. */
  @JsonProperty("emotions")
  @JsonDeserialize(using = WireDeserializers.TextList.class)
  public List<String> emotions;

  /** Tag name to value, in Nebuly's order. */
  @JsonProperty("tags")
  @JsonDeserialize(using = WireDeserializers.TextMap.class)
  public Map<String, String> tags;

  /** The users' feedback, in Nebuly's order. */
  @JsonProperty("feedback")
  @JsonDeserialize(using = WireDeserializers.TextList.class)
  public List<String> feedback;
}
