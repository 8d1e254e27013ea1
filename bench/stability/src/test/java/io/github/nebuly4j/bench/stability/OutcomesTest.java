package io.github.nebuly4j.bench.stability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class OutcomesTest {
  private final Outcomes outcomes =
      new Outcomes(new AdapterSettings(URI.create("http://127.0.0.1:1"), "k", Duration.ofSeconds(5), Duration.ofSeconds(2), 1, 1, RetryPolicy.none()));

  @Test
  void aSuccessIsTheSeededValueAndNothingElse() {
    assertThat(outcomes.classify(Optional.of("a"), null, Optional.of("a"))).isEqualTo("success");
    assertThat(outcomes.classify(Optional.of("b"), null, Optional.of("a"))).isEqualTo("wrong value");
    assertThat(outcomes.classify(Optional.empty(), null, Optional.of("a"))).isEqualTo("empty");
    assertThat(outcomes.classify(null, null, "a")).isEqualTo("wrong value");
  }

  @Test
  void aFailureIsItsTypeWithItsStatus() {
    assertThat(outcomes.classify(null, new NebulyException.ServiceFailure(503, null), null)).isEqualTo("ServiceFailure 503");
    assertThat(outcomes.classify(null, new CompletionException(new NebulyException.NotFound("x", null)), null)).isEqualTo("NotFound 404");
    assertThat(outcomes.classify(null, new NebulyException.Transport("reset", null), null)).isEqualTo("Transport");
  }

  @Test
  void aTimeoutIsItsPhaseAndShowsALimitOtherThanTheConfiguredOne() {
    assertThat(outcomes.classify(null, new NebulyException.Timeout(Duration.ofSeconds(5), NebulyException.Timeout.Phase.CONNECT, null), null))
        .isEqualTo("Timeout(CONNECT)");
    assertThat(outcomes.classify(null, new NebulyException.Timeout(Duration.ofSeconds(2), null), null)).isEqualTo("Timeout(ANSWER)");
    assertThat(outcomes.classify(null, new NebulyException.Timeout(Duration.ofSeconds(2), NebulyException.Timeout.Phase.CONNECT, null), null))
        .isEqualTo("Timeout(CONNECT) of 2000 ms");
  }

  @Test
  void anythingElseIsNamedSoThatNoPlanExpectsIt() {
    assertThat(outcomes.classify(null, new CompletionException(new CancellationException()), null)).isEqualTo("cancelled");
    assertThat(outcomes.classify(null, new IllegalStateException(), null)).isEqualTo("not a NebulyException: java.lang.IllegalStateException");
    assertThat(outcomes.classify(null, new OutOfMemoryError(), null)).isEqualTo("not a NebulyException: java.lang.OutOfMemoryError");
    assertThat(Outcomes.thrown(new NullPointerException())).isEqualTo("threw java.lang.NullPointerException");
  }
}
