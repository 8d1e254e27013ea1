package io.github.nebuly4j.core.retry;

import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.spi.Arguments;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * When and how long to wait before sending a failed request again. Build one with {@code
 * RetryPolicy.builder()}, or take {@code RetryPolicy.defaults()} or {@code RetryPolicy.none()}.
 *
 * <p>The policy is pure arithmetic: {@link #nextDelay} decides, and each adapter schedules the wait
 * on its own timer (a Vert.x timer, a Mutiny delay), so no thread ever sleeps.
 *
 * <ul>
 *   <li><b>Attempts</b>: at most {@link #maxAttempts()} sends in all, the first one included.
 *   <li><b>Which errors</b>: only those with {@link io.github.nebuly4j.core.NebulyException#isRetryable()} (rate limits,
 *       timeouts, transport failures, 500/502/503/504); 401, 403, 404 and 422 never.
 *   <li><b>Backoff</b>: before retry {@code n} (1 for the first retry) the wait is {@code
 *       initialBackoff × multiplier^(n-1)}, capped at {@link #maxBackoff()}, then reduced by up to
 *       {@link #jitter()} of itself at random, so that clients do not retry in step.
 *   <li><b>{@code Retry-After}</b>: when Nebuly says how long to wait, that is the wait, whether it
 *       is shorter than the backoff (it caps it) or longer (it stretches it); but a wait longer than
 *       {@link #maxRetryAfter()} is not worth holding the caller for, and the call gives up.
 *   <li><b>Deadline</b>: no retry starts later than {@link #deadline()} after the first send.
 * </ul>
 */
@Value.Immutable
abstract class AbstractRetryPolicy {

  /** How many times a request is sent at most, the first time included; 1 means no retry. */
  @Value.Default
  public int maxAttempts() {
    return 3;
  }

  /** The wait before the first retry. */
  @Value.Default
  public Duration initialBackoff() {
    return Duration.ofMillis(200);
  }

  /** The longest backoff wait. */
  @Value.Default
  public Duration maxBackoff() {
    return Duration.ofSeconds(5);
  }

  /** How much each backoff wait grows over the previous one. */
  @Value.Default
  public double multiplier() {
    return 2.0;
  }

  /** The share of a backoff wait, from 0 to 1, that is taken off at random. */
  @Value.Default
  public double jitter() {
    return 0.2;
  }

  /** The longest {@code Retry-After} that the policy waits for; a longer one ends the call. */
  @Value.Default
  public Duration maxRetryAfter() {
    return Duration.ofSeconds(30);
  }

  /** The time after the first send after which no retry starts. */
  @Value.Default
  public Duration deadline() {
    return Duration.ofSeconds(60);
  }

  /**
   * The policy that never retries.
   *
   * @return a policy of one attempt
   */
  public static RetryPolicy none() {
    return RetryPolicy.builder().maxAttempts(1).build();
  }

  /**
   * The default policy: 3 attempts, backoff from 200 ms doubling to at most 5 s with 20 % jitter,
   * {@code Retry-After} honoured up to 30 s, no retry after 60 s.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return RetryPolicy.builder().build();
  }

  /**
   * Decides whether to send a failed request again, and after how long.
   *
   * @param attemptsMade how many times the request was sent so far (1 after the first failure)
   * @param failure why the last attempt failed
   * @param elapsed time since the first attempt was sent
   * @param random a number in {@code [0, 1)} drawn by the caller, for the jitter
   * @return the wait before the next attempt, or empty to give up and report {@code failure}
   * @throws IllegalArgumentException if an argument is null or out of range
   */
  public Optional<Duration> nextDelay(
      int attemptsMade, NebulyException failure, Duration elapsed, double random) {
    Arguments.requireNonNull(failure, "failure");
    Arguments.requireNonNull(elapsed, "elapsed");
    if (attemptsMade < 1) {
      throw new IllegalArgumentException("attemptsMade must be at least 1, got " + attemptsMade);
    }
    if (!(random >= 0 && random < 1)) {
      throw new IllegalArgumentException("random must be in [0, 1), got " + random);
    }
    if (attemptsMade >= maxAttempts() || !failure.isRetryable()) {
      return Optional.empty();
    }
    Duration delay = serverRequestedWait(failure).orElseGet(() -> backoff(attemptsMade, random));
    if (delay.compareTo(maxRetryAfter()) > 0 && serverRequestedWait(failure).isPresent()) {
      return Optional.empty();
    }
    if (elapsed.plus(delay).compareTo(deadline()) > 0) {
      return Optional.empty();
    }
    return Optional.of(delay);
  }

  /**
   * Returns the backoff wait before retry number {@code retry}, with the jitter applied.
   *
   * @param retry 1 for the first retry
   * @param random a number in {@code [0, 1)}; 0 gives the full wait
   * @return the wait
   */
  public Duration backoff(int retry, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be at least 1, got " + retry);
    }
    double grown = initialBackoff().toNanos() * Math.pow(multiplier(), retry - 1.0);
    double capped = Math.min(grown, maxBackoff().toNanos());
    return Duration.ofNanos(Math.round(capped * (1.0 - jitter() * random)));
  }

  private static Optional<Duration> serverRequestedWait(NebulyException failure) {
    return failure instanceof NebulyException.RateLimited
        ? ((NebulyException.RateLimited) failure).retryAfter()
        : Optional.empty();
  }

  @Value.Check
  void check() {
    if (maxAttempts() < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts());
    }
    requireNotNegative("initialBackoff", initialBackoff());
    requireNotNegative("maxBackoff", maxBackoff());
    requireNotNegative("maxRetryAfter", maxRetryAfter());
    requireNotNegative("deadline", deadline());
    if (maxBackoff().compareTo(initialBackoff()) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff (" + maxBackoff() + ") must not be shorter than initialBackoff (" + initialBackoff() + ")");
    }
    if (!(multiplier() >= 1.0) || Double.isInfinite(multiplier())) {
      throw new IllegalArgumentException("multiplier must be a finite number of at least 1, got " + multiplier());
    }
    if (!(jitter() >= 0.0 && jitter() <= 1.0)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter());
    }
  }

  private static void requireNotNegative(String name, Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + value);
    }
  }
}
