package io.github.nebuly4j.testkit.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * A subscriber that records what a publisher signals and lets a suite wait, with a bound, until
 * enough has arrived; it counts any signal after the end, which no publisher may send. It can
 * cancel from inside {@code onNext}, as an application that has read enough does.
 */
final class StreamProbe<T> implements Flow.Subscriber<T> {
  private final List<T> rows = new ArrayList<>();
  private final int cancelAfter;
  private Flow.Subscription subscription;
  private Throwable error;
  private boolean completed;
  private int signalsAfterEnd;

  private StreamProbe(int cancelAfter) {
    this.cancelAfter = cancelAfter;
  }

  /** Subscribes a new probe to the publisher; it requests nothing yet. */
  static <T> StreamProbe<T> subscribe(Flow.Publisher<T> publisher) {
    return subscribe(publisher, Integer.MAX_VALUE);
  }

  /**
   * Subscribes a new probe that cancels its subscription inside the {@code onNext} of row number
   * {@code rows}, whatever it requested; it requests nothing yet.
   */
  static <T> StreamProbe<T> subscribeCancellingAfter(Flow.Publisher<T> publisher, int rows) {
    return subscribe(publisher, rows);
  }

  private static <T> StreamProbe<T> subscribe(Flow.Publisher<T> publisher, int cancelAfter) {
    StreamProbe<T> probe = new StreamProbe<>(cancelAfter);
    publisher.subscribe(probe);
    return probe;
  }

  @Override
  public synchronized void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    notifyAll();
  }

  @Override
  public synchronized void onNext(T row) {
    if (ended()) {
      signalsAfterEnd++;
    }
    rows.add(row);
    if (rows.size() == cancelAfter) {
      subscription.cancel();
    }
    notifyAll();
  }

  @Override
  public synchronized void onError(Throwable failure) {
    if (ended()) {
      signalsAfterEnd++;
    }
    error = failure;
    notifyAll();
  }

  @Override
  public synchronized void onComplete() {
    if (ended()) {
      signalsAfterEnd++;
    }
    completed = true;
    notifyAll();
  }

  /** Requests rows; outside the lock, so that a publisher answering on another thread can signal. */
  void request(long n) {
    subscription().request(n);
  }

  void cancel() {
    subscription().cancel();
  }

  /** Waits until at least {@code count} rows arrived or the stream ended; returns the rows. */
  synchronized List<T> awaitRows(int count, String what) {
    waitFor(() -> rows.size() >= count || ended(), what + ": " + count + " rows");
    return List.copyOf(rows);
  }

  /** Waits until the stream completed or failed. */
  synchronized void awaitEnd(String what) {
    waitFor(this::ended, what + ": the end of the stream");
  }

  synchronized List<T> rows() {
    return List.copyOf(rows);
  }

  synchronized Throwable error() {
    return error;
  }

  synchronized boolean completed() {
    return completed;
  }

  synchronized int signalsAfterEnd() {
    return signalsAfterEnd;
  }

  private synchronized Flow.Subscription subscription() {
    waitFor(() -> subscription != null, "onSubscribe");
    return subscription;
  }

  private boolean ended() {
    return completed || error != null;
  }

  private void waitFor(java.util.function.BooleanSupplier condition, String what) {
    Duration limit = Stages.CALL;
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "waited " + limit.toSeconds() + " s for " + what + "; got " + rows.size() + " rows"
                + (completed ? ", completed" : "") + (error != null ? ", failed with " + error : ""));
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
