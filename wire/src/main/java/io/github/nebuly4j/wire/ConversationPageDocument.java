package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * The answer of {@code POST /get-interaction-aggregates} grouped by conversation, as read; see
 * {@link PageDocument}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class ConversationPageDocument extends PageDocument<ConversationRowDocument> {
  /** The rows, one per conversation. */
  @JsonProperty("data")
  @JsonDeserialize(using = WireDeserializers.ConversationRows.class)
  public List<ConversationRowDocument> data;

  @Override
  List<ConversationRowDocument> rows() {
    return data;
  }
}
