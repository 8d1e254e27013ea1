package io.github.nebuly4j.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ContractSettingsTest {
  private static final URI BASE = URI.create("http://127.0.0.1:1234/api/external");

  @Test
  void standardSettingsAreTheOnesTheTeamAgreedOn() {
    ContractSettings settings = ContractSettings.standard(BASE);

    assertThat(settings.baseUrl()).isEqualTo(BASE);
    assertThat(settings.apiKey()).isEqualTo(ContractSettings.API_KEY);
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.attemptTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.maxBodySize()).isEqualTo(16L * 1024 * 1024);
    assertThat(settings.maxConnections()).isEqualTo(64);
    RetryPolicy policy = settings.retryPolicy();
    assertThat(policy.maxAttempts()).isEqualTo(3);
    assertThat(policy.initialBackoff()).isEqualTo(Duration.ofMillis(10));
    assertThat(policy.maxBackoff()).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.jitter()).isZero();
    assertThat(policy.maxRetryAfter()).isEqualTo(Duration.ofSeconds(3));
    assertThat(policy.deadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings).isEqualTo(ContractSettings.standard(BASE));
    assertThat(settings.withMaxConnections(1).maxConnections()).isEqualTo(1);
    assertThat(settings.withMaxConnections(1).withMaxConnections(64)).isEqualTo(settings);
    assertThat(settings.withAttemptTimeout(Duration.ofMinutes(1)).attemptTimeout()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void toStringHidesTheKey() {
    assertThat(ContractSettings.standard(BASE).toString())
        .doesNotContain(ContractSettings.API_KEY)
        .contains("<hidden>", BASE.toString());
    assertThat(ContractSettings.standard(BASE).withApiKey("other-secret").toString())
        .doesNotContain("other-secret");
  }

  @Test
  void badValuesAreIllegal() {
    ContractSettings standard = ContractSettings.standard(BASE);
    assertThatThrownBy(() -> ContractSettings.standard(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> standard.withApiKey(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ContractSettings(
                    BASE, "k", Duration.ZERO, Duration.ofSeconds(1), standard.retryPolicy(), 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connectTimeout");
    assertThatThrownBy(
            () ->
                new ContractSettings(
                    BASE, "k", Duration.ofSeconds(1), Duration.ofSeconds(-1), standard.retryPolicy(), 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attemptTimeout");
    assertThatThrownBy(
            () ->
                new ContractSettings(
                    BASE, "k", Duration.ofSeconds(1), Duration.ofSeconds(1), standard.retryPolicy(), 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBodySize");
    assertThatThrownBy(() -> standard.withAttemptTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attemptTimeout");
    assertThatThrownBy(() -> standard.withMaxConnections(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxConnections");
  }
}
