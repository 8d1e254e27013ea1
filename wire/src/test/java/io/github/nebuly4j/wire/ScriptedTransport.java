package io.github.nebuly4j.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A transport that sends nothing: each attempt waits until a test answers it through its listener,
 * and each timer waits until the test fires it, moving a fake clock to the timer's due time. Not
 * thread-safe: one test thread drives it.
 */
final class ScriptedTransport implements NebulyTransport {

  /** The fake clock, in nanoseconds; the exchange under test reads it. */
  final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  final List<Sent> sent = new ArrayList<>();
  final List<Timer> timers = new ArrayList<>();

  /** When set, {@link #send} cancels the attempt itself before it returns the handle. */
  Runnable duringSend;

  /** One attempt as the exchange sent it. */
  static final class Sent {
    final WireRequest request;
    final AttemptListener listener;
    int aborts;

    Sent(WireRequest request, AttemptListener listener) {
      this.request = request;
      this.listener = listener;
    }
  }

  /** One timer as the exchange set it. */
  final class Timer {
    final long delayMillis;
    final long dueNanos;
    final Runnable task;
    boolean cancelled;
    boolean fired;

    Timer(long delayMillis, Runnable task) {
      this.delayMillis = delayMillis;
      this.dueNanos = nanos.get() + delayMillis * 1_000_000L;
      this.task = task;
    }

    /** Moves the clock to the timer's due time and runs it, as a real timer would. */
    void fire() {
      if (cancelled || fired) {
        throw new AssertionError("this timer was cancelled or has fired already");
      }
      fired = true;
      nanos.accumulateAndGet(dueNanos, Math::max);
      task.run();
    }
  }

  @Override
  public Cancellable send(WireRequest request, AttemptListener listener) {
    Sent attempt = new Sent(request, listener);
    sent.add(attempt);
    if (duringSend != null) {
      Runnable action = duringSend;
      duringSend = null;
      action.run();
    }
    return () -> attempt.aborts++;
  }

  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    Timer timer = new Timer(delayMillis, task);
    timers.add(timer);
    return () -> timer.cancelled = true;
  }

  Sent last() {
    return sent.get(sent.size() - 1);
  }

  /** The timers that have neither fired nor been cancelled. */
  List<Timer> pending() {
    return timers.stream().filter(t -> !t.cancelled && !t.fired).toList();
  }

  /** The one pending timer; fails when there is none or more than one. */
  Timer onlyPending() {
    List<Timer> pending = pending();
    if (pending.size() != 1) {
      throw new AssertionError("expected one pending timer, found " + pending.size());
    }
    return pending.get(0);
  }

  /** Moves the clock on, as time passing while an attempt is under way. */
  void advanceMillis(long millis) {
    nanos.addAndGet(millis * 1_000_000L);
  }

  static WireAnswer answer(int status, String body) {
    return answer(status, Map.of(), body);
  }

  static WireAnswer answer(int status, Map<String, String> headers, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new WireAnswer(status, headersOf(headers), bytes, bytes.length, false);
  }

  static WireAnswer truncated(int status, Map<String, String> headers, String start) {
    byte[] bytes = start.getBytes(StandardCharsets.UTF_8);
    return new WireAnswer(status, headersOf(headers), bytes, bytes.length, true);
  }

  private static WireAnswer.Headers headersOf(Map<String, String> headers) {
    Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, value) -> byName.put(name.toLowerCase(Locale.ROOT), value));
    return byName::get;
  }
}
