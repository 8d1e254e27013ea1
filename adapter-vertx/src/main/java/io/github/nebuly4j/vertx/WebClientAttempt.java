package io.github.nebuly4j.vertx;

import io.github.nebuly4j.wire.AttemptListener;
import io.github.nebuly4j.wire.NebulyTransport;
import io.github.nebuly4j.wire.WireAnswer;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.codec.BodyCodec;
import io.vertx.ext.web.codec.spi.BodyStream;

/**
 * One attempt on the Web Client: its {@link BodyCodec}, which reads the body into one array within
 * the bound, the handle that aborts it, and the end of its Web Client future. {@link
 * RequestHandles} passes it the request once a connection is in hand and the response once its
 * head has come.
 *
 * <p>Everything but {@link #cancel()} runs on the request's context. The abort may come from any
 * thread, so it only raises a flag and closes the request on that context: run in order with the
 * body's end there, it can never reset a request that has completed, which would close a
 * connection already back in the pool.
 */
final class WebClientAttempt implements BodyCodec<Void>, BodyStream<Void>, NebulyTransport.Cancellable {

  /** Fails the Web Client's future of an attempt aborted before it was sent; nobody reads it. */
  static final Exception ABORTED = new Exception("aborted by nebuly4j", null, false, false) {};

  /** The first array for a body of unknown length; it doubles as the body grows, up to the bound. */
  private static final int FIRST_CAPACITY = 8 * 1024;

  private static final byte[] NO_BYTES = {};
  private static final Future<Void> WRITTEN = Future.succeededFuture();

  private final AttemptListener listener;
  private final int maxBodyBytes;
  private volatile boolean aborted;
  private volatile Context context;
  private HttpClientRequest request;
  private HttpClientResponse response;
  private byte[] body = NO_BYTES;
  private int length;
  private boolean truncated;

  WebClientAttempt(AttemptListener listener, long maxBodyBytes) {
    this.listener = listener;
    this.maxBodyBytes = (int) maxBodyBytes;
  }

  /**
   * The connection is in hand and the request is about to be sent.
   *
   * @return false if the attempt was aborted meanwhile: the request must not be sent
   */
  boolean sending(HttpClientRequest sent) {
    // Its reset is reported through the Web Client's future; without a handler Vert.x would log it.
    sent.exceptionHandler(ignored -> {});
    context = Vertx.currentContext();
    if (aborted) {
      return false;
    }
    request = sent;
    listener.connected();
    return true;
  }

  /** The answer's head has come; its body follows through {@link #stream()}. */
  void receiving(HttpClientResponse received) {
    response = received;
  }

  @Override
  public void cancel() {
    aborted = true;
    Context on = context;
    if (on != null) {
      on.runOnContext(ignored -> resetIfOpen());
    }
  }

  /** The Web Client's future: a success is answered on the next turn, a failure at once. */
  void completed(AsyncResult<HttpResponse<Void>> outcome) {
    if (outcome.failed()) {
      listener.failed(outcome.cause());
    } else if (!truncated) {
      WireAnswer answer = new WireAnswer(response.statusCode(), response.headers()::get, body, length, false);
      // By the next turn the connection is back in the pool, for a call made as soon as this ends.
      context.runOnContext(ignored -> listener.answered(answer));
    }
  }

  @Override
  public BodyStream<Void> stream() {
    long declared = declaredLength();
    if (declared > maxBodyBytes) {
      answerTruncated();
    } else {
      body = new byte[declared >= 0 ? (int) declared : Math.min(FIRST_CAPACITY, maxBodyBytes)];
    }
    return this;
  }

  @Override
  public Future<Void> write(Buffer data) {
    if (truncated) {
      return WRITTEN;
    }
    int taken = Math.min(maxBodyBytes - length, data.length());
    if (length + taken > body.length) {
      byte[] grown = new byte[(int) Math.min(maxBodyBytes, Math.max(2L * body.length, length + taken))];
      System.arraycopy(body, 0, grown, 0, length);
      body = grown;
    }
    data.getBytes(0, taken, body, length);
    length += taken;
    if (taken < data.length()) {
      answerTruncated();
    }
    return WRITTEN;
  }

  /** The body ended, or failed (the Web Client ends it then too): the request is over either way. */
  @Override
  public Future<Void> end() {
    request = null;
    return WRITTEN;
  }

  /** Answers with what was read and closes the connection: the rest of the body is never read. */
  private void answerTruncated() {
    truncated = true;
    listener.answered(new WireAnswer(response.statusCode(), response.headers()::get, body, length, true));
    cancel();
  }

  private void resetIfOpen() {
    HttpClientRequest open = request;
    if (open != null) {
      request = null;
      // On HTTP/1.1, a request in flight is reset by closing its connection.
      open.reset();
    }
  }

  private long declaredLength() {
    String declared = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      return declared == null ? -1 : Long.parseLong(declared.strip());
    } catch (NumberFormatException malformed) {
      // Netty refuses a malformed Content-Length itself; the counted bytes still bound the body.
      return -1;
    }
  }

  @Override
  public void handle(Throwable failure) {
    // A failed body is reported through the Web Client's future, to completed().
  }

  @Override
  public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  @Override
  public Future<Void> result() {
    return WRITTEN;
  }

  @Override
  public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    return false;
  }

  @Override
  public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
    return this;
  }
}
