package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One element of a conversation document's {@code conversation} array, exactly as it arrives.
 * Every field may be null here; {@link WireMapping} decides which are required ({@code id}, {@code
 * input}, {@code output}, {@code timestamp}, {@code end_timestamp}).
 *
 * @param id the interaction's id
 * @param input the user's input
 * @param output the assistant's output
 * @param timestamp the start, ISO-8601 as written by Python (decoded leniently)
 * @param endTimestamp the end, same format
 * @param userQuery the extracted user query, nullable
 * @param topic the topic, nullable
 * @param sentiment the sentiment, nullable
 * @param typeOfRisk the type of risk, nullable
 * @param moderationIssue the moderation issue, nullable
 * @param businessIssue the business issue, nullable
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InteractionDocument(
    @JsonProperty("id") String id,
    @JsonProperty("input") String input,
    @JsonProperty("output") String output,
    @JsonProperty("timestamp") String timestamp,
    @JsonProperty("end_timestamp") String endTimestamp,
    @JsonProperty("user_query") String userQuery,
    @JsonProperty("topic") String topic,
    @JsonProperty("sentiment") String sentiment,
    @JsonProperty("type_of_risk") String typeOfRisk,
    @JsonProperty("moderation_issue") String moderationIssue,
    @JsonProperty("business_issue") String businessIssue) {}
