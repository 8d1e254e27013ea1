package io.github.nebuly4j.vertx;

import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.wire.NebulyApi;
import java.net.URI;
import java.time.Duration;

/**
 * {@link NebulyVertxOptions} once validated: what a client runs with. Every rule is checked here,
 * at {@link NebulyVertxClient#create}, so that a bad configuration fails at start-up and never in
 * the middle of a call.
 */
final class ClientSettings {
  /** Vert.x takes millisecond timers and an {@code int} connect timeout. */
  private static final Duration LONGEST_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

  final URI baseUrl;
  final String apiKey;
  final String authorization;
  final Duration connectTimeout;
  final Duration requestTimeout;
  final RetryPolicy retryPolicy;
  final long maxResponseBytes;
  final int maxConnections;

  private ClientSettings(NebulyVertxOptions options) {
    if (options.getApiKey() == null) {
      throw new IllegalArgumentException(
          "the Nebuly API key is not set: call NebulyVertxOptions.setApiKey with the key of the"
              + " project to read from");
    }
    // NebulyApi's messages never quote the key or a URL's user-info.
    authorization = NebulyApi.authorization(options.getApiKey());
    apiKey = options.getApiKey();
    if (options.getBaseUrl() == null) {
      throw new IllegalArgumentException(
          "the Nebuly base URL must not be null; the default is " + NebulyVertxOptions.DEFAULT_BASE_URL);
    }
    baseUrl = NebulyApi.baseUrl(options.getBaseUrl(), options.isAllowPlainHttp());
    connectTimeout = timeout("connectTimeout", options.getConnectTimeout());
    requestTimeout = timeout("requestTimeout", options.getRequestTimeout());
    if (options.getRetryPolicy() == null) {
      throw new IllegalArgumentException(
          "retryPolicy must not be null; use RetryPolicy.none() to turn retries off");
    }
    retryPolicy = options.getRetryPolicy();
    if (options.getMaxResponseBytes() < 1) {
      throw new IllegalArgumentException(
          "maxResponseBytes must be positive, got " + options.getMaxResponseBytes());
    }
    maxResponseBytes = options.getMaxResponseBytes();
    if (options.getMaxConnections() < 1) {
      throw new IllegalArgumentException(
          "maxConnections must be positive, got " + options.getMaxConnections());
    }
    maxConnections = options.getMaxConnections();
  }

  /**
   * Validates options.
   *
   * @param options the options
   * @return the settings
   * @throws IllegalArgumentException naming the first rule broken; never quoting the API key
   */
  static ClientSettings of(NebulyVertxOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    return new ClientSettings(options);
  }

  private static Duration timeout(String name, Duration value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (value.toMillis() < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 ms, got " + value);
    }
    if (value.compareTo(LONGEST_TIMEOUT) > 0) {
      throw new IllegalArgumentException(name + " must be at most " + LONGEST_TIMEOUT + ", got " + value);
    }
    return value;
  }
}
