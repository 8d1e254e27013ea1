package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /get-conversation-detail}, {@code {"conversation_id": "…"}}. Create it
 * with {@link NebulyApi#conversationDetailRequest}, so that the id is always a valid one.
 *
 * @param conversationId the conversation asked for
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConversationDetailRequest(@JsonProperty("conversation_id") String conversationId) {}
