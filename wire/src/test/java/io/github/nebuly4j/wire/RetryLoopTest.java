package io.github.nebuly4j.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Deterministic: a fake timer that runs tasks only when told, and a fake clock it advances. */
class RetryLoopTest {
  private static final RetryPolicy POLICY =
      RetryPolicy.builder()
          .maxAttempts(3)
          .initialBackoff(Duration.ofMillis(10))
          .maxBackoff(Duration.ofMillis(100))
          .jitter(0)
          .maxRetryAfter(Duration.ofSeconds(3))
          .deadline(Duration.ofSeconds(10))
          .build();

  private final FakeTimer timer = new FakeTimer();
  private final RetryLoop loop = RetryLoop.create(POLICY, timer, () -> 0.0, timer.nanos::get);

  /** A timer whose tasks run when {@link #fireNext()} says, advancing the clock by their delay. */
  static final class FakeTimer implements RetryLoop.Scheduler {
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final List<Duration> delays = new ArrayList<>();
    final Deque<Runnable> pending = new ArrayDeque<>();
    int cancelled;

    @Override
    public RetryLoop.Cancellable schedule(Duration delay, Runnable task) {
      delays.add(delay);
      pending.add(task);
      return () -> {
        if (pending.remove(task)) {
          cancelled++;
        }
      };
    }

    void fireNext() {
      nanos.addAndGet(delays.get(delays.size() - 1).toNanos());
      pending.remove().run();
    }

    void fireAll() {
      while (!pending.isEmpty()) {
        fireNext();
      }
    }
  }

  /** Answers each attempt with the next scripted outcome. */
  static final class Script<T> implements Supplier<CompletionStage<T>> {
    final Deque<Object> outcomes = new ArrayDeque<>();
    final AtomicInteger calls = new AtomicInteger();
    final List<CompletableFuture<T>> handedOut = new ArrayList<>();

    Script<T> thenFail(Throwable failure) {
      outcomes.add(failure);
      return this;
    }

    Script<T> thenSucceed(T value) {
      outcomes.add(new Object[] {value});
      return this;
    }

    Script<T> thenHang() {
      outcomes.add("hang");
      return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletionStage<T> get() {
      calls.incrementAndGet();
      Object next = outcomes.remove();
      CompletableFuture<T> future = new CompletableFuture<>();
      if (next instanceof Throwable) {
        future.completeExceptionally((Throwable) next);
      } else if (next instanceof Object[]) {
        future.complete((T) ((Object[]) next)[0]);
      }
      handedOut.add(future);
      return future;
    }
  }

  private static NebulyException.ServiceFailure unavailable() {
    return new NebulyException.ServiceFailure(503, null);
  }

  private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
    assertThat(future).isDone();
    try {
      future.get(1, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure, got " + future.get());
  }

  @Test
  void aFirstSuccessNeedsNoTimer() throws Exception {
    Script<String> script = new Script<String>().thenSucceed("ok");
    assertThat(loop.execute(script).get(1, TimeUnit.SECONDS)).isEqualTo("ok");
    assertThat(script.calls).hasValue(1);
    assertThat(timer.delays).isEmpty();
  }

  @Test
  void retriesRetryableFailuresWithTheBackoffOfThePolicy() throws Exception {
    Script<String> script = new Script<String>().thenFail(unavailable()).thenFail(unavailable()).thenSucceed("ok");
    CompletableFuture<String> result = loop.execute(script);
    assertThat(result).isNotDone();
    timer.fireAll();
    assertThat(result.get(1, TimeUnit.SECONDS)).isEqualTo("ok");
    assertThat(script.calls).hasValue(3);
    assertThat(timer.delays).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastFailureUnwrapped() throws Exception {
    NebulyException last = new NebulyException.ServiceFailure(502, "third");
    Script<String> script = new Script<String>().thenFail(unavailable()).thenFail(unavailable()).thenFail(last);
    CompletableFuture<String> result = loop.execute(script);
    timer.fireAll();
    assertThat(failureOf(result)).isSameAs(last);
    assertThat(script.calls).hasValue(3);
  }

  @Test
  void doesNotRetryWhatIsNotRetryable() throws Exception {
    NebulyException notFound = new NebulyException.NotFound("interaction 'x'", null);
    Script<String> script = new Script<String>().thenFail(notFound);
    CompletableFuture<String> result = loop.execute(script);
    assertThat(failureOf(result)).isSameAs(notFound);
    assertThat(timer.delays).isEmpty();
  }

  @Test
  void honoursRetryAfterAndGivesUpWhenItIsTooLong() throws Exception {
    Script<String> script =
        new Script<String>()
            .thenFail(new NebulyException.RateLimited(Duration.ofSeconds(2), null))
            .thenFail(new NebulyException.RateLimited(Duration.ofSeconds(30), null));
    CompletableFuture<String> result = loop.execute(script);
    assertThat(timer.delays).containsExactly(Duration.ofSeconds(2));
    timer.fireNext();
    assertThat(failureOf(result)).isInstanceOf(NebulyException.RateLimited.class);
    assertThat(((NebulyException.RateLimited) failureOf(result)).retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(script.calls).hasValue(2);
  }

  @Test
  void stopsAtTheDeadlineMeasuredOnTheGivenClock() throws Exception {
    RetryPolicy generous = RetryPolicy.builder().from(POLICY).maxAttempts(10).build();
    RetryLoop deadlineLoop = RetryLoop.create(generous, timer, () -> 0.0, timer.nanos::get);
    Script<String> script = new Script<String>().thenFail(unavailable()).thenFail(unavailable());
    CompletableFuture<String> result = deadlineLoop.execute(script);
    timer.nanos.addAndGet(Duration.ofSeconds(10).toNanos());
    timer.fireNext();
    assertThat(failureOf(result)).isInstanceOf(NebulyException.ServiceFailure.class);
    assertThat(script.calls).hasValue(2);
    assertThat(timer.pending).isEmpty();
  }

  @Test
  void unwrapsCompletionAndExecutionExceptions() throws Exception {
    NebulyException timeout = new NebulyException.Timeout(Duration.ofSeconds(1), null);
    Script<String> script =
        new Script<String>()
            .thenFail(new CompletionException(unavailable()))
            .thenFail(new ExecutionException(new CompletionException(timeout)))
            .thenFail(new CompletionException(timeout));
    CompletableFuture<String> result = loop.execute(script);
    timer.fireAll();
    assertThat(failureOf(result)).isSameAs(timeout);
    assertThat(script.calls).hasValue(3);
  }

  @Test
  void anAttemptThatThrowsIsAFailedAttempt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CompletableFuture<String> result =
        loop.execute(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new NebulyException.Transport("connection reset", null);
              }
              return CompletableFuture.completedFuture("second");
            });
    timer.fireAll();
    assertThat(result.get(1, TimeUnit.SECONDS)).isEqualTo("second");
  }

