package io.github.nebuly4j.quarkus.runtime;

import io.github.nebuly4j.core.OrganizationId;
import io.github.nebuly4j.core.ProjectId;
import io.github.nebuly4j.core.links.DeepLinkCachePolicy;
import io.github.nebuly4j.core.links.OfflineDeepLinks;
import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.wire.InvalidSettingException;
import io.github.nebuly4j.wire.NebulySettings;
import io.quarkus.proxy.ProxyConfiguration;
import io.quarkus.proxy.ProxyConfigurationRegistry;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns {@link NebulyConfig} into what the client runs with. It checks nothing itself: wire's
 * {@link NebulySettings} and core's builders check every value, and each rule they report broken
 * becomes a {@link ConfigurationException} that names the {@code quarkus.nebuly.*} property, so
 * that start-up fails with a message an operator can act on.
 */
public final class ConfiguredSettings {
  /** The prefix of every property. */
  public static final String PREFIX = "quarkus.nebuly.";

  private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

  private ConfiguredSettings() {}

  /**
   * Builds wire's settings from the configuration.
   *
   * @param config the configuration
   * @return the settings
   * @throws ConfigurationException naming the property whose value breaks a rule
   */
  public static NebulySettings settings(NebulyConfig config) {
    NebulySettings.Builder builder = NebulySettings.builder();
    config.apiKey().ifPresent(builder::apiKey);
    config.baseUrl().ifPresent(builder::baseUrl);
    config.allowPlainHttp().ifPresent(builder::allowPlainHttp);
    config.connectTimeout().ifPresent(builder::connectTimeout);
    config.attemptTimeout().ifPresent(builder::attemptTimeout);
    config.maxBodySize().ifPresent(size -> builder.maxBodySize(size.asLongValue()));
    config.maxConnections().ifPresent(builder::maxConnections);
    config.conversationGroupBy().ifPresent(builder::conversationGroupBy);
    builder.retryPolicy(reported(PREFIX + "retry", () -> retryPolicy(config.retry())));
    try {
      return builder.build();
    } catch (InvalidSettingException e) {
      String property = property(e.setting());
      throw new ConfigurationException("Invalid " + property + ": " + e.getMessage(), Set.of(property));
    }
  }

  /**
   * Returns the property of a setting of {@link NebulySettings}.
   *
   * @param setting such as {@code connectTimeout}
   * @return such as {@code quarkus.nebuly.connect-timeout}
   */
  public static String property(String setting) {
    return PREFIX + CAMEL_HUMP.matcher(setting).replaceAll("$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Builds the offline link builder when a project or an organization id is configured.
   *
   * @param config the configuration
   * @return the builder, or empty when neither id is set
   * @throws ConfigurationException when core refuses an id, the frontend, or one id without the other
   */
  public static Optional<OfflineDeepLinks> offlineDeepLinks(NebulyConfig config) {
    if (config.projectId().isEmpty() && config.organizationId().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        reported(
            PREFIX + "project-id",
            () -> {
              OfflineDeepLinks.Builder builder = OfflineDeepLinks.builder();
              config.projectId().map(ProjectId::of).ifPresent(builder::projectId);
              config.organizationId().map(OrganizationId::of).ifPresent(builder::organizationId);
              config.frontendUrl().ifPresent(builder::frontend);
              return builder.build();
            },
            PREFIX + "organization-id",
            PREFIX + "frontend-url"));
  }

  /**
   * Builds the policy of the deep-link cache when {@code quarkus.nebuly.deep-links.cache.enabled}
   * is true: core's {@link DeepLinkCachePolicy}, whose builder checks every value.
   *
   * @param config the configuration
   * @return the policy, or empty when the cache is off
   * @throws ConfigurationException when core refuses a value
   */
  public static Optional<DeepLinkCachePolicy> deepLinkCachePolicy(NebulyConfig config) {
    NebulyConfig.Cache cache = config.deepLinks().cache();
    if (!cache.enabled()) {
      return Optional.empty();
    }
    String prefix = PREFIX + "deep-links.cache.";
    return Optional.of(
        reported(
            prefix + "maximum-size",
            () -> {
              DeepLinkCachePolicy.Builder policy = DeepLinkCachePolicy.builder();
              cache.maximumSize().ifPresent(policy::maximumSize);
              cache.timeToLive().ifPresent(policy::timeToLive);
              cache.notFoundTimeToLive().ifPresent(policy::notFoundTimeToLive);
              return policy.build();
            },
            prefix + "time-to-live",
            prefix + "not-found-time-to-live"));
  }

  /**
   * Finds the TLS configuration named by {@code quarkus.nebuly.tls-configuration-name}.
   *
   * @param config the configuration
   * @param registry the application's TLS registry
   * @return the named configuration, or empty when none is named
   * @throws ConfigurationException when the registry has no configuration of that name
   */
  public static Optional<TlsConfiguration> tlsConfiguration(NebulyConfig config, TlsConfigurationRegistry registry) {
    return config
        .tlsConfigurationName()
        .map(
            name ->
                registry
                    .get(name)
                    .orElseThrow(
                        () ->
                            new ConfigurationException(
                                PREFIX + "tls-configuration-name names '" + name
                                    + "', which is no TLS configuration (quarkus.tls." + name + ".*)",
                                Set.of(PREFIX + "tls-configuration-name"))));
  }

  /**
   * Finds the proxy configuration named by {@code quarkus.nebuly.proxy-configuration-name}.
   *
   * @param config the configuration
   * @param registry the application's proxy registry
   * @return the named proxy; empty when no name is set (the REST Client's default applies)
   * @throws ConfigurationException when the name is neither a proxy configuration nor {@code none}
   */
  public static Optional<Optional<ProxyConfiguration>> proxyConfiguration(
      NebulyConfig config, ProxyConfigurationRegistry registry) {
    return config
        .proxyConfigurationName()
        .map(name -> reported(PREFIX + "proxy-configuration-name", () -> registry.get(Optional.of(name))));
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

  /** Runs a builder of core or of Quarkus, reporting what it refuses under the properties. */
  private static <T> T reported(String property, Supplier<T> value, String... moreProperties) {
    try {
      return value.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      Set<String> properties = new java.util.LinkedHashSet<>();
      properties.add(property);
      properties.addAll(java.util.List.of(moreProperties));
      throw new ConfigurationException(
          "Invalid " + String.join(", ", properties) + ": " + e.getMessage(), properties);
    }
  }
}
