/**
 * The wire format of Nebuly's external API, written once for every HTTP adapter; {@code
 * docs/wire-protocol.md} in the repository is its description.
 *
 * <p>An adapter implements {@link io.github.nebuly4j.wire.NebulyTransport} (moving the bytes of one
 * request with its own HTTP client, and a timer) and gets both ports from {@link
 * io.github.nebuly4j.wire.NebulyExchange}. Everything in between is here:
 *
 * <ul>
 *   <li>{@link io.github.nebuly4j.wire.NebulyApi}: the paths, the default base URL, base-URL
 *       validation and joining, the {@code User-Agent} and {@code Authorization} values;
 *   <li>{@link io.github.nebuly4j.wire.NebulySettings}: the one settings vocabulary of every adapter;
 *   <li>{@link io.github.nebuly4j.wire.NebulyCodec}: wire's one Jackson mapper, which reads each
 *       field of Nebuly's documents by its written rule (a MapStruct mapper then builds core's
 *       domain values), lists what it could not read as the conversation's omissions, and reports
 *       everything else as a {@link io.github.nebuly4j.core.NebulyException.MalformedResponse} in
 *       plain words;
 *   <li>{@link io.github.nebuly4j.wire.ErrorDecoder}: a non-2xx answer to the right {@link
 *       io.github.nebuly4j.core.NebulyException}, with the API key redacted, and {@link
 *       io.github.nebuly4j.wire.RetryAfter} parsing;
 *   <li>{@link io.github.nebuly4j.wire.RetryLoop}: the retry loop over {@code
 *       core.retry.RetryPolicy}, driven by the transport's own timer.
 * </ul>
 *
 * <p>At run time the package needs nebuly4j-core and Jackson.
 */
package io.github.nebuly4j.wire;
