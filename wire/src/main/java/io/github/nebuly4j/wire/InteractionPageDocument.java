package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/** The answer of {@code POST /get-interactions}, as read; see {@link PageDocument}. */
@JsonIgnoreProperties(ignoreUnknown = true)
final class InteractionPageDocument extends PageDocument<InteractionRowDocument> {
  /** The rows. */
  @JsonProperty("data")
  @JsonDeserialize(using = WireDeserializers.InteractionRows.class)
  public List<InteractionRowDocument> data;

  @Override
  List<InteractionRowDocument> rows() {
    return data;
  }
}
