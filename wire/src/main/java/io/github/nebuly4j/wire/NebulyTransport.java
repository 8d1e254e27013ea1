package io.github.nebuly4j.wire;

/**
 * What an adapter implements: moving the bytes of one request over its framework's HTTP client,
 * and a timer. Everything else (building requests, timeouts, retries, the body bound's meaning,
 * decoding, errors) is {@link NebulyExchange}'s.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>{@link #send} never blocks and may be called on any thread, an event loop included.
 *   <li>The transport sends exactly {@link WireRequest#method()}, {@link WireRequest#url()} (its
 *       path is already percent-encoded: it must reach the server byte for byte), the {@link
 *       WireRequest#headers()} and the {@link WireRequest#body()}, and never follows a redirect.
 *   <li>It calls {@link AttemptListener#connected()} as soon as a connection is in hand (a new one
 *       or a pooled one), then exactly one of {@link AttemptListener#answered} or {@link
 *       AttemptListener#failed}. It may call them on any thread.
 *   <li>It reads at most {@link WireRequest#maxBodyBytes()} bytes of the body. When more arrive
 *       (or the head announces more), it stops reading, closes the connection, and answers with
 *       {@link WireAnswer#truncated()} set; memory stays bounded whatever the server sends. Such an
 *       answer need carry only what the exchange reads of it: the first bytes read of an error
 *       body, up to {@link WireAnswer#ERROR_TEXT_BYTES}, and nothing of a success.
 *   <li>The {@link Cancellable} that {@link #send} returns aborts the attempt: a request in
 *       flight is reset and its connection closed (never returned to the pool half-read); a
 *       request still waiting for a connection is never sent, and its connection, once granted,
 *       goes back to the pool or is closed. Aborting logs nothing above DEBUG. After an abort the
 *       transport may still call the listener; the exchange ignores such late calls.
 *   <li>{@link #schedule} runs a task on the transport's timer, never on the calling thread before
 *       it returns.
 * </ul>
 */
public interface NebulyTransport {

  /**
   * Sends one attempt of a call.
   *
   * @param request what to send
   * @param listener where to report the connection, the answer or the failure
   * @return a handle that aborts the attempt
   */
  Cancellable send(WireRequest request, AttemptListener listener);

  /**
   * Runs {@code task} after {@code delayMillis} milliseconds on the transport's timer.
   *
   * @param delayMillis the delay, at least 1 (the exchange rounds every wait up to whole
   *     milliseconds)
   * @param task what to run
   * @return a handle that cancels the task if it has not run yet
   */
  Cancellable schedule(long delayMillis, Runnable task);

  /** Cancels what it was returned for; does nothing if that already ended. Safe on any thread. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels, if there is still something to cancel. */
    void cancel();
  }
}
