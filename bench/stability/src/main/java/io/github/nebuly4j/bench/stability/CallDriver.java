package io.github.nebuly4j.bench.stability;

import io.github.nebuly4j.bench.load.LatencyHistogram;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs planned calls through the ports with a bounded number in flight: each completion starts the
 * next call (a closed loop), or, with as many in flight as there are calls, every call starts at
 * once (a burst). Calls start on the harness's own driver threads, never on an adapter's thread,
 * and completions are handed back to them, so that a slow check never holds an event loop.
 *
 * <p>A watchdog looks at the calls in flight twice a second; a call older than the policy's bound
 * is a hang: the run stops waiting for it, frees its place and goes on, so that every run ends.
 */
final class CallDriver {
  private static final long WATCHDOG_PERIOD_MILLIS = 500;

  private final Ports ports;
  private final Outcomes outcomes;
  private final Duration hangBound;
  private final ScheduledExecutorService timer;
  private final ExecutorService driver;
  private final SecretScan secrets;
  private final long stopIssuingAtNanos;

  CallDriver(
      Ports ports,
      Outcomes outcomes,
      Duration hangBound,
      ScheduledExecutorService timer,
      ExecutorService driver,
      SecretScan secrets,
      long stopIssuingAtNanos) {
    this.ports = ports;
    this.outcomes = outcomes;
    this.hangBound = hangBound;
    this.timer = timer;
    this.driver = driver;
    this.secrets = secrets;
    this.stopIssuingAtNanos = stopIssuingAtNanos;
  }

  /**
   * Runs the calls, at most {@code concurrency} at once, and returns when each has ended or been
   * given up on as a hang. A call not started because the run's time is up keeps no outcome.
   *
   * @return how many calls were started
   */
  int run(List<PlannedCall> calls, int concurrency, LatencyHistogram latencies) throws InterruptedException {
    Loop loop = new Loop(calls, latencies);
    ScheduledFuture<?> watchdog =
        timer.scheduleAtFixedRate(loop::watch, WATCHDOG_PERIOD_MILLIS, WATCHDOG_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    try {
      for (int i = 0; i < Math.min(concurrency, calls.size()); i++) {
        driver.execute(loop::startNext);
      }
      loop.ended.await();
    } finally {
      watchdog.cancel(false);
    }
    return Math.min(loop.next.get(), calls.size()) - loop.skipped.get();
  }

  /** One run of a list of calls. */
  private final class Loop {
    final List<PlannedCall> calls;
    final LatencyHistogram latencies;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    final Set<PlannedCall> inFlight = ConcurrentHashMap.newKeySet();
    final CountDownLatch ended;

    Loop(List<PlannedCall> calls, LatencyHistogram latencies) {
      this.calls = calls;
      this.latencies = latencies;
      this.ended = new CountDownLatch(calls.size());
    }

    void startNext() {
      if (System.nanoTime() - stopIssuingAtNanos > 0) {
        stopIssuing();
        return;
      }
      int index = next.getAndIncrement();
      if (index < calls.size()) {
        start(calls.get(index));
      }
    }

    /** The run's time is up: the calls not yet claimed are counted down unstarted. */
    private void stopIssuing() {
      int from = next.getAndSet(calls.size());
      for (int i = from; i < calls.size(); i++) {
        skipped.incrementAndGet();
        ended.countDown();
      }
    }

    private void start(PlannedCall call) {
      inFlight.add(call);
      call.startNanos = System.nanoTime();
      call.releaseAfter().ifPresent(after -> timer.schedule(() -> call.release.complete(null), after.toMillis(), TimeUnit.MILLISECONDS));
      CompletionStage<?> stage;
      try {
        stage = call.kind.call(ports, call.id);
      } catch (RuntimeException | Error thrown) {
        end(call, System.nanoTime(), Outcomes.thrown(thrown), thrown);
        return;
      }
      if (stage == null) {
        end(call, System.nanoTime(), "returned no stage", null);
        return;
      }
      call.future = stage.toCompletableFuture();
      if (call.cancelAfter != null) {
        if (call.cancelAfter.isZero()) {
          cancel(call);
        } else {
          timer.schedule(() -> cancel(call), call.cancelAfter.toNanos(), TimeUnit.NANOSECONDS);
        }
      }
      stage.whenComplete(
          (value, failure) -> {
            long end = System.nanoTime();
            driver.execute(() -> end(call, end, classify(call, value, failure), failure));
          });
    }

    private String classify(PlannedCall call, Object value, Throwable failure) {
      Object expected = failure == null && call.scenario.seeded() ? call.kind.seededValue(call.id) : null;
      return outcomes.classify(value, failure, expected);
    }

    private void end(PlannedCall call, long endNanos, String outcome, Throwable failure) {
      if (failure != null) {
        secrets.inspect(failure);
      }
      if (!inFlight.remove(call)) {
        call.lateCompletion = true;
        return;
      }
      call.endNanos = endNanos;
      call.outcome = outcome;
      if (!call.cancelled && !outcome.equals(Outcomes.CANCELLED)) {
        latencies.record(call.latencyNanos());
      }
      ended.countDown();
      // Through the executor, not directly: a port that fails at once would otherwise recurse.
      driver.execute(this::startNext);
    }

    private void cancel(PlannedCall call) {
      CompletableFuture<?> future = call.future;
      Instant at = Instant.now();
      if (future != null && future.cancel(true)) {
        call.cancelledAt = at;
        call.cancelled = true;
      }
    }

    /** Gives up on the calls older than the bound. */
    void watch() {
      long now = System.nanoTime();
      for (PlannedCall call : inFlight) {
        if (now - call.startNanos > hangBound.toNanos() && inFlight.remove(call)) {
          call.hung = true;
          call.outcome = Outcomes.HANG;
          call.endNanos = now;
          ended.countDown();
          driver.execute(this::startNext);
        }
      }
    }
  }
}
