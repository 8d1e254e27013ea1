package io.github.nebuly4j.quarkus.runtime;

import io.github.nebuly4j.wire.AttemptListener;
import io.github.nebuly4j.wire.NebulySettings;
import io.github.nebuly4j.wire.NebulyTransport;
import io.github.nebuly4j.wire.WireRequest;
import io.quarkus.proxy.ProxyConfiguration;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.tls.TlsConfiguration;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.reactive.client.api.LoggingScope;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

/**
 * wire's {@link NebulyTransport} over the Quarkus REST Client: {@link NebulyEndpoints} built with
 * {@link QuarkusRestClientBuilder} per configuration, so that the application's TLS and proxy
 * registries, request logging, OpenTelemetry and Micrometer apply to the calls to Nebuly. It moves
 * bytes and nothing else; {@code NebulyExchange} owns timeouts, retries, the body bound's meaning
 * and decoding.
 *
 * <p>The client never follows a redirect, maps no status to an exception, sets no read timeout of
 * its own (the exchange bounds each attempt) and keeps at most {@link
 * NebulySettings#maxConnections()} connections. Timers are Quarkus's Vert.x timers. A call made on
 * an event loop completes on the context it was made from (see {@link RestAttempt}). Thread-safe;
 * {@link #close()} closes the REST Client's connections.
 */
public final class RestClientTransport implements NebulyTransport, Closeable {
  /** The request header that holds the API key, masked in the REST Client's logs. */
  static final String AUTHORIZATION = "Authorization";

  private final Vertx vertx;
  private final NebulyEndpoints endpoints;

  private RestClientTransport(Vertx vertx, NebulyEndpoints endpoints) {
    this.vertx = vertx;
    this.endpoints = endpoints;
  }

  /**
   * Builds the REST Client for one configuration.
   *
   * @param vertx Quarkus's Vert.x, for timers
   * @param settings the settings; their base URL, connect timeout and pool size are the client's
   * @param options what the REST Client adds: TLS, proxy, logging
   * @return the transport
   */
  public static RestClientTransport create(Vertx vertx, NebulySettings settings, TransportOptions options) {
    QuarkusRestClientBuilder builder =
        QuarkusRestClientBuilder.newBuilder()
            .baseUri(settings.baseUrl())
            .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .followRedirects(false)
            .disableDefaultMapper(true)
            .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, settings.maxConnections())
            .register(new AttemptBinding())
            .httpClientRequestCustomizer(RestAttempt::onRequest)
            .loggingMaskedHeaders(Set.of(AUTHORIZATION));
    options.tls().ifPresent(builder::tlsConfiguration);
    options.proxy().ifPresent(proxy -> proxy.ifPresentOrElse(p -> proxy(builder, p), () -> builder.proxyAddress("none", 0)));
    options.loggingScope().ifPresent(builder::loggingScope);
    options.loggingBodyLimit().ifPresent(builder::loggingBodyLimit);
    return new RestClientTransport(vertx, builder.build(NebulyEndpoints.class));
  }

  private static void proxy(QuarkusRestClientBuilder builder, ProxyConfiguration proxy) {
    ProxyConfiguration http = proxy.assertHttpType();
    builder.proxyAddress(http.host(), http.port());
    http.username().ifPresent(builder::proxyUser);
    http.password().ifPresent(builder::proxyPassword);
    http.nonProxyHosts().ifPresent(hosts -> builder.nonProxyHosts(String.join("|", hosts)));
    http.proxyConnectTimeout().ifPresent(builder::proxyConnectTimeout);
  }

  @Override
  public Cancellable send(WireRequest request, AttemptListener listener) {
    RestAttempt attempt = new RestAttempt(request, listener, vertx.getOrCreateContext());
    Uni<Response> answer =
        switch (request.endpoint()) {
          case INTERACTION_LINK -> endpoints.interactionLink(request.pathId(), attempt);
          case CONVERSATION_LINK -> endpoints.conversationLink(request.pathId(), attempt);
          case CONVERSATION_DETAIL -> endpoints.conversationDetail(request.body(), attempt);
          case INTERACTIONS -> endpoints.interactions(request.body(), attempt);
          case INTERACTION_AGGREGATES -> endpoints.interactionAggregates(request.body(), attempt);
        };
    // Never cancelled: the attempt aborts its own Vert.x request (see RestAttempt).
    answer.subscribe().with(attempt::answered, attempt::failed);
    return attempt::abort;
  }

  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    long timer = vertx.setTimer(delayMillis, id -> task.run());
    return () -> vertx.cancelTimer(timer);
  }

  /** Closes the REST Client and its connections. */
  @Override
  public void close() {
    try {
      ((Closeable) endpoints).close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the REST Client to Nebuly failed", e);
    }
  }

  /**
   * What the REST Client adds to wire's settings.
   *
   * @param tls the named TLS configuration, if one is named
   * @param proxy the named proxy (empty inside: none), or empty for the REST Client's default
   * @param loggingScope the request logging's scope, if set
   * @param loggingBodyLimit the logged characters of a body, if set
   */
  public record TransportOptions(
      Optional<TlsConfiguration> tls,
      Optional<Optional<ProxyConfiguration>> proxy,
      Optional<LoggingScope> loggingScope,
      Optional<Integer> loggingBodyLimit) {

    /** No TLS configuration, the default proxy, no logging: what the contract suites use. */
    public static final TransportOptions DEFAULTS =
        new TransportOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