  @Test
  void aFailureThatIsNoNebulyExceptionIsPassedOnAtOnce() throws Exception {
    IllegalStateException bug = new IllegalStateException("adapter bug");
    Script<String> script = new Script<String>().thenFail(new CompletionException(bug));
    assertThat(failureOf(loop.execute(script))).isSameAs(bug);
    assertThat(timer.delays).isEmpty();
    assertThat(failureOf(loop.execute(() -> { throw new UnsupportedOperationException("sync bug"); })))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anAttemptReturningNullFailsClearly() throws Exception {
    assertThat(failureOf(loop.execute(() -> null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no CompletionStage");
  }

  @Test
  void cancellingDuringTheWaitCancelsTheTimerAndStartsNoAttempt() {
    Script<String> script = new Script<String>().thenFail(unavailable()).thenSucceed("never");
    CompletableFuture<String> result = loop.execute(script);
    assertThat(timer.pending).hasSize(1);
    Runnable task = timer.pending.peek();
    result.cancel(true);
    assertThat(timer.cancelled).isEqualTo(1);
    assertThat(timer.pending).isEmpty();
    task.run(); // a timer that fires anyway must not start an attempt
    assertThat(script.calls).hasValue(1);
    assertThat(result).isCancelled();
  }

  @Test
  void cancellingDuringAnAttemptCancelsIt() {
    Script<String> script = new Script<String>().thenHang();
    CompletableFuture<String> result = loop.execute(script);
    result.cancel(true);
    assertThat(script.handedOut.get(0)).isCancelled();
    assertThat(timer.delays).isEmpty();
  }

  @Test
  void aSchedulerThatRefusesEndsTheCallWithTheFailure() throws Exception {
    IllegalStateException closed = new IllegalStateException("vertx closed");
    RetryLoop refusing = RetryLoop.create(POLICY, (delay, task) -> { throw closed; }, () -> 0.0, () -> 0L);
    NebulyException failure = unavailable();
    Throwable reported = failureOf(refusing.execute(new Script<String>().thenFail(failure)));
    assertThat(reported).isSameAs(failure);
    assertThat(reported.getSuppressed()).containsExactly(closed);
  }

  @Test
  void aBrokenRandomSourceFailsTheCallInsteadOfHangingIt() throws Exception {
    RetryLoop broken = RetryLoop.create(POLICY, timer, () -> 2.0, () -> 0L);
    assertThat(failureOf(broken.execute(new Script<String>().thenFail(unavailable()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("random");
  }

  @Test
  void jitterComesFromTheRandomSource() {
    RetryPolicy jittery = RetryPolicy.builder().from(POLICY).jitter(0.5).build();
    RetryLoop jitterLoop = RetryLoop.create(jittery, timer, () -> 0.5, timer.nanos::get);
    jitterLoop.execute(new Script<String>().thenFail(unavailable()).thenSucceed("x"));
    assertThat(timer.delays).containsExactly(Duration.ofNanos(7_500_000));
  }

  @Test
  void theDefaultSourcesWork() throws Exception {
    RetryLoop real = RetryLoop.create(POLICY, (delay, task) -> { task.run(); return () -> {}; });
    Script<String> script = new Script<String>().thenFail(unavailable()).thenSucceed("ok");
    assertThat(real.execute(script).get(1, TimeUnit.SECONDS)).isEqualTo("ok");
  }

  @Test
  void argumentsAreChecked() {
    assertThatThrownBy(() -> RetryLoop.create(null, timer)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("policy");
    assertThatThrownBy(() -> RetryLoop.create(POLICY, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheduler");
    assertThatThrownBy(() -> RetryLoop.create(POLICY, timer, null, () -> 0L)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryLoop.create(POLICY, timer, () -> 0.0, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> loop.execute(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
