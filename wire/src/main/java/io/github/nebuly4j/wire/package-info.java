/**
 * The wire format of Nebuly's external API, written once for every HTTP adapter.
 *
 * <p>An adapter sends a request with its own HTTP client and reads the body with its own
 * framework's Jackson {@code ObjectMapper} (default configuration is enough: every name and type
 * comes from annotations here). This package gives it everything in between:
 *
 * <ul>
 *   <li>{@link io.github.nebuly4j.wire.NebulyApi}: the paths, the request body, the default base
 *       URL, base-URL validation and joining, the {@code User-Agent} and {@code Authorization}
 *       values;
 *   <li>the JSON documents as records: {@link io.github.nebuly4j.wire.DeepLinkDocument}, {@link
 *       io.github.nebuly4j.wire.ConversationDetailRequest}, {@link
 *       io.github.nebuly4j.wire.ConversationDocument}, {@link
 *       io.github.nebuly4j.wire.InteractionDocument}, {@link io.github.nebuly4j.wire.ErrorDocument};
 *   <li>{@link io.github.nebuly4j.wire.WireMapping}: records to core's domain values (a MapStruct
 *       mapper with the lenient timestamp and exact number decoding), every failure a {@link
 *       io.github.nebuly4j.core.NebulyException.MalformedResponse} naming the field;
 *   <li>{@link io.github.nebuly4j.wire.ErrorDecoder}: a non-2xx answer to the right {@link
 *       io.github.nebuly4j.core.NebulyException}, with the API key redacted, and {@link
 *       io.github.nebuly4j.wire.RetryAfter} parsing;
 *   <li>{@link io.github.nebuly4j.wire.RetryLoop}: the retry loop over {@code
 *       core.retry.RetryPolicy}, driven by the adapter's own timer.
 * </ul>
 *
 * <p>At run time the package needs only nebuly4j-core and jackson-annotations.
 */
package io.github.nebuly4j.wire;
