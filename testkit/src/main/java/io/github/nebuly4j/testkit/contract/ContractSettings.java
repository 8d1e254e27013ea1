package io.github.nebuly4j.testkit.contract;

import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;

/**
 * How the HTTP contract suites configure the adapter under test. The suites always use {@link
 * #standard(URI)}, so that their expectations (three attempts, one-second timeouts…) hold for every
 * adapter.
 *
 * @param baseUrl the API's base URL, the fake server's {@code baseUrl()}
 * @param apiKey the API key to send as {@code Authorization: Bearer <key>}
 * @param connectTimeout the longest wait for a connection
 * @param requestTimeout the longest wait for one attempt's answer
 * @param retryPolicy when to send a failed request again
 * @param maxResponseBytes the largest response body the adapter accepts
 */
public record ContractSettings(
    URI baseUrl,
    String apiKey,
    Duration connectTimeout,
    Duration requestTimeout,
    RetryPolicy retryPolicy,
    long maxResponseBytes) {

  /** The API key of the suites; the fake server accepts it and no message may ever contain it. */
  public static final String API_KEY = "nb-contract-key-7Qx2Lm9Zr4Tw";

  /** The standard {@link #maxResponseBytes()}: 16 MiB. */
  public static final long STANDARD_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if a value is null, a duration not positive or the bound not
   *     positive
   */
  public ContractSettings {
    Arguments.requireNonNull(baseUrl, "baseUrl");
    Arguments.requireNonNull(apiKey, "apiKey");
    Arguments.requireNonNull(retryPolicy, "retryPolicy");
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("requestTimeout", requestTimeout);
    if (maxResponseBytes <= 0) {
      throw new IllegalArgumentException("maxResponseBytes must be positive, got " + maxResponseBytes);
    }
  }

  /**
   * Returns the suites' settings: {@link #API_KEY}, connect and request timeouts of 1 s, 3 attempts
   * with backoff from 10 ms to 100 ms and no jitter, {@code Retry-After} honoured up to 3 s, a
   * 10 s deadline, and a 16 MiB bound on response bodies.
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
        STANDARD_MAX_RESPONSE_BYTES);
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
        baseUrl, apiKey, connectTimeout, requestTimeout, retryPolicy, maxResponseBytes);
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
        + ", requestTimeout="
        + requestTimeout
        + ", retryPolicy="
        + retryPolicy
        + ", maxResponseBytes="
        + maxResponseBytes
        + "]";
  }
}
