package io.github.nebuly4j.testkit.contract;

import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.core.spi.Arguments;
import java.net.URI;
import java.time.Duration;

/**
 * How the HTTP contract suites configure the adapter under test, in the settings vocabulary every
 * nebuly4j adapter shares. The suites use {@link #standard(URI)}, so that their expectations (three
 * attempts, one-second timeouts…) hold for every adapter; a few cases ask for a pool of one
 * connection with {@link #withMaxConnections}, and the cancellation cases for a long attempt
 * timeout ({@link #withAttemptTimeout}), so that only the cancellation can end their request.
 *
 * @param baseUrl the API's base URL, the fake server's {@code baseUrl()}
 * @param apiKey the API key to send as {@code Authorization: Bearer <key>}
 * @param connectTimeout the longest wait for a connection
 * @param attemptTimeout one deadline for a whole attempt, from its start to the last byte of the
 *     answer, however slowly the bytes arrive
 * @param retryPolicy when to send a failed request again
 * @param maxBodySize the largest response body the adapter reads, for answers and errors alike
 * @param maxConnections the size of the adapter's connection pool
 */
public record ContractSettings(
    URI baseUrl,
    String apiKey,
    Duration connectTimeout,
    Duration attemptTimeout,
    RetryPolicy retryPolicy,
    long maxBodySize,
    int maxConnections) {

  /** The API key of the suites; the fake server accepts it and no message may ever contain it. */
  public static final String API_KEY = "nb-contract-key-7Qx2Lm9Zr4Tw";

  /** The standard {@link #maxBodySize()}: 16 MiB. */
  public static final long STANDARD_MAX_BODY_SIZE = 16L * 1024 * 1024;

  /**
   * The standard {@link #maxConnections()}: 64, generous, so that the suites' 200 concurrent calls
   * share a pool as they would in production, without waiting long for it.
   */
  public static final int STANDARD_MAX_CONNECTIONS = 64;

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if a value is null, a duration not positive, or the bound or
   *     the pool size not positive
   */
  public ContractSettings {
    Arguments.requireNonNull(baseUrl, "baseUrl");
    Arguments.requireNonNull(apiKey, "apiKey");
    Arguments.requireNonNull(retryPolicy, "retryPolicy");
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("attemptTimeout", attemptTimeout);
    if (maxBodySize <= 0) {
      throw new IllegalArgumentException("maxBodySize must be positive, got " + maxBodySize);
    }
    if (maxConnections <= 0) {
      throw new IllegalArgumentException("maxConnections must be positive, got " + maxConnections);
    }
  }

  /**
   * Returns the suites' settings: {@link #API_KEY}, connect and attempt timeouts of 1 s, 3 attempts
   * with backoff from 10 ms to 100 ms and no jitter, {@code Retry-After} honoured up to 3 s, a
   * 10 s deadline, a 16 MiB bound on response bodies and a pool of 64 connections.
   *
   * @param baseUrl the fake server's base URL
   * @return the settings
   * @throws IllegalArgumentException if {@code baseUrl} is null
   */
  public static ContractSettings standard(URI baseUrl) {
    return new ContractSettings(
        baseUrl,
        API_KEY,
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        RetryPolicy.builder()
            .maxAttempts(3)
            .initialBackoff(Duration.ofMillis(10))
            .maxBackoff(Duration.ofMillis(100))
            .jitter(0)
            .maxRetryAfter(Duration.ofSeconds(3))
            .deadline(Duration.ofSeconds(10))
            .build(),
        STANDARD_MAX_BODY_SIZE,
        STANDARD_MAX_CONNECTIONS);
  }

  /**
   * Returns a copy with another API key.
   *
   * @param apiKey the key
   * @return the copy
   * @throws IllegalArgumentException if {@code apiKey} is null
   */
  public ContractSettings withApiKey(String apiKey) {
    return new ContractSettings(
        baseUrl, apiKey, connectTimeout, attemptTimeout, retryPolicy, maxBodySize, maxConnections);
  }

  /**
   * Returns a copy with another attempt timeout.
   *
   * @param attemptTimeout the deadline of each attempt, positive
   * @return the copy
   * @throws IllegalArgumentException if {@code attemptTimeout} is null or not positive
   */
  public ContractSettings withAttemptTimeout(Duration attemptTimeout) {
    return new ContractSettings(
        baseUrl, apiKey, connectTimeout, attemptTimeout, retryPolicy, maxBodySize, maxConnections);
  }

  /**
   * Returns a copy with another pool size.
   *
   * @param maxConnections the pool size, positive
   * @return the copy
   * @throws IllegalArgumentException if {@code maxConnections} is not positive
   */
  public ContractSettings withMaxConnections(int maxConnections) {
    return new ContractSettings(
        baseUrl, apiKey, connectTimeout, attemptTimeout, retryPolicy, maxBodySize, maxConnections);
  }

  private static void requirePositive(String name, Duration value) {
    Arguments.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /** Describes the settings with the API key hidden. */
  @Override
  public String toString() {
    return "ContractSettings[baseUrl="
        + baseUrl
        + ", apiKey=<hidden>, connectTimeout="
        + connectTimeout
        + ", attemptTimeout="
        + attemptTimeout
        + ", retryPolicy="
        + retryPolicy
        + ", maxBodySize="
        + maxBodySize
        + ", maxConnections="
        + maxConnections
        + "]";
  }
}
