package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.github.nebuly4j.core.InteractionId;
import java.time.Instant;

/**
 * One element of a conversation document's {@code conversation} array, as read (see {@link
 * ConversationDocument}): a component is null when the field was null, absent or rejected. Only
 * {@code id} is required; {@link DocumentMapper} refuses an interaction without one.
 *
 * @param id the interaction's id
 * @param input the user's input
 * @param output the assistant's output
 * @param timestamp the start
 * @param endTimestamp the end
 * @param userQuery the extracted user query
 * @param topic the topic
 * @param sentiment the sentiment
 * @param typeOfRisk the type of risk
 * @param moderationIssue the moderation issue
 * @param businessIssue the business issue
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record InteractionDocument(
    @JsonProperty("id") @JsonDeserialize(using = WireDeserializers.InteractionIdText.class) InteractionId id,
    @JsonProperty("input") @JsonDeserialize(using = WireDeserializers.Text.class) String input,
    @JsonProperty("output") @JsonDeserialize(using = WireDeserializers.Text.class) String output,
    @JsonProperty("timestamp") @JsonDeserialize(using = WireDeserializers.Timestamp.class) Instant timestamp,
    @JsonProperty("end_timestamp") @JsonDeserialize(using = WireDeserializers.Timestamp.class) Instant endTimestamp,
    @JsonProperty("user_query") @JsonDeserialize(using = WireDeserializers.Text.class) String userQuery,
    @JsonProperty("topic") @JsonDeserialize(using = WireDeserializers.Text.class) String topic,
    @JsonProperty("sentiment") @JsonDeserialize(using = WireDeserializers.Text.class) String sentiment,
    @JsonProperty("type_of_risk") @JsonDeserialize(using = WireDeserializers.Text.class) String typeOfRisk,
    @JsonProperty("moderation_issue") @JsonDeserialize(using = WireDeserializers.Text.class) String moderationIssue,
    @JsonProperty("business_issue") @JsonDeserialize(using = WireDeserializers.Text.class) String businessIssue) {}
