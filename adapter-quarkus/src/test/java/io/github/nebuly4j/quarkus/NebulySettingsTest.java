package io.github.nebuly4j.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.OrganizationId;
import io.github.nebuly4j.core.ProjectId;
import io.github.nebuly4j.core.links.OfflineDeepLinks;
import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.wire.NebulyApi;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The validation behind the start-up check, on {@link NebulyConfig} mappings built by SmallRye
 * Config from properties, as Quarkus builds them; no application is started, so each case costs
 * milliseconds. That the check runs at start-up is {@link NebulyProducers#checkConfiguration}'s
 * observer, tested at the end.
 */
class NebulySettingsTest {
  private static final String KEY = "nb-settings-test-key-Q3";

  @Test
  void defaultsAreDocumentedOnesAndRetryFollowsCore() {
    NebulySettings settings = NebulySettings.from(config(Map.of("nebuly.api-key", KEY)));

    assertThat(settings.apiKey()).isEqualTo(KEY);
    assertThat(settings.baseUrl()).isEqualTo(URI.create(NebulyApi.DEFAULT_BASE_URL));
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.retryPolicy()).isEqualTo(RetryPolicy.defaults());
    assertThat(settings.maxBodyBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(settings.offlineDeepLinks()).isEmpty();
  }

  @Test
  void everyPropertyIsRead() {
    Map<String, String> properties = new HashMap<>();
    properties.put("nebuly.api-key", KEY);
    properties.put("nebuly.base-url", "https://nebuly.internal/prefix/api/external/");
    properties.put("nebuly.connect-timeout", "250ms");
    properties.put("nebuly.read-timeout", "PT3S");
    properties.put("nebuly.max-body-size", "2048");
    properties.put("nebuly.retry.max-attempts", "5");
    properties.put("nebuly.retry.initial-backoff", "50ms");
    properties.put("nebuly.retry.max-backoff", "2s");
    properties.put("nebuly.retry.multiplier", "1.5");
    properties.put("nebuly.retry.jitter", "0.1");
    properties.put("nebuly.retry.max-retry-after", "7s");
    properties.put("nebuly.retry.deadline", "20s");
    properties.put("nebuly.project-id", "p-1");
    properties.put("nebuly.organization-id", "o-1");
    properties.put("nebuly.frontend-url", "https://frontend.internal");

    NebulySettings settings = NebulySettings.from(config(properties));

    assertThat(settings.baseUrl()).isEqualTo(URI.create("https://nebuly.internal/prefix/api/external"));
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.maxBodyBytes()).isEqualTo(2048);
    assertThat(settings.retryPolicy())
        .isEqualTo(
            RetryPolicy.builder()
                .maxAttempts(5)
                .initialBackoff(Duration.ofMillis(50))
                .maxBackoff(Duration.ofSeconds(2))
                .multiplier(1.5)
                .jitter(0.1)
                .maxRetryAfter(Duration.ofSeconds(7))
                .deadline(Duration.ofSeconds(20))
                .build());
    OfflineDeepLinks expected =
        OfflineDeepLinks.builder()
            .frontend("https://frontend.internal")
            .projectId(ProjectId.of("p-1"))
            .organizationId(OrganizationId.of("o-1"))
            .build();
    assertThat(settings.offlineDeepLinks().orElseThrow().linkTo(InteractionId.of("i")))
        .isEqualTo(expected.linkTo(InteractionId.of("i")));
  }

  @Test
  void offlineLinksUseNebulySaasWithoutAFrontendUrl() {
    NebulySettings settings =
        NebulySettings.from(
            config(Map.of("nebuly.api-key", KEY, "nebuly.project-id", "p", "nebuly.organization-id", "o")));

    assertThat(settings.offlineDeepLinks().orElseThrow().frontend()).isEqualTo(OfflineDeepLinks.NEBULY_SAAS_FRONTEND);
  }

  @Test
  void aMissingApiKeyFailsNamingTheProperty() {
    assertInvalid(Map.of(), "nebuly.api-key");
  }

  @Test
  void aBlankApiKeyFailsNamingTheProperty() {
    assertInvalid(Map.of("nebuly.api-key", "   "), "nebuly.api-key");
  }

  @Test
  void anApiKeyThatCannotBeSentInAHeaderFailsWithoutEchoingIt() {
    String key = "two words-Z9";
    ConfigurationException failure = assertInvalid(Map.of("nebuly.api-key", key), "nebuly.api-key");

    assertThat(failure.getMessage()).doesNotContain(key);
  }

  @Test
  void anInvalidBaseUrlFailsNamingTheProperty() {
    assertInvalid(Map.of("nebuly.api-key", KEY, "nebuly.base-url", "ftp://nebuly.example"), "nebuly.base-url");
    assertInvalid(Map.of("nebuly.api-key", KEY, "nebuly.base-url", "http://nebuly.example/api"), "nebuly.base-url");
  }

  @Test
  void plainHttpToAnotherHostNeedsAllowPlainHttp() {
    NebulySettings settings =
        NebulySettings.from(
            config(
                Map.of(
                    "nebuly.api-key", KEY,
                    "nebuly.base-url", "http://nebuly.internal/api",
                    "nebuly.allow-plain-http", "true")));

    assertThat(settings.baseUrl()).isEqualTo(URI.create("http://nebuly.internal/api"));
  }

  @Test
  void timeoutsMustBePositive() {
    assertInvalid(Map.of("nebuly.api-key", KEY, "nebuly.connect-timeout", "0s"), "nebuly.connect-timeout");
    assertInvalid(Map.of("nebuly.api-key", KEY, "nebuly.read-timeout", "-1s"), "nebuly.read-timeout");
  }

  @Test
  void theBodyBoundMustBePositive() {
    assertInvalid(Map.of("nebuly.api-key", KEY, "nebuly.max-body-size", "0"), "nebuly.max-body-size");
  }

  @Test
  void anInvalidRetrySettingFailsNamingTheGroup() {
    assertInvalid(Map.of("nebuly.api-key", KEY, "nebuly.retry.max-attempts", "0"), "nebuly.retry");
    assertInvalid(Map.of("nebuly.api-key", KEY, "nebuly.retry.jitter", "1.5"), "nebuly.retry");
  }

  @Test
  void oneOfTheTwoIdsAloneFailsNamingTheOther() {
    assertInvalid(Map.of("nebuly.api-key", KEY, "nebuly.project-id", "p"), "nebuly.organization-id");
    assertInvalid(Map.of("nebuly.api-key", KEY, "nebuly.organization-id", "o"), "nebuly.project-id");
  }

  @Test
  void anInvalidFrontendUrlFailsNamingTheProperty() {
    assertInvalid(
        Map.of(
            "nebuly.api-key", KEY,
            "nebuly.project-id", "p",
            "nebuly.organization-id", "o",
            "nebuly.frontend-url", "https://frontend.example/?x=1"),
        "nebuly.frontend-url");
  }

  @Test
  void offlineLinksWithoutTheIdsFailNamingThem() {
    NebulySettings settings = NebulySettings.from(config(Map.of("nebuly.api-key", KEY)));

    assertThatThrownBy(settings::requireOfflineDeepLinks)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("nebuly.project-id")
        .hasMessageContaining("nebuly.organization-id");
  }

  @Test
  void theApiKeyShowsInNoDescription() {
    NebulyConfig config = config(Map.of("nebuly.api-key", KEY));

    assertThat(String.valueOf(config)).doesNotContain(KEY);
    assertThat(NebulySettings.from(config).toString()).doesNotContain(KEY).contains("apiKey=***");
  }

  @Test
  void theApiKeyIsASecretThatConfigLookupsDoNotReveal() {
    SmallRyeConfig config = smallRyeConfig(Map.of("nebuly.api-key", KEY));

    assertThatThrownBy(() -> config.getConfigValue("nebuly.api-key"))
        .isInstanceOf(SecurityException.class)
        .hasMessageNotContaining(KEY);
  }

  @Test
  void theStartUpObserverRunsTheValidation() {
    NebulyConfig blank = config(Map.of("nebuly.api-key", " "));

    assertThatThrownBy(() -> new NebulyProducers().checkConfiguration(null, blank))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("nebuly.api-key");
  }

  private static ConfigurationException assertInvalid(Map<String, String> properties, String property) {
    NebulyConfig config = config(properties);
    ConfigurationException failure =
        org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class, () -> NebulySettings.from(config));
    assertThat(failure.getMessage()).contains(property);
    assertThat(failure.getConfigKeys()).anyMatch(key -> key.startsWith(property));
    return failure;
  }

  private static NebulyConfig config(Map<String, String> properties) {
    return smallRyeConfig(properties).getConfigMapping(NebulyConfig.class);
  }

  /**
   * Builds the configuration as Quarkus does: with the customizer it discovers, and its duration
   * converter that accepts {@code 5s}.
   */
  private static SmallRyeConfig smallRyeConfig(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .addDefaultInterceptors()
        .withMapping(NebulyConfig.class)
        .withCustomizers(new NebulySecretKeys())
        .withConverter(Duration.class, 200, new DurationConverter())
        .withSources(new PropertiesConfigSource(properties, "test", 500))
        .build();
  }
}
