package io.github.nebuly4j.quarkus;

import io.github.nebuly4j.wire.NebulyApi;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The {@code nebuly.*} configuration. Only {@code nebuly.api-key} is required; the application
 * fails at start-up, naming the property, when a value is missing or invalid.
 *
 * <p>Durations take Quarkus's forms ({@code 5s}, {@code 200ms}, {@code PT5S}); sizes take {@code
 * 16M}, {@code 512K} or a number of bytes. The API key is a {@link io.smallrye.config.Secret}, so
 * it never shows in a configuration dump, and this mapping declares no {@code toString}.
 */
@ConfigMapping(prefix = "nebuly")
public interface NebulyConfig {

  /**
   * The API key of the Nebuly project, sent as {@code Authorization: Bearer <key>}. Required.
   *
   * @return the key, as a secret
   */
  io.smallrye.config.Secret<String> apiKey();

  /**
   * The base URL of Nebuly's external API: SaaS by default, or a self-hosted installation's, with
   * any path prefix. Plain http is accepted for loopback hosts only, unless {@link
   * #allowPlainHttp()}.
   *
   * @return the base URL
   */
  @WithDefault(NebulyApi.DEFAULT_BASE_URL)
  String baseUrl();

  /**
   * Whether a plain-http base URL to a host that is not loopback is accepted; the API key would
   * then travel in clear text.
   *
   * @return false unless set
   */
  @WithDefault("false")
  boolean allowPlainHttp();

  /**
   * The frontend that offline deep links point at; Nebuly SaaS's when absent. Used only with
   * {@link #projectId()} and {@link #organizationId()}.
   *
   * @return the frontend base URL, if set
   */
  Optional<String> frontendUrl();

  /**
   * The project id, for offline deep links.
   *
   * @return the id, if set
   */
  Optional<String> projectId();

  /**
   * The organization id, for offline deep links.
   *
   * @return the id, if set
   */
  Optional<String> organizationId();

  /**
   * How long to wait for a connection to Nebuly, a new one or a free pooled one.
   *
   * @return 5 seconds unless set
   */
  @WithDefault("5s")
  Duration connectTimeout();

  /**
   * How long one attempt may wait for Nebuly's whole answer once connected.
   *
   * @return 10 seconds unless set
   */
  @WithDefault("10s")
  Duration readTimeout();

  /**
   * The largest answer body that is read; a larger one fails the call with {@code
   * MalformedResponse}.
   *
   * @return 16 MiB unless set
   */
  @WithDefault("16M")
  MemorySize maxBodySize();

  /**
   * When to send a failed request again.
   *
   * @return the retry settings
   */
  Retry retry();

  /**
   * The {@code nebuly.retry.*} settings. Each one left unset takes the value of {@code
   * RetryPolicy.defaults()}, so core keeps the one definition of the defaults.
   */
  interface Retry {
    /**
     * How many times a request is sent at most, the first included.
     *
     * @return the value, if set (default 3)
     */
    OptionalInt maxAttempts();

    /**
     * The wait before the first retry.
     *
     * @return the value, if set (default 200 ms)
     */
    Optional<Duration> initialBackoff();

    /**
     * The longest backoff wait.
     *
     * @return the value, if set (default 5 s)
     */
    Optional<Duration> maxBackoff();

    /**
     * How much each backoff grows over the previous one.
     *
     * @return the value, if set (default 2.0)
     */
    OptionalDouble multiplier();

    /**
     * The share of a backoff, 0 to 1, taken off at random.
     *
     * @return the value, if set (default 0.2)
     */
    OptionalDouble jitter();

    /**
     * The longest {@code Retry-After} worth waiting for.
     *
     * @return the value, if set (default 30 s)
     */
    Optional<Duration> maxRetryAfter();

    /**
     * The time after the first send after which no retry starts.
     *
     * @return the value, if set (default 60 s)
     */
    Optional<Duration> deadline();
  }
}
