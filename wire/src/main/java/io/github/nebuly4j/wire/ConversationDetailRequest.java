package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /get-conversation-detail}, {@code {"conversation_id": "…"}}, written by
 * {@link NebulyCodec#conversationDetailRequest} from a valid id.
 *
 * @param conversationId the conversation asked for
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ConversationDetailRequest(@JsonProperty("conversation_id") String conversationId) {}
