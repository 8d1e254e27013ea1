package io.github.nebuly4j.quarkus.runtime;

import io.github.nebuly4j.wire.AttemptListener;
import io.github.nebuly4j.wire.WireAnswer;
import io.github.nebuly4j.wire.WireRequest;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.impl.ContextInternal;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * One attempt sent through the REST Client: what the REST Client does not offer, on the Vert.x
 * request it creates. Once the connection is granted ({@link #onRequest}, the builder's request
 * customizer) it reports {@code connected()}, watches the answer to cut its body past the bound,
 * and keeps the request so that {@link #abort()} can reset it.
 *
 * <p>The abort is the adapter's own: cancelling the REST Client's {@code Uni} before its request
 * exists leaves the pooled connection it is granted later never released. An attempt aborted
 * before its request exists resets that request as soon as it is created, before anything is
 * written, which gives the connection back to the pool.
 *
 * <p>Everything but {@link #abort()} and the REST Client's outcome runs on the request's Vert.x
 * context. The abort may come from any thread, so it only raises a flag and resets the request on
 * that context, in order with the answer's end: a request whose answer has ended is never reset,
 * for on HTTP/1.1 a reset closes the connection, which by then may serve another call. (Vert.x
 * learns of the end on the connection's event loop and tells the request's context right after; a
 * reset that falls between the two closes the connection before the pool gives it to anyone, as
 * Vert.x's own request timeout would.)
 *
 * <p>The outcome is reported on the caller's context when the call was made on an event loop,
 * as a Vert.x client reports it, rather than on the context the REST Client runs the request on:
 * that context is new for each request and keeps the one it was made from, so callers that make
 * the next call from a completion would grow a chain of contexts, one per call, for as long as they
 * run. A call made on a worker's context is reported where the REST Client reports it, so that a
 * caller that blocks on it there never waits for its own context.
 *
 * <p>The body is held once, by the REST Client, which reads it whole (its one buffer, taken
 * directly, becomes the answer). Past the bound, only the beginning of an error page is kept,
 * which is all the exchange reads ({@link WireAnswer#ERROR_TEXT_BYTES}). Not for application use.
 */
public final class RestAttempt {
  private static final Logger LOG = Logger.getLogger(RestAttempt.class);

  /** The key of the attempt in the invocation's Vert.x context. */
  private static final String CONTEXT_KEY = RestAttempt.class.getName();

  private static final byte[] NO_BYTES = {};

  private final WireRequest request;
  private final AttemptListener listener;
  private final int bound;
  private final Context caller;
  private final AtomicBoolean reported = new AtomicBoolean();
  private volatile boolean aborted;
  private volatile Context context;
  private volatile Buffer body;
  private HttpClientRequest open;
  private long read;
  private Buffer errorStart;

  RestAttempt(WireRequest request, AttemptListener listener, Context caller) {
    this.request = request;
    this.listener = listener;
    this.caller = caller;
    // A body is at most an array's worth of bytes, whatever the bound says.
    this.bound = (int) Math.min(request.maxBodyBytes(), Integer.MAX_VALUE - 8);
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
    if (context != null) {
      // Taken off at once: a call made from this context's callbacks runs on a context that may
      // carry its locals on, and each attempt would keep the one before it, result and all.
      context.removeLocal(CONTEXT_KEY);
    }
    if (attempt == null) {
      // Sent without an attempt to report to, nothing would bound it: refuse it, loudly.
      LOG.error("nebuly4j found no attempt for a request to Nebuly; the REST Client's contexts have changed");
      created.reset(0, new IllegalStateException("no nebuly4j attempt on the request's context"));
      return;
    }
    attempt.connected(context, created);
  }

  private void connected(Context on, HttpClientRequest created) {
    // Every failure also fails the response, which reaches failed(); without this handler Vert.x
    // logs each reset of a request not yet ended as an error.
    created.exceptionHandler(ignored -> {});
    context = on;
    if (aborted) {
      // Nothing is written yet: the reset gives the connection back to the pool.
      created.reset();
      return;
    }
    open = created;
    created.response().onComplete(this::responded);
    listener.connected();
  }

  /**
   * Aborts the attempt: resets its request on the request's context, or as soon as it is created.
   * Safe on any thread; does nothing once the answer has ended.
   */
  void abort() {
    aborted = true;
    Context on = context;
    if (on != null) {
      on.runOnContext(ignored -> resetIfOpen());
    }
  }

  private void resetIfOpen() {
    HttpClientRequest current = open;
    if (current != null) {
      open = null;
      current.reset();
    }
  }

  /** The answer's head has come, or the request failed (which the REST Client reports too). */
  private void responded(AsyncResult<HttpClientResponse> head) {
    if (head.failed()) {
      open = null;
      return;
    }
    HttpClientResponse response = head.result();
    // As on the request: a reset fails the REST Client's call, and unhandled, Vert.x would log it.
    response.exceptionHandler(ignored -> {});
    // Completes before the body does, and so before the connection goes back to the pool.
    response.end().onComplete(ignored -> open = null);
    if (declaredLength(response) > bound) {
      cut(response);
      return;
    }
    response.handler(chunk -> counted(response, chunk));
    // The REST Client reads the body into this same buffer; it is the answer's.
    response.body().onSuccess(whole -> body = whole);
  }

  /**
   * Counts the body's bytes as they arrive, keeping the beginning of an error page, and cuts the
   * answer once they pass the bound.
   */
  private void counted(HttpClientResponse response, Buffer chunk) {
    if (reported.get()) {
      return;
    }
    read += chunk.length();
    if (!isSuccess(response.statusCode())) {
      keepErrorStart(chunk);
    }
    if (read > bound) {
      cut(response);
    }
  }

  private void keepErrorStart(Buffer chunk) {
    if (errorStart == null) {
      errorStart = Buffer.buffer();
    }
    int wanted = Math.min(chunk.length(), WireAnswer.ERROR_TEXT_BYTES - errorStart.length());
    if (wanted > 0) {
      errorStart.appendBuffer(chunk, 0, wanted);
    }
  }

  /** Answers with what the exchange reads of a body past the bound, and stops reading it. */
  private void cut(HttpClientResponse response) {
    if (reported.compareAndSet(false, true)) {
      byte[] start = errorStart == null ? NO_BYTES : errorStart.getBytes();
      WireAnswer cutAnswer = new WireAnswer(response.statusCode(), response::getHeader, start, start.length, true);
      report(() -> listener.answered(cutAnswer));
    }
    resetIfOpen();
  }

  /**
   * Reports the REST Client's answer: its status and headers, and the body the REST Client read.
   *
   * @param response the answer, whatever its status
   */
  void answered(Response response) {
    if (!reported.compareAndSet(false, true)) {
      return;
    }
    Buffer whole = body;
    byte[] bytes = whole == null ? NO_BYTES : whole.getBytes();
    WireAnswer answer = new WireAnswer(response.getStatus(), response::getHeaderString, bytes, bytes.length, false);
    report(() -> listener.answered(answer));
  }

  /**
   * Reports a failure of the REST Client's call.
   *
   * @param failure what the REST Client failed with
   */
  void failed(Throwable failure) {
    if (reported.compareAndSet(false, true)) {
      report(() -> listener.failed(failure));
    }
  }

  /**
   * Reports the outcome on the caller's event loop context, or here when it has none. The request's
   * context shares the caller's event loop, so the outcome is most often already on the right
   * thread: it then runs at once, with the caller's context made current (Vert.x's internal {@code
   * emit}, which Quarkus's own context helpers use too), rather than as one more task on the loop.
   */
  private void report(Runnable outcome) {
    if (!caller.isEventLoopContext() || Vertx.currentContext() == caller) {
      outcome.run();
    } else if (caller instanceof ContextInternal loop && loop.inThread()) {
      loop.emit(ignored -> outcome.run());
    } else {
      caller.runOnContext(ignored -> outcome.run());
    }
  }

  private static boolean isSuccess(int status) {
    return status >= 200 && status <= 299;
  }

  private static long declaredLength(HttpClientResponse response) {
    String declared = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      return declared == null ? -1 : Long.parseLong(declared.strip());
    } catch (NumberFormatException malformed) {
      // Netty refuses a malformed Content-Length itself; the counted bytes still bound the body.
      return -1;
    }
  }
}
