package io.github.nebuly4j.bench.stability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdapterSettingsTest {

  private static AdapterSettings settings(Duration connect, Duration attempt, RetryPolicy policy) {
    return new AdapterSettings(URI.create("http://127.0.0.1:1/api/external"), "the-key", connect, attempt, 1024, 16, policy);
  }

  @Test
  void aCallWithoutRetriesIsBoundByItsLongerTimeout() {
    assertThat(settings(Duration.ofSeconds(1), Duration.ofSeconds(3), RetryPolicy.none()).callBound())
        .isEqualTo(Duration.ofSeconds(3 + 5));
  }

  @Test
  void eachRetryAddsAnAttemptAndTheLongerOfItsBackoffAndTheLongestRetryAfter() {
    RetryPolicy policy =
        RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofSeconds(1)).multiplier(4).maxBackoff(Duration.ofSeconds(10))
            .maxRetryAfter(Duration.ofSeconds(2)).build();

    // Retry 1 waits max(1 s, 2 s), retry 2 max(4 s, 2 s); three attempts of 2 s; 5 s of grace.
    assertThat(settings(Duration.ofSeconds(2), Duration.ofSeconds(1), policy).callBound())
        .isEqualTo(Duration.ofSeconds(2 + 4 + 3 * 2 + 5));
  }

  @Test
  void noRetryStartsPastThePolicysDeadline() {
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(10).maxRetryAfter(Duration.ofSeconds(30)).deadline(Duration.ofSeconds(45)).build();

    assertThat(settings(Duration.ofSeconds(1), Duration.ofSeconds(1), policy).callBound())
        .isEqualTo(Duration.ofSeconds(45 + 10 + 5));
  }

  @Test
  void theDescriptionHidesTheKey() {
    assertThat(settings(Duration.ofSeconds(1), Duration.ofSeconds(1), RetryPolicy.none()).toString())
        .doesNotContain("the-key")
        .contains("7 characters, hidden", "maxConnections=16");
  }
}
