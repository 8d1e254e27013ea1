package io.github.nebuly4j.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A FastAPI error body: {@code {"detail": "message"}} or, for a rejected request, {@code {"detail":
 * [{"loc": ["body", "conversation_id"], "msg": "…", "type": "…"}]}}.
 *
 * <p>{@code detail} is an {@code Object} so that Jackson binds both forms: a {@code String}, or a
 * {@code List} of {@code Map}s. {@link NebulyCodec} binds the body into this record and {@link
 * ErrorDecoder} interprets it.
 *
 * @param detail the detail, as bound by Jackson; null when absent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ErrorDocument(@JsonProperty("detail") Object detail) {}
