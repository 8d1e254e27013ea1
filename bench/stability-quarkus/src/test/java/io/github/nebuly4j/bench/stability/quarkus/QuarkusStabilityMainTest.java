package io.github.nebuly4j.bench.stability.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.bench.stability.AdapterSettings;
import io.github.nebuly4j.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuarkusStabilityMainTest {

  @Test
  void theRunsSettingsBecomeTheExtensionsConfiguration() {
    RetryPolicy policy =
        RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(3))
            .multiplier(3).jitter(0.1).maxRetryAfter(Duration.ofSeconds(2)).deadline(Duration.ofSeconds(40)).build();
    AdapterSettings settings =
        new AdapterSettings(URI.create("http://127.0.0.1:1/api/external"), "the-key", Duration.ofMillis(1500), Duration.ofSeconds(2), 1024, 7, policy);

    assertThat(QuarkusStabilityMain.properties(settings))
        .containsEntry("quarkus.nebuly.base-url", "http://127.0.0.1:1/api/external")
        .containsEntry("quarkus.nebuly.api-key", "the-key")
        .containsEntry("quarkus.nebuly.connect-timeout", "PT1.5S")
        .containsEntry("quarkus.nebuly.attempt-timeout", "PT2S")
        .containsEntry("quarkus.nebuly.max-body-size", "1024")
        .containsEntry("quarkus.nebuly.max-connections", "7")
        .containsEntry("quarkus.nebuly.retry.max-attempts", "4")
        .containsEntry("quarkus.nebuly.retry.initial-backoff", "PT0.1S")
        .containsEntry("quarkus.nebuly.retry.max-backoff", "PT3S")
        .containsEntry("quarkus.nebuly.retry.multiplier", "3.0")
        .containsEntry("quarkus.nebuly.retry.jitter", "0.1")
        .containsEntry("quarkus.nebuly.retry.max-retry-after", "PT2S")
        .containsEntry("quarkus.nebuly.retry.deadline", "PT40S")
        .hasSize(13);
  }
}
