package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.net.URI;

/**
 * The body of a deep-link answer, {@code {"url": "https://…"}}, as read (see {@link
 * ConversationDocument} for why it is not a record); {@link NebulyCodec} turns it into a {@code
 * DeepLink}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
final class DeepLinkDocument {
  /** The link; null when it was null, absent, not a string or not a URI. */
  @JsonProperty("url")
  @JsonDeserialize(using = WireDeserializers.Link.class)
  public URI url;
}
