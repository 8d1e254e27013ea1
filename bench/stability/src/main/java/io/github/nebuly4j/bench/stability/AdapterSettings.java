package io.github.nebuly4j.bench.stability;

import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.core.spi.Arguments;
import java.net.URI;
import java.time.Duration;

/**
 * The settings a launcher gives its adapter for one run, in the vocabulary every nebuly4j adapter
 * shares: the Vert.x launcher passes them to {@code NebulyVertxOptions}, the Quarkus launcher to
 * {@code quarkus.nebuly.*}. The run's expectations (which failure a fault becomes, how many
 * requests the retry policy sends, how long a call may take) are derived from the same values.
 *
 * @param baseUrl the fake server's base URL
 * @param apiKey the API key; never shown by {@link #toString()}
 * @param connectTimeout the longest wait for a connection, new or pooled
 * @param attemptTimeout the longest time one attempt may take, to the last byte
 * @param maxBodySize the most bytes of a body that are read
 * @param maxConnections the pool's size
 * @param retryPolicy when failed requests are sent again
 */
public record AdapterSettings(
    URI baseUrl,
    String apiKey,
    Duration connectTimeout,
    Duration attemptTimeout,
    long maxBodySize,
    int maxConnections,
    RetryPolicy retryPolicy) {

  /** A call the policy has let go this much past its bound is counted as a hang: timers on a loaded machine fire late. */
  static final Duration SCHEDULING_GRACE = Duration.ofSeconds(5);

  /**
   * Checks that nothing is null.
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public AdapterSettings {
    Arguments.requireNonNull(baseUrl, "baseUrl");
    Arguments.requireNonNull(apiKey, "apiKey");
    Arguments.requireNonNull(connectTimeout, "connectTimeout");
    Arguments.requireNonNull(attemptTimeout, "attemptTimeout");
    Arguments.requireNonNull(retryPolicy, "retryPolicy");
  }

  /**
   * Returns the longest a call may take under these settings, plus {@link #SCHEDULING_GRACE}: every
   * attempt ends within the longer of the two timeouts; before each retry the policy waits its
   * backoff, or a {@code Retry-After} up to the longest it honours, whichever is longer; and it
   * starts no retry past its deadline. A call still running after this is a hang.
   *
   * @return the bound
   */
  public Duration callBound() {
    Duration waits = Duration.ZERO;
    for (int retry = 1; retry < retryPolicy.maxAttempts(); retry++) {
      waits = waits.plus(max(retryPolicy.backoff(retry, 0), retryPolicy.maxRetryAfter()));
    }
    Duration waiting = waits.compareTo(retryPolicy.deadline()) < 0 ? waits : retryPolicy.deadline();
    Duration attempt = max(connectTimeout, attemptTimeout);
    return waiting.plus(attempt.multipliedBy(retryPolicy.maxAttempts())).plus(SCHEDULING_GRACE);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Describes the settings with the API key hidden. */
  @Override
  public String toString() {
    return "baseUrl="
        + baseUrl
        + ", apiKey=<" + apiKey.length() + " characters, hidden>"
        + ", connectTimeout="
        + Durations.format(connectTimeout)
        + ", attemptTimeout="
        + Durations.format(attemptTimeout)
        + ", maxBodySize="
        + maxBodySize
        + ", maxConnections="
        + maxConnections
        + ", retryPolicy=(maxAttempts "
        + retryPolicy.maxAttempts()
        + ", initialBackoff "
        + Durations.format(retryPolicy.initialBackoff())
        + ", maxBackoff "
        + Durations.format(retryPolicy.maxBackoff())
        + ", maxRetryAfter "
        + Durations.format(retryPolicy.maxRetryAfter())
        + ", deadline "
        + Durations.format(retryPolicy.deadline())
        + ")";
  }
}
