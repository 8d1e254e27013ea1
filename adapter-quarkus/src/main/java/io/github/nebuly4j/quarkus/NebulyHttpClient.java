package io.github.nebuly4j.quarkus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Both ports over the Vert.x HTTP client of Quarkus's managed {@link Vertx}: every call is
 * non-blocking, retried on Vert.x timers by wire's {@link RetryLoop}, bounded in time and body
 * size, and fails only with a {@link NebulyException}.
 *
 * <p>The Quarkus REST Client is not used: its 3.38.2 artifacts are not published where this build
 * resolves from. The raw client also gives what the adapter needs without workarounds: an answer is
 * cut off as soon as it passes {@code nebuly.max-body-size} (an endless body never fills memory),
 * and wire's paths are sent exactly as encoded, each id one segment.
 *
 * <p>{@code nebuly.connect-timeout} bounds both the TCP connect and the wait for one of the {@value
 * #MAX_CONNECTIONS} pooled connections; {@code nebuly.read-timeout} starts once the attempt has a
 * connection and ends when the whole answer is read.
 */
@ApplicationScoped
@Typed(NebulyHttpClient.class)
class NebulyHttpClient implements DeepLinkResolver, ConversationRepository {

  /**
   * Enough connections for the concurrency a typical application has, so that held or slow
   * answers do not queue requests behind them.
   */
  static final int MAX_CONNECTIONS = 64;

  private static final String JSON = "application/json";

  /**
   * A mapper of our own rather than the application's: wire's records need nothing but Jackson's
   * defaults, and an application's global customizations must not change how Nebuly is read.
   */
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private final Vertx vertx;
  private final NebulySettings settings;
  private final HttpClient http;
  private final RetryLoop retries;
  private final ErrorDecoder errors;
  private final String authorization;

  @Inject
  NebulyHttpClient(Vertx vertx, NebulySettings settings) {
    this.vertx = Arguments.requireNonNull(vertx, "vertx");
    this.settings = Arguments.requireNonNull(settings, "settings");
    this.authorization = NebulyApi.authorization(settings.apiKey());
    this.errors = new ErrorDecoder(settings.apiKey(), NebulyHttpClient::readErrorDocument);
    this.retries = RetryLoop.create(settings.retryPolicy(), this::schedule);
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS));
  }

  /**
   * Returns the settings this client runs with.
   *
   * @return the validated configuration
   */
  NebulySettings settings() {
    return settings;
  }

  @Override
  public CompletableFuture<DeepLink> interactionLink(InteractionId id) {
    Arguments.requireNonNull(id, "id");
    String resource = "interaction '" + id.value() + "'";
    return retries.execute(
        () ->
            exchange(
                HttpMethod.GET,
                NebulyApi.interactionLinkPath(id),
                null,
                answer ->
                    WireMapping.toInteractionLink(
                        successBody(answer, resource, DeepLinkDocument.class), id, answer.status())));
  }

  @Override
  public CompletableFuture<DeepLink> conversationLink(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    String resource = "conversation '" + id.value() + "'";
    return retries.execute(
        () ->
            exchange(
                HttpMethod.GET,
                NebulyApi.conversationLinkPath(id),
                null,
                answer ->
                    WireMapping.toConversationLink(
                        successBody(answer, resource, DeepLinkDocument.class), id, answer.status())));
  }

  @Override
  public CompletableFuture<Optional<Conversation>> findById(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    Buffer request;
    try {
      request = Buffer.buffer(MAPPER.writeValueAsBytes(NebulyApi.conversationDetailRequest(id)));
    } catch (IOException e) {
      // A record of one string always serializes; reaching here means a broken classpath.
      throw new IllegalStateException("cannot write the conversation request", e);
    }
    String resource = "conversation '" + id.value() + "'";
    return retries.execute(
        () ->
            exchange(
                HttpMethod.POST,
                NebulyApi.CONVERSATION_DETAIL_PATH,
                request,
                answer ->
                    answer.status() == 404
                        ? Optional.empty()
                        : Optional.of(
                            WireMapping.toConversation(
                                successBody(answer, resource, ConversationDocument.class),
                                id,
                                answer.status()))));
  }

  /** Closes the HTTP client; calls made afterwards fail with {@code Transport}. */
  @PreDestroy
  void close() {
    http.close();
  }

  /** Returns a description without the API key. */
  @Override
  public String toString() {
    return "NebulyHttpClient[" + settings + "]";
  }

  private RetryLoop.Cancellable schedule(Duration delay, Runnable task) {
    // Vert.x timers need at least 1 ms; a zero wait (Retry-After: 0) still goes through the timer,
    // so that the next attempt never runs on the caller's stack.
    long timer = vertx.setTimer(Math.max(1, ceilMillis(delay)), id -> task.run());
    return () -> vertx.cancelTimer(timer);
  }

  private static long ceilMillis(Duration delay) {
    long millis = delay.toMillis();
    return delay.minusMillis(millis).isZero() ? millis : millis + 1;
  }

  /** What one attempt read: the status, two headers and the body, up to the bound. */
  private record Answer(int status, String retryAfter, String contentType, Buffer body) {}

  /** Turns an answer into the call's result, or throws the call's {@link NebulyException}. */
  @FunctionalInterface
  private interface Interpretation<T> {
    T apply(Answer answer);
  }

  private <T> T successBody(Answer answer, String resource, Class<T> type) {
    if (answer.status() < 200 || answer.status() > 299) {
      throw errors.decode(
          new ErrorResponse(
              answer.status(),
              answer.retryAfter(),
              answer.contentType(),
              answer.body().toString(StandardCharsets.UTF_8)),
          resource);
    }
    try {
      return MAPPER.readValue(answer.body().getBytes(), type);
    } catch (IOException | RuntimeException e) {
      throw errors.unreadableBody(answer.status(), e);
    }
  }

  private static ErrorDocument readErrorDocument(String body) {
    try {
      return MAPPER.readValue(body, ErrorDocument.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an error document", e);
    }
  }

  /**
   * Sends one request and interprets its answer. Cancelling the returned future resets the
   * request; so does passing the read timeout or the body bound.
   */
  private <T> CompletableFuture<T> exchange(
      HttpMethod method, String path, Buffer body, Interpretation<T> interpretation) {
    CompletableFuture<T> result = new CompletableFuture<>();
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    result.whenComplete(
        (value, failure) -> {
          HttpClientRequest request = sent.get();
          if (result.isCancelled() && request != null) {
            request.reset();
          }
        });
    RequestOptions options =
        new RequestOptions()
            .setMethod(method)
            .setAbsoluteURI(NebulyApi.url(settings.baseUrl(), path))
            .setFollowRedirects(false)
            .setConnectTimeout(settings.connectTimeout().toMillis())
            .putHeader(HttpHeaders.AUTHORIZATION, authorization)
            .putHeader(HttpHeaders.ACCEPT, JSON)
            .putHeader(HttpHeaders.USER_AGENT, NebulyApi.USER_AGENT);
    if (body != null) {
      options.putHeader(HttpHeaders.CONTENT_TYPE, JSON);
    }
    Future<HttpClientRequest> connecting;
    try {
      connecting = http.request(options);
    } catch (RuntimeException e) {
      // Vert.x reports failures through the future; this only guards the contract that a call
      // fails with a NebulyException whatever happens.
      result.completeExceptionally(connectFailure(e));
      return result;
    }
    connecting
        .onComplete(
            connected -> {
              if (connected.failed()) {
                result.completeExceptionally(connectFailure(connected.cause()));
                return;
              }
              HttpClientRequest request = connected.result();
              sent.set(request);
              if (result.isDone()) {
                request.reset();
                return;
              }
              long timer =
                  vertx.setTimer(
                      settings.readTimeout().toMillis(),
                      id -> {
                        if (result.completeExceptionally(
                            new NebulyException.Timeout(settings.readTimeout(), null))) {
                          request.reset();
                        }
                      });
              result.whenComplete((value, failure) -> vertx.cancelTimer(timer));
              (body == null ? request.send() : request.send(body))
                  .onComplete(
                      answered -> {
                        if (answered.failed()) {
                          result.completeExceptionally(exchangeFailure(answered.cause()));
                        } else {
                          read(request, answered.result(), result, interpretation);
                        }
                      });
            });
    return result;
  }

  private <T> void read(
      HttpClientRequest request,
      HttpClientResponse response,
      CompletableFuture<T> result,
      Interpretation<T> interpretation) {
    int status = response.statusCode();
    boolean success = status >= 200 && status <= 299;
    long limit = settings.maxBodyBytes();
    // Set before any reset, so that the reset's own exception is handled here rather than logged.
    response.exceptionHandler(failure -> result.completeExceptionally(exchangeFailure(failure)));
    if (success && declaredLength(response) > limit) {
      result.completeExceptionally(ErrorDecoder.bodyTooLarge(status, limit));
      request.reset();
      return;
    }
    Buffer collected = Buffer.buffer();
    response.handler(
        chunk -> {
          if (result.isDone()) {
            return;
          }
          if (collected.length() + (long) chunk.length() <= limit) {
            collected.appendBuffer(chunk);
            return;
          }
          if (success) {
            result.completeExceptionally(ErrorDecoder.bodyTooLarge(status, limit));
          } else {
            // An error page only needs its beginning to be classified; its status still counts.
            collected.appendBuffer(chunk, 0, (int) (limit - collected.length()));
            complete(result, interpretation, answer(response, collected));
          }
          request.reset();
        });
    response.endHandler(ignored -> complete(result, interpretation, answer(response, collected)));
  }

  private static Answer answer(HttpClientResponse response, Buffer body) {
    return new Answer(
        response.statusCode(),
        response.getHeader(HttpHeaders.RETRY_AFTER),
        response.getHeader(HttpHeaders.CONTENT_TYPE),
        body);
  }

  private static <T> void complete(
      CompletableFuture<T> result, Interpretation<T> interpretation, Answer answer) {
    if (result.isDone()) {
      return;
    }
    try {
      result.complete(interpretation.apply(answer));
    } catch (NebulyException e) {
      result.completeExceptionally(e);
    } catch (RuntimeException e) {
      // wire promises only MalformedResponse; anything else still must not reach the caller raw.
      result.completeExceptionally(
          new NebulyException.MalformedResponse(
              answer.status(), "the answer could not be mapped (" + e.getClass().getSimpleName() + ")", null));
    }
  }

  private static long declaredLength(HttpClientResponse response) {
    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private NebulyException connectFailure(Throwable failure) {
    if (failure instanceof NebulyException) {
      return (NebulyException) failure;
    }
    if (causedBy(failure, TimeoutException.class) || causedBy(failure, ConnectTimeoutException.class)) {
      return new NebulyException.Timeout(settings.connectTimeout(), failure);
    }
    URI base = settings.baseUrl();
    String where = base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
    if (causedBy(failure, ConnectException.class)) {
      return new NebulyException.Transport("could not connect to " + where + " (" + describe(failure) + ")", failure);
    }
    return new NebulyException.Transport("could not open a connection to " + where + " (" + describe(failure) + ")", failure);
  }

  private NebulyException exchangeFailure(Throwable failure) {
    if (failure instanceof NebulyException) {
      return (NebulyException) failure;
    }
    if (causedBy(failure, TimeoutException.class)) {
      return new NebulyException.Timeout(settings.readTimeout(), failure);
    }
    return new NebulyException.Transport(
        "the connection failed before the answer was complete (" + describe(failure) + ")", failure);
  }

  private String describe(Throwable failure) {
    String message = failure.getMessage();
    String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return errors.redact(text);
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
