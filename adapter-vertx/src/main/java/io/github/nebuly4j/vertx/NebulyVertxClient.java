package io.github.nebuly4j.vertx;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSearch;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.links.CachingDeepLinkResolver;
import io.github.nebuly4j.core.links.DeepLinkCachePolicy;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.wire.InvalidSettingException;
import io.github.nebuly4j.wire.NebulyExchange;
import io.github.nebuly4j.wire.NebulySettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * nebuly4j for Vert.x 5: the ports, {@link DeepLinkResolver}, {@link ConversationRepository},
 * {@link InteractionSearch} and {@link ConversationListing}, over the Vert.x Web Client; the same
 * calls as Vert.x {@link Future}s, and the listings as Vert.x {@link ReadStream}s.
 *
 * <pre>{@code
 * NebulyVertxClient nebuly = NebulyVertxClient.create(vertx,
 *     new NebulyVertxOptions().setApiKey(System.getenv("NEBULY_API_KEY")));
 * nebuly.findByIdFuture(ConversationId.of(id))
 *     .onSuccess(found -> found.ifPresent(c -> log(c.cost())))
 *     .onFailure(failure -> log(failure.getMessage()));   // always a NebulyException
 * }</pre>
 *
 * <table>
 *   <caption>The calls</caption>
 *   <tr><th>port method ({@link CompletionStage})</th><th>Vert.x variant ({@link Future})</th><th>request</th></tr>
 *   <tr><td>{@link #interactionLink}</td><td>{@link #interactionLinkFuture}</td><td>{@code GET {base}/deeplinks/interaction/{id}}</td></tr>
 *   <tr><td>{@link #conversationLink}</td><td>{@link #conversationLinkFuture}</td><td>{@code GET {base}/deeplinks/conversation/{id}}</td></tr>
 *   <tr><td>{@link #findById}</td><td>{@link #findByIdFuture}</td><td>{@code POST {base}/get-conversation-detail}</td></tr>
 *   <tr><td>{@link #interactionPage}, {@link #interactions}</td><td>{@link #interactionPageFuture},
 *       {@link #interactionStream}</td><td>{@code POST {base}/get-interactions}, a page a call</td></tr>
 *   <tr><td>{@link #conversationPage}, {@link #conversations}</td><td>{@link #conversationPageFuture},
 *       {@link #conversationStream}</td><td>{@code POST {base}/get-interaction-aggregates}, grouped by
 *       conversation ({@link NebulyVertxOptions#setConversationGroupBy}, whose default is
 *       unverified)</td></tr>
 * </table>
 *
 * <h2>Listings as streams</h2>
 *
 * <pre>{@code
 * nebuly.conversationStream(ConversationQuery.builder()
 *         .timeRange(TimeRange.lasting(Duration.ofDays(7), Instant.now()))
 *         .build())
 *     .pipeTo(myWriteStream);                 // pauses and resumes with the writer
 * }</pre>
 *
 * <p>A stream's pages are fetched one at a time, by core's paged publisher, as the stream's reader
 * asks for rows: a paused stream, or one whose reader stopped fetching, sends no further request.
 * Its handlers run on the caller's context; see {@link #interactionStream}.
 *
 * <h2>Threads and contexts</h2>
 *
 * <p>No call ever blocks: it returns at once, and its work runs on Vert.x event loops.
 *
 * <ul>
 *   <li><b>Called on a Vert.x context</b> (a verticle, an event-loop handler): the request, its
 *       timers, its retries and the completion all run on that context, so the returned {@link
 *       Future} or {@link CompletionStage} completes on the caller's own thread.
 *   <li><b>Called from another thread</b>: the call runs on the event loop Vert.x assigns to that
 *       thread, and completes there. A callback attached there must not block: use the {@code
 *       *Async} methods of {@link CompletionStage} with an executor of your own, or {@code
 *       toCompletableFuture().get(timeout)} on your thread.
 *   <li><b>With the deep-link cache</b> ({@link NebulyVertxOptions#setDeepLinkCache}): a link
 *       already kept completes at once, on the caller's thread; calls that share one request
 *       complete where the request that asked Nebuly completes.
 * </ul>
 *
 * <h2>Failures, retries, cancellation</h2>
 *
 * <p>Every failure is a {@link NebulyException}, decoded by nebuly4j-wire's {@link NebulyExchange}
 * as for every adapter: the connect and attempt timeouts, the body bound, the retries of the
 * {@link NebulyVertxOptions#setRetryPolicy retry policy} (on Vert.x timers, honouring {@code
 * Retry-After}) and the meaning of each status. Redirects are never followed. Cancelling a
 * returned {@link CompletableFuture} cancels the pending retry and aborts the request under way
 * (its connection is closed, or, while it still waits for one, it is never sent); a Vert.x
 * {@link Future} cannot be cancelled.
 *
 * <p>Instances are thread-safe; create one per application and share it. {@link #close()} closes
 * a Web Client the client created, never one it was given, nor the {@link Vertx}.
 */
public final class NebulyVertxClient
    implements DeepLinkResolver, ConversationRepository, InteractionSearch, ConversationListing, AutoCloseable {

  private final Vertx vertx;
  private final WebClient webClient;
  private final boolean ownsWebClient;
  private final NebulyExchange exchange;
  /** The exchange, or the deep-link cache in front of it when the options set one. */
  private final DeepLinkResolver links;
  private volatile boolean closed;

  private NebulyVertxClient(
      Vertx vertx, WebClient webClient, boolean ownsWebClient, NebulySettings settings, Optional<DeepLinkCachePolicy> cache) {
    this.vertx = vertx;
    this.webClient = webClient;
    this.ownsWebClient = ownsWebClient;
    this.exchange =
        NebulyExchange.create(
            settings, new WebClientTransport(vertx, webClient, settings.connectTimeout().toMillis()));
    this.links = deepLinks(exchange, cache);
  }

  /**
   * The resolver behind {@link #interactionLink} and {@link #conversationLink}: {@code resolver}
   * itself, or core's caching decorator in front of it as {@link
   * NebulyVertxOptions#setDeepLinkCache} asks. Its own method, so that testkit's caching suite runs
   * on exactly what the client builds.
   */
  static DeepLinkResolver deepLinks(DeepLinkResolver resolver, Optional<DeepLinkCachePolicy> cache) {
    return cache.<DeepLinkResolver>map(policy -> CachingDeepLinkResolver.wrap(resolver, policy)).orElse(resolver);
  }

  /**
   * Creates a client with a Web Client of its own, of Vert.x's default options, whose pool holds
   * {@link NebulyVertxOptions#setMaxConnections maxConnections}.
   *
   * @param vertx the application's Vert.x; the client never closes it
   * @param options the nebuly4j settings
   * @return the client
   * @throws InvalidSettingException naming the first setting that breaks its rule
   * @throws IllegalArgumentException if an argument is null
   */
  public static NebulyVertxClient create(Vertx vertx, NebulyVertxOptions options) {
    return create(vertx, new WebClientOptions(), options);
  }

  /**
   * Creates a client with a Web Client of its own, configured the Vert.x way (proxy, TLS, HTTP
   * options). Its pool holds {@link NebulyVertxOptions#setMaxConnections maxConnections}, and its
   * connect timeout is {@link NebulyVertxOptions#setConnectTimeout connectTimeout} unless {@code
   * webClientOptions} changed Vert.x's default.
   *
   * @param vertx the application's Vert.x; the client never closes it
   * @param webClientOptions how to reach Nebuly; copied
   * @param options the nebuly4j settings
   * @return the client
   * @throws InvalidSettingException naming the first setting that breaks its rule
   * @throws IllegalArgumentException if an argument is null
   */
  public static NebulyVertxClient create(
      Vertx vertx, WebClientOptions webClientOptions, NebulyVertxOptions options) {
    Arguments.requireNonNull(vertx, "vertx");
    WebClientOptions web = new WebClientOptions(Arguments.requireNonNull(webClientOptions, "webClientOptions"));
    NebulySettings settings = Arguments.requireNonNull(options, "options").toSettings();
    if (web.getConnectTimeout() == HttpClientOptions.DEFAULT_CONNECT_TIMEOUT) {
      web.setConnectTimeout((int) settings.connectTimeout().toMillis());
    }
    WebClient webClient =
        WebClient.create(vertx, web, new PoolOptions().setHttp1MaxSize(settings.maxConnections()));
    return new NebulyVertxClient(vertx, webClient, true, settings, options.getDeepLinkCache());
  }

  /**
   * Creates a client over a Web Client the application already has, with its pool, timeouts and
   * TLS; {@link NebulyVertxOptions#setMaxConnections maxConnections} does not apply. The client
   * adds an interceptor to it that touches only nebuly4j's requests.
   *
   * @param vertx the Vert.x of {@code webClient}, for the timers; the client never closes it
   * @param webClient a client made by {@code WebClient.create} or {@code WebClient.wrap}; the
   *     client never closes it
   * @param options the nebuly4j settings
   * @return the client
   * @throws InvalidSettingException naming the first setting that breaks its rule
   * @throws IllegalArgumentException if an argument is null, or {@code webClient} is not Vert.x's
   */
  public static NebulyVertxClient create(Vertx vertx, WebClient webClient, NebulyVertxOptions options) {
    Arguments.requireNonNull(vertx, "vertx");
    Arguments.requireNonNull(webClient, "webClient");
    Arguments.requireNonNull(options, "options");
    return new NebulyVertxClient(vertx, webClient, false, options.toSettings(), options.getDeepLinkCache());
  }

  /**
   * Resolves the link that opens one interaction; see {@link DeepLinkResolver#interactionLink}.
   *
   * @param id the interaction
   * @return completes as the class describes; cancel it to abort the call
   * @throws IllegalArgumentException if {@code id} is null
   */
  @Override
  public CompletableFuture<DeepLink> interactionLink(InteractionId id) {
    Arguments.requireNonNull(id, "id");
    return closed ? closedFailure() : links.interactionLink(id).toCompletableFuture();
  }

  /**
   * Resolves the link that opens one conversation; see {@link DeepLinkResolver#conversationLink}.
   *
   * @param id the conversation
   * @return completes as the class describes; cancel it to abort the call
   * @throws IllegalArgumentException if {@code id} is null
   */
  @Override
  public CompletableFuture<DeepLink> conversationLink(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    return closed ? closedFailure() : links.conversationLink(id).toCompletableFuture();
  }

  /**
   * Reads one conversation; see {@link ConversationRepository#findById}. A 404 from Nebuly is an
   * empty result.
   *
   * @param id the conversation
   * @return completes as the class describes; cancel it to abort the call
   * @throws IllegalArgumentException if {@code id} is null
   */
  @Override
  public CompletableFuture<Optional<Conversation>> findById(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    return closed ? closedFailure() : exchange.findById(id);
  }

  /**
   * {@link #interactionLink} as a Vert.x {@link Future}.
   *
   * @param id the interaction
   * @return a future completing on the caller's context
   * @throws IllegalArgumentException if {@code id} is null
   */
  public Future<DeepLink> interactionLinkFuture(InteractionId id) {
    return onCallersContext(interactionLink(id));
  }

  /**
   * {@link #conversationLink} as a Vert.x {@link Future}.
   *
   * @param id the conversation
   * @return a future completing on the caller's context
   * @throws IllegalArgumentException if {@code id} is null
   */
  public Future<DeepLink> conversationLinkFuture(ConversationId id) {
    return onCallersContext(conversationLink(id));
  }

  /**
   * {@link #findById} as a Vert.x {@link Future}.
   *
   * @param id the conversation
   * @return a future completing on the caller's context, empty when Nebuly has no such conversation
   * @throws IllegalArgumentException if {@code id} is null
   */
  public Future<Optional<Conversation>> findByIdFuture(ConversationId id) {
    return onCallersContext(findById(id));
  }

  /**
   * Fetches one page of an interaction search; see {@link InteractionSearch#interactionPage}.
   *
   * @param query the search
   * @param offset the rows to skip
   * @return completes as the class describes; cancel it to abort the call
   * @throws IllegalArgumentException if {@code query} is null or {@code offset} negative
   */
  @Override
  public CompletableFuture<Page<InteractionSummary>> interactionPage(InteractionQuery query, long offset) {
    Arguments.requireNonNull(query, "query");
    return closed ? closedFailure() : exchange.interactionPage(query, offset);
  }

  /**
   * Fetches one page of a conversation listing; see {@link ConversationListing#conversationPage}.
   *
   * @param query the listing
   * @param offset the rows to skip
   * @return completes as the class describes; cancel it to abort the call
   * @throws IllegalArgumentException if {@code query} is null or {@code offset} negative
   */
  @Override
  public CompletableFuture<Page<ConversationSummary>> conversationPage(ConversationQuery query, long offset) {
    Arguments.requireNonNull(query, "query");
    return closed ? closedFailure() : exchange.conversationPage(query, offset);
  }

  /**
   * {@link #interactionPage} as a Vert.x {@link Future}.
   *
   * @param query the search
   * @param offset the rows to skip
   * @return a future completing on the caller's context
   * @throws IllegalArgumentException if {@code query} is null or {@code offset} negative
   */
  public Future<Page<InteractionSummary>> interactionPageFuture(InteractionQuery query, long offset) {
    return onCallersContext(interactionPage(query, offset));
  }

  /**
   * {@link #conversationPage} as a Vert.x {@link Future}.
   *
   * @param query the listing
   * @param offset the rows to skip
   * @return a future completing on the caller's context
   * @throws IllegalArgumentException if {@code query} is null or {@code offset} negative
   */
  public Future<Page<ConversationSummary>> conversationPageFuture(ConversationQuery query, long offset) {
    return onCallersContext(conversationPage(query, offset));
  }

  /**
   * Every interaction of a search as a Vert.x {@link ReadStream}, over {@link #interactions}: pages
   * are fetched one at a time as the stream's reader asks for rows. Nothing is fetched before a
   * handler is set; a paused stream, or one whose reader stopped fetching, fetches nothing more,
   * and setting the handler to null stops it for good. Its handlers run on the caller's context (or
   * the one Vert.x assigns to the calling thread), in order. A failure ({@link NebulyException})
   * goes to the exception handler after the rows of the pages before, and ends the stream without
   * the end handler. Each stream reads the search from its start.
   *
   * @param query the search
   * @return the stream
   * @throws IllegalArgumentException if {@code query} is null
   */
  public ReadStream<InteractionSummary> interactionStream(InteractionQuery query) {
    return PublisherReadStream.of(vertx, interactions(query));
  }

  /**
   * Every conversation of a listing as a Vert.x {@link ReadStream}, over {@link #conversations};
   * see {@link #interactionStream} for how it pages and ends.
   *
   * @param query the listing
   * @return the stream
   * @throws IllegalArgumentException if {@code query} is null
   */
  public ReadStream<ConversationSummary> conversationStream(ConversationQuery query) {
    return PublisherReadStream.of(vertx, conversations(query));
  }

  /**
   * Closes the client: later calls fail with a {@link NebulyException.Transport}, and a Web Client
   * it created is closed (calls under way then fail the same way). Closing twice does nothing more.
   */
  @Override
  public void close() {
    closed = true;
    if (ownsWebClient) {
      webClient.close();
    }
  }

  /** Describes the client without its API key. */
  @Override
  public String toString() {
    return "NebulyVertxClient["
        + exchange.settings()
        + ", deepLinkCache="
        + (links == exchange ? "off" : "on")
        + ", closed="
        + closed
        + "]";
  }

  private static <T> CompletableFuture<T> closedFailure() {
    return CompletableFuture.failedFuture(new NebulyException.Transport("this NebulyVertxClient is closed", null));
  }

  private <T> Future<T> onCallersContext(CompletableFuture<T> call) {
    return Future.fromCompletionStage(call, vertx.getOrCreateContext());
  }
}
