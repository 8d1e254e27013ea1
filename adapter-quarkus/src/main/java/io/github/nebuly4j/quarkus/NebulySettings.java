package io.github.nebuly4j.quarkus;

import io.github.nebuly4j.core.OrganizationId;
import io.github.nebuly4j.core.ProjectId;
import io.github.nebuly4j.core.links.OfflineDeepLinks;
import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.wire.NebulyApi;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The validated {@link NebulyConfig}: what the HTTP client runs with. Every rule broken is a {@link
 * ConfigurationException} whose message names the property, so that start-up fails with a message
 * the operator can act on.
 *
 * @param apiKey the API key, not blank and usable in a header
 * @param baseUrl the base URL, normalized by wire (no trailing slash)
 * @param connectTimeout the connect timeout, positive
 * @param readTimeout the time one attempt may take once connected, positive
 * @param retryPolicy the retry policy
 * @param maxBodyBytes the largest body read, positive
 * @param offlineDeepLinks the offline link builder, when both ids are set
 */
record NebulySettings(
    String apiKey,
    URI baseUrl,
    Duration connectTimeout,
    Duration readTimeout,
    RetryPolicy retryPolicy,
    long maxBodyBytes,
    Optional<OfflineDeepLinks> offlineDeepLinks) {

  static final String API_KEY = "nebuly.api-key";
  static final String BASE_URL = "nebuly.base-url";
  static final String FRONTEND_URL = "nebuly.frontend-url";
  static final String PROJECT_ID = "nebuly.project-id";
  static final String ORGANIZATION_ID = "nebuly.organization-id";
  static final String CONNECT_TIMEOUT = "nebuly.connect-timeout";
  static final String READ_TIMEOUT = "nebuly.read-timeout";
  static final String MAX_BODY_SIZE = "nebuly.max-body-size";
  static final String RETRY = "nebuly.retry.*";

  /**
   * Validates the configuration.
   *
   * @param config the mapping
   * @return the settings
   * @throws ConfigurationException naming the property whose value is missing or invalid
   */
  static NebulySettings from(NebulyConfig config) {
    String apiKey = config.apiKey() == null ? null : config.apiKey().get();
    if (apiKey == null || apiKey.isBlank()) {
      throw invalid(API_KEY, API_KEY + " is missing or blank; set it to the API key of your Nebuly project");
    }
    // wire's messages never repeat the key, so they can be passed on.
    check(API_KEY, () -> NebulyApi.authorization(apiKey));
    URI baseUrl = check(BASE_URL, () -> NebulyApi.baseUrl(config.baseUrl(), config.allowPlainHttp()));
    Duration connectTimeout = positiveMillis(CONNECT_TIMEOUT, config.connectTimeout());
    Duration readTimeout = positiveMillis(READ_TIMEOUT, config.readTimeout());
    RetryPolicy retryPolicy = check(RETRY, () -> retryPolicy(config.retry()));
    long maxBodyBytes = config.maxBodySize() == null ? 0 : config.maxBodySize().asLongValue();
    if (maxBodyBytes <= 0) {
      throw invalid(MAX_BODY_SIZE, MAX_BODY_SIZE + " must be a positive size such as 16M, got " + config.maxBodySize());
    }
    return new NebulySettings(
        apiKey, baseUrl, connectTimeout, readTimeout, retryPolicy, maxBodyBytes, offlineDeepLinks(config));
  }

  private static RetryPolicy retryPolicy(NebulyConfig.Retry retry) {
    RetryPolicy.Builder builder = RetryPolicy.builder();
    retry.maxAttempts().ifPresent(builder::maxAttempts);
    retry.initialBackoff().ifPresent(builder::initialBackoff);
    retry.maxBackoff().ifPresent(builder::maxBackoff);
    retry.multiplier().ifPresent(builder::multiplier);
    retry.jitter().ifPresent(builder::jitter);
    retry.maxRetryAfter().ifPresent(builder::maxRetryAfter);
    retry.deadline().ifPresent(builder::deadline);
    return builder.build();
  }

  private static Optional<OfflineDeepLinks> offlineDeepLinks(NebulyConfig config) {
    Optional<ProjectId> project = config.projectId().map(id -> check(PROJECT_ID, () -> ProjectId.of(id)));
    Optional<OrganizationId> organization =
        config.organizationId().map(id -> check(ORGANIZATION_ID, () -> OrganizationId.of(id)));
    if (project.isPresent() != organization.isPresent()) {
      String missing = project.isPresent() ? ORGANIZATION_ID : PROJECT_ID;
      throw invalid(
          missing,
          "offline deep links need both "
              + PROJECT_ID
              + " and "
              + ORGANIZATION_ID
              + "; "
              + missing
              + " is missing (set both, or neither)");
    }
    OfflineDeepLinks.Builder builder = OfflineDeepLinks.builder();
    config.frontendUrl().ifPresent(url -> check(FRONTEND_URL, () -> builder.frontend(url)));
    return project.map(p -> builder.projectId(p).organizationId(organization.get()).build());
  }

  private static Duration positiveMillis(String property, Duration value) {
    if (value == null || value.isNegative() || value.isZero() || value.toMillis() == 0) {
      throw invalid(property, property + " must be at least 1 ms, got " + value);
    }
    if (value.toMillis() > Integer.MAX_VALUE) {
      throw invalid(property, property + " must be at most " + Integer.MAX_VALUE + " ms, got " + value);
    }
    return value;
  }

  private static <T> T check(String property, Supplier<T> value) {
    try {
      return value.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw invalid(property, property + " is invalid: " + e.getMessage());
    }
  }

  private static ConfigurationException invalid(String property, String message) {
    return new ConfigurationException(message, Set.of(property));
  }

  /** Returns the offline link builder; a caller only asks for it when the ids are configured. */
  OfflineDeepLinks requireOfflineDeepLinks() {
    return offlineDeepLinks.orElseThrow(
        () ->
            invalid(
                PROJECT_ID,
                "OfflineDeepLinks needs "
                    + PROJECT_ID
                    + " and "
                    + ORGANIZATION_ID
                    + "; set both to inject it"));
  }

  /** Describes the settings without the API key. */
  @Override
  public String toString() {
    return "NebulySettings[apiKey=***, baseUrl="
        + baseUrl
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", retryPolicy="
        + retryPolicy
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", offlineDeepLinks="
        + offlineDeepLinks
        + "]";
  }
}
