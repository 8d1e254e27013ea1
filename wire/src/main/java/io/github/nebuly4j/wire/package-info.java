/**
 * Nebuly's external API without an HTTP library: the one exchange every nebuly4j adapter runs on;
 * {@code docs/wire-protocol.md} in the repository describes the protocol and every field's rule.
 *
 * <p>An adapter implements {@link io.github.nebuly4j.wire.NebulyTransport} over its framework's
 * HTTP client: it sends each {@link io.github.nebuly4j.wire.WireRequest} byte for byte, reports
 * through an {@link io.github.nebuly4j.wire.AttemptListener} when a connection is in hand and what
 * came back (a {@link io.github.nebuly4j.wire.WireAnswer}, read within the body bound, or a
 * failure), aborts an attempt when asked, and runs timers. {@link
 * io.github.nebuly4j.wire.NebulyExchange} does everything else and implements the ports of
 * nebuly4j-core over it:
 *
 * <ul>
 *   <li>the requests: paths with each id percent-encoded as one segment ({@link
 *       io.github.nebuly4j.wire.WireEndpoint}), headers, the JSON body;
 *   <li>the connect and attempt timeouts, the retry loop over {@code core.retry.RetryPolicy}, and
 *       the body bound, on the transport's timer;
 *   <li>every answer to its result or its {@link io.github.nebuly4j.core.NebulyException}: the JSON
 *       documents read by wire's own Jackson codec ({@link io.github.nebuly4j.wire.NebulyCodec}),
 *       each field by its written rule, and mapped to the domain by MapStruct, with what could not
 *       be read listed as omissions; error pages decoded with the API key redacted; transport
 *       failures classified;
 *   <li>the settings of every adapter, with one vocabulary, defaults and rules: {@link
 *       io.github.nebuly4j.wire.NebulySettings}.
 * </ul>
 *
 * <p>At run time the package needs nebuly4j-core and Jackson's databind.
 */
package io.github.nebuly4j.wire;
