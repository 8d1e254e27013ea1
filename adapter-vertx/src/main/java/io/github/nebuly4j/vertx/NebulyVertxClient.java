package io.github.nebuly4j.vertx;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.wire.ConversationDocument;
import io.github.nebuly4j.wire.DeepLinkDocument;
import io.github.nebuly4j.wire.ErrorDecoder;
import io.github.nebuly4j.wire.ErrorDocument;
import io.github.nebuly4j.wire.ErrorResponse;
import io.github.nebuly4j.wire.NebulyApi;
import io.github.nebuly4j.wire.RetryLoop;
import io.github.nebuly4j.wire.WireMapping;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * nebuly4j for Vert.x 5: both ports, {@link DeepLinkResolver} and {@link ConversationRepository},
 * over a Vert.x HTTP client, plus the same calls returning Vert.x {@link Future}s.
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
 * </table>
 *
 * <h2>Threads and contexts</h2>
 *
 * <p>No call ever blocks: it returns at once, and the work runs on a Vert.x context.
 *
 * <ul>
 *   <li><b>Called on a Vert.x context</b> (a verticle, an event-loop handler, a worker): the request,
 *       its retries and the completion all run on that context, so the returned {@link Future} or
 *       {@link CompletionStage} completes on the caller's own thread, and a verticle's callbacks
 *       need no synchronization.
 *   <li><b>Called from another thread</b> (a {@code main} method, a test, a plain executor): the
 *       call runs on the event-loop context that Vert.x assigns to that thread ({@link
 *       Vertx#getOrCreateContext()}: the same one for every call from the thread), and the result
 *       completes on that event loop. A callback attached there must not block: use the {@code
 *       *Async} methods of {@link CompletionStage} with an executor of your own, or {@code
 *       toCompletableFuture().get(timeout)} on your thread.
 * </ul>
 *
 * <h2>Failures, retries, cancellation</h2>
 *
 * <p>Every failure is a {@link NebulyException}: HTTP errors are decoded by nebuly4j-wire, a
 * timeout is a {@link NebulyException.Timeout} with the configured limit, a refused or lost
 * connection is a {@link NebulyException.Transport}, and an answer that cannot be read or is larger
 * than {@link NebulyVertxOptions#getMaxResponseBytes()} is a {@link
 * NebulyException.MalformedResponse}. Retryable failures are sent again as the options' {@code
 * RetryPolicy} says, waiting on Vert.x timers and honouring {@code Retry-After}. Cancelling a
 * returned stage's {@code toCompletableFuture()} cancels the pending retry and aborts the request
 * under way. A Vert.x {@link Future} cannot be cancelled.
 *
 * <p>The client owns one HTTP client (a pool of keep-alive connections, never following
 * redirects), which {@link #close()} closes; it never closes the {@link Vertx} it was given.
 * Instances are thread-safe; create one per application and share it.
 */
public final class NebulyVertxClient implements DeepLinkResolver, ConversationRepository, AutoCloseable {

  /** A default-configured mapper: wire's records carry every name and type as annotations. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final ClientSettings settings;
  private final HttpClientAgent http;
  private final ErrorDecoder errors;
  private final Failures failures;
  private final RetryLoop retries;
  private final AtomicBoolean closed = new AtomicBoolean();

  private NebulyVertxClient(Vertx vertx, ClientSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    this.errors = new ErrorDecoder(settings.apiKey, NebulyVertxClient::readErrorDocument);
    this.failures = new Failures(settings, errors);
    this.retries =
        RetryLoop.create(
            settings.retryPolicy,
            (delay, task) -> {
              // Vert.x timers take at least 1 ms; the timer fires on the context that set it.
              long id = vertx.setTimer(Math.max(1, delay.toMillis()), ignored -> task.run());
              return () -> vertx.cancelTimer(id);
            });
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) settings.connectTimeout.toMillis())
                .setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(settings.maxConnections));
  }

  /**
   * Creates a client on the application's Vert.x instance.
   *
   * @param vertx the application's Vert.x; the client never closes it
   * @param options the configuration; it is validated and copied
   * @return the client
   * @throws IllegalArgumentException if an argument is null or an option breaks a rule (the
   *     message names it and never contains the API key)
   */
  public static NebulyVertxClient create(Vertx vertx, NebulyVertxOptions options) {
    Arguments.requireNonNull(vertx, "vertx");
    return new NebulyVertxClient(vertx, ClientSettings.of(new NebulyVertxOptions(
        Arguments.requireNonNull(options, "options"))));
  }

  /**
   * Resolves the link that opens one interaction; see {@link DeepLinkResolver#interactionLink}.
   *
   * @param id the interaction
   * @return a stage completing on the caller's context
   * @throws IllegalArgumentException if {@code id} is null
   */
  @Override
  public CompletableFuture<DeepLink> interactionLink(InteractionId id) {
    Arguments.requireNonNull(id, "id");
    return call(
        get(NebulyApi.interactionLinkPath(id)),
        null,
        (response, body) -> WireMapping.toInteractionLink(
            read(response, body, DeepLinkDocument.class, "interaction '" + id.value() + "'"),
            id,
            response.statusCode()));
  }

  /**
   * Resolves the link that opens one conversation; see {@link DeepLinkResolver#conversationLink}.
   *
   * @param id the conversation
   * @return a stage completing on the caller's context
   * @throws IllegalArgumentException if {@code id} is null
   */
  @Override
  public CompletableFuture<DeepLink> conversationLink(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    return call(
        get(NebulyApi.conversationLinkPath(id)),
        null,
        (response, body) -> WireMapping.toConversationLink(
            read(response, body, DeepLinkDocument.class, "conversation '" + id.value() + "'"),
            id,
            response.statusCode()));
  }

  /**
   * Reads one conversation; see {@link ConversationRepository#findById}. A 404 from Nebuly is an
   * empty result.
   *
   * @param id the conversation
   * @return a stage completing on the caller's context
   * @throws IllegalArgumentException if {@code id} is null
   */
  @Override
  public CompletableFuture<Optional<Conversation>> findById(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    RequestOptions request =
        request(HttpMethod.POST, NebulyApi.CONVERSATION_DETAIL_PATH)
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    Buffer body = Buffer.buffer(write(NebulyApi.conversationDetailRequest(id)));
    return call(
        request,
        body,
        (response, answer) -> response.statusCode() == 404
            ? Optional.empty()
            : Optional.of(WireMapping.toConversation(
                read(response, answer, ConversationDocument.class, "conversation '" + id.value() + "'"),
                id,
                response.statusCode())));
  }

  /**
   * {@link #interactionLink} as a Vert.x {@link Future}.
   *
   * @param id the interaction
   * @return a future completing on the caller's context
   * @throws IllegalArgumentException if {@code id} is null
   */
  public Future<DeepLink> interactionLinkFuture(InteractionId id) {
    return onCallerContext(interactionLink(id));
  }

  /**
   * {@link #conversationLink} as a Vert.x {@link Future}.
   *
   * @param id the conversation
   * @return a future completing on the caller's context
   * @throws IllegalArgumentException if {@code id} is null
   */
  public Future<DeepLink> conversationLinkFuture(ConversationId id) {
    return onCallerContext(conversationLink(id));
  }

  /**
   * {@link #findById} as a Vert.x {@link Future}.
   *
   * @param id the conversation
   * @return a future completing on the caller's context, empty when Nebuly has no such conversation
   * @throws IllegalArgumentException if {@code id} is null
   */
  public Future<Optional<Conversation>> findByIdFuture(ConversationId id) {
    return onCallerContext(findById(id));
  }

  /**
   * Closes the client's connections without waiting; calls still under way fail with a {@link
   * NebulyException.Transport}, and later calls fail the same way. The {@link Vertx} given to
   * {@link #create} stays open. Closing twice does nothing more.
   */
  @Override
  public void close() {
    closeFuture();
  }

  /**
   * Closes the client like {@link #close()}.
   *
   * @return a future completing once the connections are closed
   */
  public Future<Void> closeFuture() {
    closed.set(true);
    return http.close();
  }

  /** Describes the client without its API key. */
  @Override
  public String toString() {
    return "NebulyVertxClient{baseUrl=" + settings.baseUrl + ", closed=" + closed.get() + "}";
  }

  private <T> CompletableFuture<T> call(
      RequestOptions request, Buffer body, Exchange.AnswerReader<T> reader) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(
          new NebulyException.Transport("this NebulyVertxClient is closed", null));
    }
    // Taken now, on the caller's thread: every attempt and the completion run on this context.
    Context context = vertx.getOrCreateContext();
    return retries.execute(
        () -> new Exchange<>(vertx, context, http, settings, failures, new RequestOptions(request), body, reader)
            .start());
  }

  private <T> Future<T> onCallerContext(CompletableFuture<T> stage) {
    return Future.fromCompletionStage(stage, vertx.getOrCreateContext());
  }

  private RequestOptions get(String path) {
    return request(HttpMethod.GET, path);
  }

  private RequestOptions request(HttpMethod method, String path) {
    return new RequestOptions()
        .setMethod(method)
        .setAbsoluteURI(NebulyApi.url(settings.baseUrl, path))
        .setFollowRedirects(false)
        // The longest wait for a pooled connection; its TimeoutException becomes a Timeout.
        .setConnectTimeout(settings.requestTimeout.toMillis())
        .putHeader(HttpHeaders.AUTHORIZATION, settings.authorization)
        .putHeader(HttpHeaders.ACCEPT, "application/json")
        .putHeader(HttpHeaders.USER_AGENT, NebulyApi.USER_AGENT);
  }

  /**
   * Binds a success body, or decodes an error answer into the exception it stands for.
   *
   * @param resource what was asked for, such as {@code interaction 'abc'}, for a not-found error
   */
  private <D> D read(HttpClientResponse response, Buffer body, Class<D> type, String resource) {
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw errors.decode(
          new ErrorResponse(
              status,
              response.getHeader(HttpHeaders.RETRY_AFTER),
              response.getHeader(HttpHeaders.CONTENT_TYPE),
              body.toString(StandardCharsets.UTF_8)),
          resource);
    }
    try {
      return JSON.readValue(body.getBytes(), type);
    } catch (IOException e) {
      throw errors.unreadableBody(status, e);
    }
  }

  private static byte[] write(Object document) {
    try {
      return JSON.writeValueAsBytes(document);
    } catch (IOException e) {
      // wire's request records are plain strings; failing to write one is a bug, not an answer.
      throw new UncheckedIOException("cannot write " + document.getClass().getSimpleName(), e);
    }
  }

  private static ErrorDocument readErrorDocument(String body) {
    try {
      return JSON.readValue(body, ErrorDocument.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
