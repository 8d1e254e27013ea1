package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of a deep-link answer, {@code {"url": "https://…"}}. Turn it into a {@code DeepLink}
 * with {@link WireMapping#toInteractionLink} or {@link WireMapping#toConversationLink}.
 *
 * @param url the link, as Nebuly sent it; null when absent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeepLinkDocument(@JsonProperty("url") String url) {}
