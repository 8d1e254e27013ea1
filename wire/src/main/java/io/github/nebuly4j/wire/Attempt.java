package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.NebulyException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One attempt of one call: sent through the transport, bounded by the connect timeout until a
 * connection is in hand and by the attempt timeout from its start to the last byte, and ended by
 * whatever comes first (the answer, a failure, a timer, a cancellation). The losers of that race
 * find the attempt done and do nothing but abort what is still open.
 *
 * <p>Listener calls and timers arrive on the transport's threads and the cancellation on the
 * caller's, so the state is one atomic integer and every field read across threads is volatile.
 *
 * @param <T> what a successful answer becomes
 */
final class Attempt<T> implements AttemptListener {

  /** Turns a complete answer into the call's result, or throws the call's {@link NebulyException}. */
  @FunctionalInterface
  interface Interpretation<T> {
    T apply(WireAnswer answer);
  }

  private static final int CONNECTING = 0;
  private static final int CONNECTED = 1;
  private static final int DONE = 2;

  private final NebulyTransport transport;
  private final NebulySettings settings;
  private final TransportFailures failures;
  private final WireRequest request;
  private final Interpretation<T> interpretation;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private final AtomicInteger state = new AtomicInteger(CONNECTING);
  private final long startNanos = System.nanoTime();

  /** Which timer is current: a timer that fires after it was replaced does nothing. */
  private final AtomicInteger timerGeneration = new AtomicInteger();

  private volatile NebulyTransport.Cancellable timer;
  private volatile NebulyTransport.Cancellable abort;
  private volatile boolean abortWanted;

  Attempt(
      NebulyTransport transport,
      NebulySettings settings,
      TransportFailures failures,
      WireRequest request,
      Interpretation<T> interpretation) {
    this.transport = transport;
    this.settings = settings;
    this.failures = failures;
    this.request = request;
    this.interpretation = interpretation;
  }

  /**
   * Sends the request and returns the attempt's outcome.
   *
   * @return completes with the result or fails with a {@link NebulyException}; cancelling it
   *     aborts the request
   */
  CompletableFuture<T> start() {
    result.whenComplete((value, failure) -> {
      if (result.isCancelled() && state.getAndSet(DONE) != DONE) {
        cancelTimer();
        requestAbort();
      }
    });
    Duration firstBound = min(settings.connectTimeout(), settings.attemptTimeout());
    startTimer(millis(firstBound));
    NebulyTransport.Cancellable handle;
    try {
      handle = transport.send(request, this);
    } catch (RuntimeException e) {
      // A transport reports through the listener; one that throws still ends the attempt typed.
      failed(e);
      return result;
    }
    abort = handle;
    if (abortWanted) {
      // A timer or a cancellation came before the transport returned its handle.
      handle.cancel();
    }
    return result;
  }

  @Override
  public void connected() {
    if (state.compareAndSet(CONNECTING, CONNECTED)) {
      cancelTimer();
      Duration left = settings.attemptTimeout().minusNanos(System.nanoTime() - startNanos);
      startTimer(millis(left));
    }
  }

  @Override
  public void answered(WireAnswer answer) {
    if (finish()) {
      T value;
      try {
        value = interpretation.apply(answer);
      } catch (NebulyException e) {
        result.completeExceptionally(e);
        return;
      } catch (RuntimeException e) {
        // wire's mapping promises MalformedResponse; anything else still must not reach a caller raw.
        result.completeExceptionally(
            new NebulyException.MalformedResponse(
                answer.status(), "the answer could not be read (" + e.getClass().getSimpleName() + ")", e));
        return;
      }
      result.complete(value);
    }
  }

  @Override
  public void failed(Throwable cause) {
    boolean connected = state.get() == CONNECTED;
    if (finish()) {
      result.completeExceptionally(failures.classify(cause, connected));
    }
  }

  private void onTimer(int generation) {
    if (generation != timerGeneration.get()) {
      return;
    }
    int current = state.get();
    if (current == DONE || !state.compareAndSet(current, DONE)) {
      return;
    }
    boolean waitingForConnection =
        current == CONNECTING && settings.connectTimeout().compareTo(settings.attemptTimeout()) < 0;
    requestAbort();
    result.completeExceptionally(
        waitingForConnection
            ? new NebulyException.Timeout(settings.connectTimeout(), NebulyException.Timeout.Phase.CONNECT, null)
            : new NebulyException.Timeout(settings.attemptTimeout(), NebulyException.Timeout.Phase.ANSWER, null));
  }

  /** Moves to DONE; true for the one caller that did, which then completes the result. */
  private boolean finish() {
    if (state.getAndSet(DONE) == DONE) {
      return false;
    }
    cancelTimer();
    return true;
  }

  private void startTimer(long delayMillis) {
    int generation = timerGeneration.incrementAndGet();
    timer = transport.schedule(delayMillis, () -> onTimer(generation));
  }

  private void cancelTimer() {
    timerGeneration.incrementAndGet();
    NebulyTransport.Cancellable current = timer;
    if (current != null) {
      current.cancel();
    }
  }

  private void requestAbort() {
    abortWanted = true;
    NebulyTransport.Cancellable handle = abort;
    if (handle != null) {
      handle.cancel();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Whole milliseconds, rounded up, at least 1: a timer never fires before the bound. */
  static long millis(Duration delay) {
    if (delay.isNegative() || delay.isZero()) {
      return 1;
    }
    long millis = delay.toMillis();
    return Math.max(1, delay.minusMillis(millis).isZero() ? millis : millis + 1);
  }
}
