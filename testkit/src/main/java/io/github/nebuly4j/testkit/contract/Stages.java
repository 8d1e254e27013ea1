package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits on stages, so that a broken implementation fails a suite instead of hanging it. */
final class Stages {
  /** The wait for one ordinary call, retries included. */
  static final Duration CALL = Duration.ofSeconds(15);

  /** The wait for the heavy calls (thousands of interactions, hundreds of calls). */
  static final Duration HEAVY = Duration.ofSeconds(60);

  private Stages() {}

  /** Waits for the stage's value; any failure or a timeout fails the test. */
  static <T> T await(CompletionStage<T> stage, Duration limit, String what) {
    try {
      return stage.toCompletableFuture().get(limit.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      stage.toCompletableFuture().cancel(true);
      throw new AssertionError(what + " did not complete within " + limit.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(what + " was interrupted", e);
    }
  }

  static <T> T await(CompletionStage<T> stage, String what) {
    return await(stage, CALL, what);
  }

  /** Waits for the stage to fail and returns why; a value or a timeout fails the test. */
  static Throwable failure(CompletionStage<?> stage, String what) {
    Object value;
    try {
      value = stage.toCompletableFuture().get(CALL.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | CompletionException e) {
      return unwrap(e);
    } catch (TimeoutException e) {
      stage.toCompletableFuture().cancel(true);
      throw new AssertionError(what + " did not complete within " + CALL.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(what + " was interrupted", e);
    }
    return fail(what + " should have failed, but completed with " + value);
  }

  /** Waits for the stage to fail with the expected type, and returns the failure. */
  static <E extends Throwable> E failure(CompletionStage<?> stage, Class<E> expected, String what) {
    Throwable failure = failure(stage, what);
    if (!expected.isInstance(failure)) {
      throw new AssertionError(
          what + " should have failed with " + expected.getName() + ", but failed with " + failure,
          failure);
    }
    return expected.cast(failure);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof ExecutionException || cause instanceof CompletionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Asserts that no message or description in the failure's chain contains {@code secret}. */
  static void assertNoSecret(Throwable failure, String secret) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      assertFalse(
          String.valueOf(t.getMessage()).contains(secret),
          "the API key appears in the message of " + t.getClass().getName());
      assertFalse(
          t.toString().contains(secret),
          "the API key appears in the toString of " + t.getClass().getName());
      for (Throwable suppressed : t.getSuppressed()) {
        assertNoSecret(suppressed, secret);
      }
    }
  }
}
