package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Sends a request again when it fails and the {@link RetryPolicy} says so, waiting on the
 * transport's timer: no thread ever sleeps, so it is safe on an event loop.
 *
 * <p>One instance serves every call of a {@link NebulyExchange}, which schedules the waits on its
 * transport's timer.
 *
 * <p>An attempt fails with a {@link NebulyException} (a {@link CompletionException} or {@link
 * ExecutionException} around it is unwrapped). Any other failure is a bug, not a Nebuly answer: it is
 * passed on at once, never retried. Cancelling the returned future cancels the pending wait and
 * the attempt in flight (if its stage is a {@link Future}), and starts no further attempt.
 */
final class RetryLoop {

  /** Runs a task after a delay on the adapter's timer. */
  @FunctionalInterface
  public interface Scheduler {
    /**
     * Schedules {@code task}.
     *
     * @param delay the wait, zero or more (a timer that needs at least 1 ms rounds up)
     * @param task what to run after the wait; it must not run on the calling thread before this
     *     method returns
     * @return a handle that cancels the task if it has not run yet
     */
    Cancellable schedule(Duration delay, Runnable task);
  }

  /** Cancels a scheduled task. */
  @FunctionalInterface
  public interface Cancellable {
    /** Cancels the task if it has not run yet; does nothing otherwise. */
    void cancel();
  }

  private final RetryPolicy policy;
  private final Scheduler scheduler;
  private final DoubleSupplier random;
  private final LongSupplier nanoTime;

  private RetryLoop(RetryPolicy policy, Scheduler scheduler, DoubleSupplier random, LongSupplier nanoTime) {
    this.policy = Arguments.requireNonNull(policy, "policy");
    this.scheduler = Arguments.requireNonNull(scheduler, "scheduler");
    this.random = Arguments.requireNonNull(random, "random");
    this.nanoTime = Arguments.requireNonNull(nanoTime, "nanoTime");
  }

  /**
   * Creates a loop with {@link ThreadLocalRandom} jitter and {@link System#nanoTime()} elapsed time.
   *
   * @param policy when and how long to wait
   * @param scheduler the adapter's timer
   * @return the loop
   * @throws IllegalArgumentException if an argument is null
   */
  public static RetryLoop create(RetryPolicy policy, Scheduler scheduler) {
    return new RetryLoop(policy, scheduler, () -> ThreadLocalRandom.current().nextDouble(), System::nanoTime);
  }

  /**
   * Creates a loop with the given sources of randomness and time, for tests.
   *
   * @param policy when and how long to wait
   * @param scheduler the timer
   * @param random numbers in {@code [0, 1)} for the jitter
   * @param nanoTime a monotonic clock in nanoseconds, for the policy's deadline
   * @return the loop
   * @throws IllegalArgumentException if an argument is null
   */
  public static RetryLoop create(
      RetryPolicy policy, Scheduler scheduler, DoubleSupplier random, LongSupplier nanoTime) {
    return new RetryLoop(policy, scheduler, random, nanoTime);
  }

  /**
   * Runs {@code attempt}, then again as long as it fails and the policy allows.
   *
   * @param attempt sends the request once; called once per attempt
   * @param <T> the result type
   * @return the first success, or the last failure (the {@link NebulyException} itself, not wrapped)
   * @throws IllegalArgumentException if {@code attempt} is null
   */
  public <T> CompletableFuture<T> execute(Supplier<? extends CompletionStage<T>> attempt) {
    Arguments.requireNonNull(attempt, "attempt");
    Run<T> run = new Run<>(attempt, nanoTime.getAsLong());
    run.result.whenComplete((value, failure) -> {
      if (run.result.isCancelled()) {
        run.cancelPending();
      }
    });
    run.start();
    return run.result;
  }

  private final class Run<T> {
    final CompletableFuture<T> result = new CompletableFuture<>();
    private final Supplier<? extends CompletionStage<T>> attempt;
    private final long startNanos;
    private int attemptsMade;
    private volatile Cancellable pendingWait;
    private volatile CompletionStage<T> inFlight;

    Run(Supplier<? extends CompletionStage<T>> attempt, long startNanos) {
      this.attempt = attempt;
      this.startNanos = startNanos;
    }

    void start() {
      if (result.isDone()) {
        return;
      }
      attemptsMade++;
      CompletionStage<T> stage;
      try {
        stage = attempt.get();
      } catch (RuntimeException e) {
        onFailure(e);
        return;
      }
      if (stage == null) {
        result.completeExceptionally(new IllegalStateException("the attempt returned no CompletionStage"));
        return;
      }
      inFlight = stage;
      stage.whenComplete((value, failure) -> {
        inFlight = null;
        if (failure == null) {
          result.complete(value);
        } else {
          onFailure(failure);
        }
      });
      if (result.isCancelled()) {
        cancelPending();
      }
    }

    private void onFailure(Throwable thrown) {
      try {
        retryOrFail(unwrap(thrown));
      } catch (RuntimeException e) {
        // A callback's exception would vanish and leave the caller waiting for ever.
        result.completeExceptionally(e);
      }
    }

    private void retryOrFail(Throwable failure) {
      if (result.isDone()) {
        return;
      }
      if (!(failure instanceof NebulyException)) {
        result.completeExceptionally(failure);
        return;
      }
      NebulyException nebulyFailure = (NebulyException) failure;
      Duration elapsed = Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - startNanos));
      var delay = policy.nextDelay(attemptsMade, nebulyFailure, elapsed, random.getAsDouble());
      if (delay.isEmpty()) {
        result.completeExceptionally(nebulyFailure);
        return;
      }
      try {
        pendingWait = scheduler.schedule(delay.get(), this::start);
      } catch (RuntimeException e) {
        nebulyFailure.addSuppressed(e);
        result.completeExceptionally(nebulyFailure);
        return;
      }
      if (result.isCancelled()) {
        cancelPending();
      }
    }

    void cancelPending() {
      Cancellable wait = pendingWait;
      if (wait != null) {
        wait.cancel();
      }
      CompletionStage<T> stage = inFlight;
      if (stage instanceof Future) {
        ((Future<?>) stage).cancel(true);
      }
    }
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
