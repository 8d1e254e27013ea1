package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /get-conversation-detail}, exactly as it arrives. Turn it into a
 * {@code Conversation} with {@link WireMapping#toConversation}.
 *
 * <p>The types are chosen so that a default {@code ObjectMapper} binds them losslessly: numbers are
 * {@link BigDecimal} (parsed from the number's text, never through {@code double}); timestamps are
 * text, decoded leniently later; a tag or aggregate value that is a JSON number or boolean binds as
 * its JSON text ({@code 1.10} stays {@code "1.10"}, {@code true} becomes {@code "true"}). A tag value
 * that is a JSON object or array does not bind: the adapter reports the binding failure as {@code
 * MalformedResponse} (see {@link ErrorDecoder#unreadableBody}).
 *
 * @param id the conversation's id
 * @param sessionLength the number of interactions, possibly with a zero fraction ({@code 3.0})
 * @param sessionTime seconds from the first start to the last end
 * @param startSession the first interaction's start
 * @param endSession the last interaction's end
 * @param cost the cost in micro-dollars
 * @param tags tag name to value; null values are dropped when mapped
 * @param emotions detected emotions; null elements are dropped when mapped
 * @param customAggregates aggregate name to value; null values are dropped when mapped
 * @param conversation the interactions, in order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConversationDocument(
    @JsonProperty("id") String id,
    @JsonProperty("session_length") BigDecimal sessionLength,
    @JsonProperty("session_time") BigDecimal sessionTime,
    @JsonProperty("start_session") String startSession,
    @JsonProperty("end_session") String endSession,
    @JsonProperty("cost") BigDecimal cost,
    @JsonProperty("tags") Map<String, String> tags,
    @JsonProperty("emotions") List<String> emotions,
    @JsonProperty("custom_aggregates") Map<String, String> customAggregates,
    @JsonProperty("conversation") List<InteractionDocument> conversation) {}
