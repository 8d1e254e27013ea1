package io.github.nebuly4j.bench.stability;

import io.github.nebuly4j.core.NebulyException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How a call ended, as one label that the report counts and that a planned call expects: {@code
 * success} (the seeded value, compared with {@code equals}), {@code empty}, {@code cancelled}, or
 * the {@link NebulyException} subtype with its HTTP status or its timeout phase, such as {@code
 * ServiceFailure 503} or {@code Timeout(CONNECT)}. Anything else (a wrong value, an exception of
 * another type, a call that throws) gets a label of its own that no plan expects.
 */
final class Outcomes {
  static final String SUCCESS = "success";
  static final String EMPTY = "empty";
  static final String NOT_FOUND = label(NebulyException.NotFound.class, 404);
  static final String CANCELLED = "cancelled";
  static final String WRONG_VALUE = "wrong value";
  static final String HANG = "hang";
  static final String CONNECT_TIMEOUT = "Timeout(CONNECT)";
  static final String ANSWER_TIMEOUT = "Timeout(ANSWER)";
  static final String TRANSPORT = "Transport";

  private final Duration connectTimeout;
  private final Duration attemptTimeout;

  Outcomes(AdapterSettings settings) {
    this.connectTimeout = settings.connectTimeout();
    this.attemptTimeout = settings.attemptTimeout();
  }

  /** The label of a failure of {@code type} with an HTTP status. */
  static String label(Class<? extends NebulyException> type, int status) {
    return type.getSimpleName() + " " + status;
  }

  /**
   * Labels how a call ended.
   *
   * @param value what the stage completed with, when it did not fail
   * @param failure what it failed with, or null
   * @param expectedValue what a success must equal
   */
  String classify(Object value, Throwable failure, Object expectedValue) {
    if (failure == null) {
      if (value instanceof java.util.Optional<?> optional && optional.isEmpty()) {
        return EMPTY;
      }
      return value != null && value.equals(expectedValue) ? SUCCESS : WRONG_VALUE;
    }
    Throwable cause = unwrap(failure);
    if (cause instanceof CancellationException) {
      return CANCELLED;
    }
    if (!(cause instanceof NebulyException nebuly)) {
      return "not a NebulyException: " + cause.getClass().getName();
    }
    if (nebuly instanceof NebulyException.Timeout timeout) {
      Duration configured =
          timeout.phase() == NebulyException.Timeout.Phase.CONNECT ? connectTimeout : attemptTimeout;
      String label = "Timeout(" + timeout.phase() + ")";
      return timeout.limit().equals(configured) ? label : label + " of " + timeout.limit().toMillis() + " ms";
    }
    return nebuly.httpStatus().isPresent()
        ? label(nebuly.getClass(), nebuly.httpStatus().getAsInt())
        : nebuly.getClass().getSimpleName();
  }

  /** The label of a port that threw instead of returning a stage. */
  static String thrown(Throwable thrown) {
    return "threw " + thrown.getClass().getName();
  }

  static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
