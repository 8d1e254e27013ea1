package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.NebulyException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * One attempt of one call: sent through the transport, bounded by the connect timeout until a
 * connection is in hand and by the attempt timeout from its start to the last byte, and ended by
 * whatever comes first (the answer, a failure, a timer, a cancellation). The losers of that race
 * find the attempt done and do nothing but abort what is still open.
 *
 * <p>One timer runs at a time, and usually only one per attempt: the first bound (the connect
 * timeout, when it is the shorter) is not cancelled when the connection comes; if it fires and the
 * attempt is still under way, it starts a second timer for what is left of the attempt timeout.
 * An attempt that ends within the connect timeout, as nearly all do, costs one timer.
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
  private final LongSupplier nanoTime;
  private final long startNanos;
  private final Outcome result = new Outcome();
  private final AtomicInteger state = new AtomicInteger(CONNECTING);

  private volatile NebulyTransport.Cancellable timer;
  private volatile NebulyTransport.Cancellable abort;
  private volatile boolean abortWanted;

  Attempt(
      NebulyTransport transport,
      NebulySettings settings,
      TransportFailures failures,
      WireRequest request,
      Interpretation<T> interpretation,
      LongSupplier nanoTime) {
    this.transport = transport;
    this.settings = settings;
    this.failures = failures;
    this.request = request;
    this.interpretation = interpretation;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
  }

  /**
   * Sends the request and returns the attempt's outcome.
   *
   * @return completes with the result or fails with a {@link NebulyException}; cancelling it
   *     aborts the request
   */
  CompletableFuture<T> start() {
    NebulyTransport.Cancellable handle;
    try {
      boolean connectBoundFirst = settings.connectTimeout().compareTo(settings.attemptTimeout()) < 0;
      startTimer(connectBoundFirst ? settings.connectTimeout() : settings.attemptTimeout(), connectBoundFirst);
      handle = transport.send(request, this);
    } catch (RuntimeException e) {
      // A transport reports through the listener; one that throws (a closed client) still ends the
      // attempt with a typed error.
      failed(e);
      return result;
    }
    if (handle == null) {
      failed(new IllegalStateException("the transport returned no abort handle"));
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
    state.compareAndSet(CONNECTING, CONNECTED);
  }

  @Override
  public void answered(WireAnswer answer) {
    if (answer == null) {
      failed(new IllegalStateException("the transport reported an answer but gave none"));
      return;
    }
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

  /**
   * A timer fired.
   *
   * @param connectBound true for the connect timeout's timer, false for the attempt timeout's
   */
  private void onTimer(boolean connectBound) {
    if (connectBound) {
      if (state.compareAndSet(CONNECTING, DONE)) {
        requestAbort();
        result.completeExceptionally(
            new NebulyException.Timeout(settings.connectTimeout(), NebulyException.Timeout.Phase.CONNECT, null));
      } else if (state.get() == CONNECTED) {
        startTimer(settings.attemptTimeout().minusNanos(nanoTime.getAsLong() - startNanos), false);
      }
      return;
    }
    if (state.getAndSet(DONE) != DONE) {
      requestAbort();
      result.completeExceptionally(
          new NebulyException.Timeout(settings.attemptTimeout(), NebulyException.Timeout.Phase.ANSWER, null));
    }
  }

  /** Moves to DONE; true for the one caller that did, which then completes the result. */
  private boolean finish() {
    if (state.getAndSet(DONE) == DONE) {
      return false;
    }
    cancelTimer();
    return true;
  }

  private void startTimer(Duration delay, boolean connectBound) {
    NebulyTransport.Cancellable started = transport.schedule(millis(delay), () -> onTimer(connectBound));
    timer = started;
    if (state.get() == DONE && started != null) {
      // The attempt ended while this timer was being set: nobody else will cancel it.
      started.cancel();
    }
  }

  private void cancelTimer() {
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

  /** Whole milliseconds, rounded up, at least 1: a timer never fires before the bound. */
  static long millis(Duration delay) {
    if (delay.isNegative() || delay.isZero()) {
      return 1;
    }
    long millis = delay.toMillis();
    return delay.minusMillis(millis).isZero() ? millis : millis + 1;
  }

  /** The attempt's result; cancelling it ends the attempt and aborts the request. */
  private final class Outcome extends CompletableFuture<T> {
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (cancelled && state.getAndSet(DONE) != DONE) {
        cancelTimer();
        requestAbort();
      }
      return cancelled;
    }
  }
}
