package io.github.nebuly4j.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.NebulyException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final NebulyException UNAVAILABLE = new NebulyException.ServiceFailure(503, null);
  private static final Duration NO_TIME = Duration.ZERO;

  private static RetryPolicy.Builder exact() {
    return RetryPolicy.builder()
        .maxAttempts(5)
        .initialBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofMillis(1000))
        .multiplier(2)
        .jitter(0)
        .maxRetryAfter(Duration.ofSeconds(10))
        .deadline(Duration.ofSeconds(30));
  }

  @Test
  void backoffGrowsGeometricallyUpToTheCap() {
    RetryPolicy policy = exact().maxAttempts(10).build();

    assertThat(List.of(1, 2, 3, 4, 5, 6).stream().map(n -> policy.backoff(n, 0.0).toMillis()))
        .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
  }

  @Test
  void jitterTakesOffUpToItsShareAtRandom() {
    RetryPolicy policy = exact().jitter(0.5).build();

    assertThat(policy.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(75));
    assertThat(policy.backoff(1, 0.999)).isEqualTo(Duration.ofNanos(50_050_000));
    assertThat(exact().jitter(1).build().backoff(3, 0.25)).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void retriesRetryableFailuresUntilTheAttemptsAreUsed() {
    RetryPolicy policy = exact().maxAttempts(3).build();

    assertThat(policy.nextDelay(1, UNAVAILABLE, NO_TIME, 0)).hasValue(Duration.ofMillis(100));
    assertThat(policy.nextDelay(2, UNAVAILABLE, NO_TIME, 0)).hasValue(Duration.ofMillis(200));
    assertThat(policy.nextDelay(3, UNAVAILABLE, NO_TIME, 0)).isEmpty();
  }

  @Test
  void neverRetriesWhatCannotSucceed() {
    RetryPolicy policy = exact().build();

    assertThat(policy.nextDelay(1, new NebulyException.Authentication(401, null), NO_TIME, 0)).isEmpty();
    assertThat(policy.nextDelay(1, new NebulyException.InvalidRequest(422, null, List.of()), NO_TIME, 0)).isEmpty();
    assertThat(policy.nextDelay(1, new NebulyException.NotFound("x", null), NO_TIME, 0)).isEmpty();
    assertThat(policy.nextDelay(1, new NebulyException.MalformedResponse(200, "x", null), NO_TIME, 0)).isEmpty();
    assertThat(policy.nextDelay(1, new NebulyException.Timeout(Duration.ofSeconds(1), null), NO_TIME, 0)).isPresent();
    assertThat(policy.nextDelay(1, new NebulyException.Transport("reset", null), NO_TIME, 0)).isPresent();
  }

  @Test
  void retryAfterStretchesTheBackoff() {
    NebulyException limited = new NebulyException.RateLimited(Duration.ofSeconds(3), null);

    assertThat(exact().build().nextDelay(1, limited, NO_TIME, 0.9)).hasValue(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterCapsTheBackoff() {
    RetryPolicy slow = exact().initialBackoff(Duration.ofSeconds(5)).maxBackoff(Duration.ofSeconds(5)).build();
    NebulyException limited = new NebulyException.RateLimited(Duration.ofMillis(50), null);

    assertThat(slow.nextDelay(1, limited, NO_TIME, 0)).hasValue(Duration.ofMillis(50));
  }

  @Test
  void aRetryAfterLongerThanTheBoundEndsTheCall() {
    RetryPolicy policy = exact().maxRetryAfter(Duration.ofSeconds(10)).build();

    assertThat(policy.nextDelay(1, new NebulyException.RateLimited(Duration.ofSeconds(10), null), NO_TIME, 0)).isPresent();
    assertThat(policy.nextDelay(1, new NebulyException.RateLimited(Duration.ofSeconds(11), null), NO_TIME, 0)).isEmpty();
  }

  @Test
  void aRateLimitWithoutRetryAfterBacksOff() {
    assertThat(exact().build().nextDelay(2, new NebulyException.RateLimited(null, null), NO_TIME, 0))
        .hasValue(Duration.ofMillis(200));
  }

  @Test
  void noRetryStartsAfterTheDeadline() {
    RetryPolicy policy = exact().deadline(Duration.ofSeconds(2)).build();

    assertThat(policy.nextDelay(1, UNAVAILABLE, Duration.ofMillis(1900), 0)).hasValue(Duration.ofMillis(100));
    assertThat(policy.nextDelay(1, UNAVAILABLE, Duration.ofMillis(1901), 0)).isEmpty();
  }

  @Test
  void presetsMeanWhatTheySay() {
    assertThat(RetryPolicy.none().nextDelay(1, UNAVAILABLE, NO_TIME, 0)).isEmpty();
    RetryPolicy defaults = RetryPolicy.defaults();
    assertThat(defaults.maxAttempts()).isEqualTo(3);
    assertThat(defaults.nextDelay(1, UNAVAILABLE, NO_TIME, 0)).hasValue(Duration.ofMillis(200));
    assertThat(defaults).isEqualTo(RetryPolicy.builder().build());
  }

  @Test
  void rejectsNonsensicalPolicies() {
    assertThatThrownBy(() -> exact().maxAttempts(0).build()).hasMessage("maxAttempts must be at least 1, got 0");
    assertThatThrownBy(() -> exact().jitter(1.5).build()).hasMessage("jitter must be between 0 and 1, got 1.5");
    assertThatThrownBy(() -> exact().jitter(Double.NaN).build()).hasMessageStartingWith("jitter must be");
    assertThatThrownBy(() -> exact().multiplier(0.5).build()).hasMessageStartingWith("multiplier must be");
    assertThatThrownBy(() -> exact().multiplier(Double.POSITIVE_INFINITY).build()).hasMessageStartingWith("multiplier must be");
    assertThatThrownBy(() -> exact().initialBackoff(Duration.ofMillis(-1)).build())
        .hasMessage("initialBackoff must not be negative, got PT-0.001S");
    assertThatThrownBy(() -> exact().initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1)).build())
        .hasMessageStartingWith("maxBackoff (PT1S) must not be shorter than initialBackoff (PT2S)");
    assertThatThrownBy(() -> exact().deadline(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsBadArguments() {
    RetryPolicy policy = exact().build();
    assertThatThrownBy(() -> policy.nextDelay(0, UNAVAILABLE, NO_TIME, 0)).hasMessage("attemptsMade must be at least 1, got 0");
    assertThatThrownBy(() -> policy.nextDelay(1, UNAVAILABLE, NO_TIME, 1.0)).hasMessage("random must be in [0, 1), got 1.0");
    assertThatThrownBy(() -> policy.nextDelay(1, null, NO_TIME, 0)).hasMessage("failure must not be null");
    assertThatThrownBy(() -> policy.nextDelay(1, UNAVAILABLE, null, 0)).hasMessage("elapsed must not be null");
    assertThatThrownBy(() -> policy.backoff(0, 0)).hasMessage("retry must be at least 1, got 0");
  }
}
