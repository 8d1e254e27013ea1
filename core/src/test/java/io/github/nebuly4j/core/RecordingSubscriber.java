package io.github.nebuly4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subscriber that records every signal, in order, and checks that signals never overlap: a
 * second signal that starts while one is running is recorded as {@code "overlap"}.
 */
class RecordingSubscriber<T> implements Flow.Subscriber<T> {
  private final List<String> signals = new ArrayList<>();
  private final List<T> rows = new ArrayList<>();
  private final AtomicInteger running = new AtomicInteger();
  private volatile Flow.Subscription subscription;
  private volatile Throwable error;
  private volatile boolean completed;
  private final CountDownLatch terminated = new CountDownLatch(1);

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    enter();
    this.subscription = subscription;
    record("subscribe");
    leave();
  }

  @Override
  public void onNext(T row) {
    enter();
    synchronized (this) {
      rows.add(row);
    }
    record("next");
    whenNext(row);
    leave();
  }

  /** Called inside onNext, after the row is recorded; for subclasses that react to rows. */
  void whenNext(T row) {}

  @Override
  public void onError(Throwable throwable) {
    enter();
    error = throwable;
    record("error");
    leave();
    terminated.countDown();
  }

  @Override
  public void onComplete() {
    enter();
    completed = true;
    record("complete");
    leave();
    terminated.countDown();
  }

  /** Waits, with a generous bound, for onError or onComplete; false if neither came. */
  boolean awaitTerminal() throws InterruptedException {
    return terminated.await(30, TimeUnit.SECONDS);
  }

  Flow.Subscription subscription() {
    return subscription;
  }

  void request(long n) {
    subscription.request(n);
  }

  synchronized List<T> rows() {
    return List.copyOf(rows);
  }

  synchronized List<String> signals() {
    return List.copyOf(signals);
  }

  Throwable error() {
    return error;
  }

  boolean completed() {
    return completed;
  }

  private void enter() {
    if (running.getAndIncrement() != 0) {
      record("overlap");
    }
  }

  private void leave() {
    running.decrementAndGet();
  }

  private synchronized void record(String signal) {
    signals.add(signal);
  }
}
