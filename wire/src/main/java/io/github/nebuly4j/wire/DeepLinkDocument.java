package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.net.URI;

/**
 * The body of a deep-link answer, {@code {"url": "https://…"}}, as read; {@link NebulyCodec} turns
 * it into a {@code DeepLink}.
 *
 * @param url the link; null when it was null, absent, not a string or not a URI
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DeepLinkDocument(@JsonProperty("url") @JsonDeserialize(using = WireDeserializers.Link.class) URI url) {}
