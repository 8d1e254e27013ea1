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
 * WireDeserializers}, so that a component is null when the field was null, absent, or of a kind
 * that was rejected (and recorded in the answer's {@link FieldProblems}). {@link DocumentMapper}
 * turns it into a {@code Conversation}.
 *
 * <p>The top-level {@code id} is not read: Nebuly's page describes it as an interaction's id, and
 * the conversation's id is the one that was asked for. Unknown fields are skipped, so that a newer
 * server never breaks an older client.
 *
 * @param sessionLength the number of interactions, possibly sent as {@code 3.0}
 * @param sessionTime from the first start to the last end
 * @param startSession the first interaction's start
 * @param endSession the last interaction's end
 * @param cost the cost, exactly
 * @param tags tag name to value, in Nebuly's order
 * @param emotions detected emotions, in Nebuly's order
 * @param customAggregates aggregate name to value, in Nebuly's order
 * @param conversation the interactions, in order; an element is null when it was not an object
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ConversationDocument(
    @JsonProperty("session_length") @JsonDeserialize(using = WireDeserializers.Count.class) Integer sessionLength,
    @JsonProperty("session_time") @JsonDeserialize(using = WireDeserializers.Seconds.class) Duration sessionTime,
    @JsonProperty("start_session") @JsonDeserialize(using = WireDeserializers.Timestamp.class) Instant startSession,
    @JsonProperty("end_session") @JsonDeserialize(using = WireDeserializers.Timestamp.class) Instant endSession,
    @JsonProperty("cost") @JsonDeserialize(using = WireDeserializers.Micros.class) MicroDollars cost,
    @JsonProperty("tags") @JsonDeserialize(using = WireDeserializers.TextMap.class) Map<String, String> tags,
    @JsonProperty("emotions") @JsonDeserialize(using = WireDeserializers.TextList.class) List<String> emotions,
    @JsonProperty("custom_aggregates") @JsonDeserialize(using = WireDeserializers.TextMap.class)
        Map<String, String> customAggregates,
    @JsonProperty("conversation") @JsonDeserialize(using = WireDeserializers.Interactions.class)
        List<InteractionDocument> conversation) {}
