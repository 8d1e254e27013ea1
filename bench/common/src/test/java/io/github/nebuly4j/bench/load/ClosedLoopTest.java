package io.github.nebuly4j.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {

  /** Completes every call on another thread, failing every fifth, and tracks calls in flight. */
  private static final class FakeClient implements LoadClient {
    final ExecutorService executor = Executors.newFixedThreadPool(2);
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicLong calls = new AtomicLong();

    @Override
    public CompletionStage<?> call(Workload workload) {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      long n = calls.incrementAndGet();
      return CompletableFuture.supplyAsync(
          () -> {
            inFlight.decrementAndGet();
            if (n % 5 == 0) {
              throw new IllegalStateException("fifth call");
            }
            return n;
          },
          executor);
    }

    @Override
    public void close() {
      executor.shutdownNow();
    }
  }

  @Test
  void keepsTheConcurrencyAndCountsSuccessesAndFailuresPerWindow() throws Exception {
    try (FakeClient client = new FakeClient()) {
      List<Measurement> windows =
          ClosedLoop.run(client, "fake", Workload.CONVERSATION, 3, Duration.ofMillis(50), Duration.ofMillis(150), 2);

      assertThat(windows).extracting(Measurement::rep).containsExactly(1, 2);
      assertThat(client.maxInFlight.get()).isLessThanOrEqualTo(3);
      assertThat(windows).allSatisfy(w -> {
        assertThat(w.client()).isEqualTo("fake");
        assertThat(w.concurrency()).isEqualTo(3);
        assertThat(w.requests()).isPositive();
        // Every fifth call fails: about a quarter as many failures as successes.
        assertThat(w.errors()).isBetween(w.requests() / 4 - 3, w.requests() / 4 + 3);
        assertThat(w.firstError()).contains("IllegalStateException: fifth call");
        assertThat(w.requestsPerSecond()).isEqualTo(w.requests() / w.seconds());
        assertThat(w.seconds()).isGreaterThanOrEqualTo(0.15);
        // The JVM kept busy for the whole window: some CPU time, and less per call than the window itself.
        assertThat(w.cpuMicrosPerCall()).isPositive().isLessThan(w.seconds() * 1e6 * Runtime.getRuntime().availableProcessors());
      });
      assertThat(windows.stream().mapToLong(w -> w.requests() + w.errors()).sum()).isLessThanOrEqualTo(client.calls.get());
    }
  }

  @Test
  void aCallThatThrowsOrCompletesAtOnceIsCountedWithoutOverflowingTheStack() throws Exception {
    AtomicLong calls = new AtomicLong();
    LoadClient immediate =
        new LoadClient() {
          @Override
          public CompletionStage<?> call(Workload workload) {
            if (calls.incrementAndGet() % 2 == 0) {
              throw new IllegalArgumentException("thrown");
            }
            return CompletableFuture.completedFuture("done");
          }

          @Override
          public void close() {}
        };

    List<Measurement> windows =
        ClosedLoop.run(immediate, "immediate", Workload.CONVERSATION, 1, Duration.ZERO, Duration.ofMillis(100), 1);

    assertThat(windows.get(0).requests()).isPositive();
    assertThat(windows.get(0).errors()).isPositive();
    assertThat(windows.get(0).firstError()).contains("thrown");
  }

  @Test
  void refusesANonsensicalPlan() {
    LoadClient never =
        new LoadClient() {
          @Override
          public CompletionStage<?> call(Workload workload) {
            return new CompletableFuture<>();
          }

          @Override
          public void close() {}
        };

    assertThatThrownBy(() -> ClosedLoop.run(never, "x", Workload.CONVERSATION, 0, Duration.ZERO, Duration.ofSeconds(1), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("concurrency");
  }
}
