package io.github.nebuly4j.testkit.fake;

import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.spi.Arguments;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What both in-memory fakes share: the journal of calls, the scripted failures and the delay. One
 * piece of code, so that the two fakes behave alike.
 *
 * @param <C> the type of a journal entry
 */
final class CallScript<C> {
  private final List<C> calls = new ArrayList<>();
  private final Deque<NebulyException> failures = new ArrayDeque<>();
  private Duration delay = Duration.ZERO;

  synchronized void failNext(int count, NebulyException failure) {
    Arguments.requireNonNull(failure, "failure");
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    for (int i = 0; i < count; i++) {
      failures.add(failure);
    }
  }

  synchronized void delay(Duration delay) {
    Arguments.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, got " + delay);
    }
    this.delay = delay;
  }

  synchronized List<C> calls() {
    return List.copyOf(calls);
  }

  synchronized void clear() {
    calls.clear();
    failures.clear();
    delay = Duration.ZERO;
  }

  /**
   * Records the call and answers it: with the next scripted failure if there is one, else with the
   * answer computed now; after the delay, if one is set, on a timer rather than the caller's thread.
   */
  <T> CompletionStage<T> call(C call, Supplier<T> answer) {
    NebulyException scripted;
    Duration wait;
    synchronized (this) {
      calls.add(call);
      scripted = failures.poll();
      wait = delay;
    }
    CompletableFuture<T> answered = new CompletableFuture<>();
    if (scripted != null) {
      answered.completeExceptionally(scripted);
    } else {
      try {
        answered.complete(answer.get());
      } catch (NebulyException e) {
        answered.completeExceptionally(e);
      }
    }
    if (wait.isZero()) {
      return answered;
    }
    CompletableFuture<T> late = new CompletableFuture<>();
    CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS)
        .execute(
            () ->
                answered.whenComplete(
                    (value, failure) -> {
                      if (failure != null) {
                        late.completeExceptionally(failure);
                      } else {
                        late.complete(value);
                      }
                    }));
    return late;
  }
}
