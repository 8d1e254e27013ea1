package io.github.nebuly4j.quarkus.runtime;

import io.github.nebuly4j.wire.AttemptListener;
import io.github.nebuly4j.wire.WireAnswer;
import io.github.nebuly4j.wire.WireRequest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * One attempt sent through the REST Client: what the REST Client does not offer, on the Vert.x
 * request it creates. Once the connection is granted ({@link #onRequest}, the builder's request
 * customizer) it reports {@code connected()}, watches the body as it streams to cut it past the
 * bound, and keeps the request so that {@link #abort()} can reset it.
 *
 * <p>The abort is the adapter's own: cancelling the REST Client's {@code Uni} before its request
 * exists leaves the pooled connection it is granted later never released. Here an attempt aborted
 * before its request exists resets that request as soon as it is created, before anything is
 * written, which gives the connection back to the pool; a request already sent is reset, which
 * closes its connection. Not for application use.
 */
public final class RestAttempt {
  private static final Logger LOG = Logger.getLogger(RestAttempt.class);

  /** The key of the attempt in the invocation's Vert.x context. */
  private static final String CONTEXT_KEY = RestAttempt.class.getName();

  private final WireRequest request;
  private final AttemptListener listener;
  private final AtomicBoolean reported = new AtomicBoolean();
  private HttpClientRequest sent;
  private boolean aborted;
  private boolean finished;

  RestAttempt(WireRequest request, AttemptListener listener) {
    this.request = request;
    this.listener = listener;
  }

  /**
   * Returns the request wire built.
   *
   * @return the request
   */
  WireRequest request() {
    return request;
  }

  /** Puts this attempt where {@link #onRequest} finds it: the invocation's own context. */
  void bind(Context invocation) {
    invocation.putLocal(CONTEXT_KEY, this);
  }

  /**
   * The request customizer of every client: runs once the connection is granted, before anything
   * is written, on the invocation's context.
   *
   * @param created the Vert.x request the REST Client is about to send
   */
  static void onRequest(HttpClientRequest created) {
    Context context = Vertx.currentContext();
    RestAttempt attempt = context == null ? null : context.getLocal(CONTEXT_KEY);
    if (attempt == null) {
      // Sent without an attempt to report to, nothing would bound it: refuse it, loudly.
      LOG.error("nebuly4j found no attempt for a request to Nebuly; the REST Client's contexts have changed");
      created.reset(0, new IllegalStateException("no nebuly4j attempt on the request's context"));
      return;
    }
    attempt.connected(created);
  }

  private void connected(HttpClientRequest created) {
    // Every failure also fails the response, which reaches failed(); without this handler Vert.x
    // logs each reset of a request not yet ended as an error.
    created.exceptionHandler(ignored -> {});
    boolean abortNow;
    synchronized (this) {
      sent = created;
      abortNow = aborted;
    }
    if (abortNow) {
      created.reset();
      return;
    }
    created
        .response()
        .onSuccess(
            response -> {
              watchBody(created, response);
              response.end().onComplete(ignored -> finish());
            });
    listener.connected();
  }

  /**
   * Aborts the attempt: resets its request now, or as soon as it is created. Once the answer has
   * ended (or been reported) there is nothing to abort, and a reset would close a connection that
   * may already serve another request.
   */
  void abort() {
    HttpClientRequest current;
    synchronized (this) {
      aborted = true;
      current = finished || reported.get() ? null : sent;
    }
    if (current != null) {
      current.reset();
    }
  }

  private synchronized void finish() {
    finished = true;
  }

  /**
   * Counts the body's bytes as they arrive (the REST Client buffers them too, behind this handler)
   * and, past the bound, answers with what was read and resets the request, so that no more is
   * read and the connection is closed.
   */
  private void watchBody(HttpClientRequest created, HttpClientResponse response) {
    // A body is at most an array's worth of bytes, whatever the bound says.
    int bound = (int) Math.min(request.maxBodyBytes(), Integer.MAX_VALUE - 8);
    List<Buffer> chunks = new ArrayList<>();
    long[] read = {0};
    response.handler(
        chunk -> {
          if (reported.get()) {
            return;
          }
          read[0] += chunk.length();
          chunks.add(chunk);
          if (read[0] > bound && reported.compareAndSet(false, true)) {
            listener.answered(
                new WireAnswer(response.statusCode(), response::getHeader, firstBytes(chunks, bound), bound, true));
            created.reset();
          }
        });
  }

  private static byte[] firstBytes(List<Buffer> chunks, int count) {
    byte[] bytes = new byte[count];
    int at = 0;
    for (Buffer chunk : chunks) {
      int length = Math.min(chunk.length(), count - at);
      chunk.getBytes(0, length, bytes, at);
      at += length;
      if (at == count) {
        break;
      }
    }
    return bytes;
  }

  /**
   * Reports the REST Client's answer: status, headers and the buffered body.
   *
   * @param response the answer, whatever its status
   */
  void answered(Response response) {
    if (!reported.compareAndSet(false, true)) {
      return;
    }
    byte[] body;
    try {
      body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
    } catch (RuntimeException e) {
      listener.failed(e);
      return;
    }
    listener.answered(new WireAnswer(response.getStatus(), response::getHeaderString, body, body.length, false));
  }

  /**
   * Reports a failure of the REST Client's call.
   *
   * @param failure what the REST Client failed with
   */
  void failed(Throwable failure) {
    if (reported.compareAndSet(false, true)) {
      listener.failed(failure);
    }
  }
}
