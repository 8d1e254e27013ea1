package io.github.nebuly4j.vertx;

import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.wire.ErrorDecoder;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CompletableFuture;

/**
 * One attempt of one call: a request sent, its answer read within the request timeout and the body
 * bound, and the outcome handed to {@link #result()}.
 *
 * <p>The request timeout runs from the moment a connection is in hand to the last byte of the
 * answer; the wait for a pooled connection is bounded separately by the same duration.
 *
 * <p>Every step runs on the caller's context, so the exchange's state needs no lock and the result
 * completes on that context. Whatever ends the exchange first (the answer, a failure, the timer,
 * a cancellation) wins; the others find it {@link #done} and do nothing, apart from aborting a
 * request that is still open.
 *
 * @param <T> what a successful answer becomes
 */
final class Exchange<T> {

  /** Reads a complete answer into the call's result, or throws the {@link NebulyException} it is. */
  @FunctionalInterface
  interface AnswerReader<T> {
    /**
     * Reads the answer.
     *
     * @param response the status and headers
     * @param body the whole body, at most the configured bound
     * @return the result
     * @throws NebulyException when the answer is an error or cannot be read
     */
    T read(HttpClientResponse response, Buffer body);
  }

  private final Vertx vertx;
  private final Context context;
  private final HttpClient client;
  private final ClientSettings settings;
  private final Failures failures;
  private final RequestOptions request;
  private final Buffer requestBody;
  private final AnswerReader<T> reader;
  private final CompletableFuture<T> result = new CompletableFuture<>();

  private boolean done;
  private long timerId = -1;
  private HttpClientRequest clientRequest;
  private Buffer body;

  Exchange(
      Vertx vertx,
      Context context,
      HttpClient client,
      ClientSettings settings,
      Failures failures,
      RequestOptions request,
      Buffer requestBody,
      AnswerReader<T> reader) {
    this.vertx = vertx;
    this.context = context;
    this.client = client;
    this.settings = settings;
    this.failures = failures;
    this.request = request;
    this.requestBody = requestBody;
    this.reader = reader;
    // Cancelling may happen on any thread; the abort itself belongs to the context.
    result.whenComplete((value, failure) -> {
      if (result.isCancelled()) {
        onContext(this::cancelled);
      }
    });
  }

  /**
   * Starts the exchange on its context and returns its outcome.
   *
   * @return completes on the context with the result, or fails with a {@link NebulyException};
   *     cancelling it aborts the request
   */
  CompletableFuture<T> start() {
    onContext(this::send);
    return result;
  }

  private void onContext(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(ignored -> action.run());
    }
  }

  private void send() {
    if (done) {
      return;
    }
    try {
      client.request(request).onComplete(opened -> {
        if (opened.failed()) {
          fail(failures.of(request, opened.cause()));
        } else if (done) {
          opened.result().reset();
        } else {
          clientRequest = opened.result();
          // Counted from here, with a connection in hand: the wait for a pooled connection has its
          // own bound (RequestOptions' connect timeout), so a burst of calls queued behind the pool
          // does not eat into the time Nebuly has to answer.
          timerId =
              vertx.setTimer(
                  settings.requestTimeout.toMillis(),
                  id -> {
                    timerId = -1;
                    fail(new NebulyException.Timeout(settings.requestTimeout, null));
                  });
          (requestBody == null ? clientRequest.send() : clientRequest.send(requestBody))
              .onComplete(answered -> {
                if (answered.failed()) {
                  fail(failures.of(request, answered.cause()));
                } else {
                  receive(answered.result());
                }
              });
        }
      });
    } catch (RuntimeException e) {
      // A closed client may refuse at once instead of failing the future.
      fail(failures.of(request, e));
    }
  }

  private void receive(HttpClientResponse response) {
    if (done) {
      return;
    }
    // Set first: aborting below resets the stream, and an unhandled reset would be logged.
    response.exceptionHandler(e -> fail(failures.of(request, e)));
    String declaredLength = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declaredLength != null && exceedsBound(declaredLength)) {
      fail(ErrorDecoder.bodyTooLarge(response.statusCode(), settings.maxResponseBytes));
      return;
    }
    body = Buffer.buffer();
    response.handler(chunk -> {
      if (done) {
        return;
      }
      if ((long) body.length() + chunk.length() > settings.maxResponseBytes) {
        // Nothing more is kept; fail() aborts the request, which closes the connection.
        body = null;
        fail(ErrorDecoder.bodyTooLarge(response.statusCode(), settings.maxResponseBytes));
      } else {
        body.appendBuffer(chunk);
      }
    });
    response.endHandler(ignored -> finish(response));
  }

  private boolean exceedsBound(String declaredLength) {
    try {
      return Long.parseLong(declaredLength.strip()) > settings.maxResponseBytes;
    } catch (NumberFormatException e) {
      // Netty rejects a malformed Content-Length itself; the counted bytes still bound the body.
      return false;
    }
  }

  private void finish(HttpClientResponse response) {
    if (done) {
      return;
    }
    done = true;
    cancelTimer();
    // The request is complete: it must not be reset, so that its connection is reused.
    clientRequest = null;
    T value;
    try {
      value = reader.read(response, body);
    } catch (NebulyException e) {
      result.completeExceptionally(e);
      return;
    } catch (RuntimeException e) {
      result.completeExceptionally(failures.unexpected(response.statusCode(), e));
      return;
    }
    result.complete(value);
  }

  private void fail(NebulyException failure) {
    if (done) {
      return;
    }
    done = true;
    cancelTimer();
    abort();
    result.completeExceptionally(failure);
  }

  private void cancelled() {
    if (done) {
      return;
    }
    done = true;
    cancelTimer();
    abort();
  }

  private void abort() {
    HttpClientRequest open = clientRequest;
    clientRequest = null;
    body = null;
    if (open != null) {
      open.reset();
    }
  }

  private void cancelTimer() {
    if (timerId != -1) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }
}
