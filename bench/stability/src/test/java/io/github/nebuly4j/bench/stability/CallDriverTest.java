package io.github.nebuly4j.bench.stability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.bench.load.LatencyHistogram;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.testkit.contract.ContractData;
import io.github.nebuly4j.testkit.fake.InMemoryDeepLinkResolver;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallDriverTest {
  private static final AdapterSettings SETTINGS =
      new AdapterSettings(URI.create("http://127.0.0.1:1"), "k", Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, 4, RetryPolicy.none());
  private static final DeepLinkResolver NO_LINKS = InMemoryDeepLinkResolver.builder().build();

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService driverThreads = Executors.newFixedThreadPool(2);
  private final SecretScan secrets = new SecretScan("k3y");

  @AfterEach
  void stop() {
    timer.shutdownNow();
    driverThreads.shutdownNow();
  }

  private CallDriver driver(ConversationRepository repository, Duration hangBound, long stopIssuingAt) {
    return new CallDriver(new Ports(NO_LINKS, repository), new Outcomes(SETTINGS), hangBound, timer, driverThreads, secrets, stopIssuingAt);
  }

  private static List<PlannedCall> calls(int count, Duration cancelAfter) {
    List<PlannedCall> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      calls.add(new PlannedCall(CallKind.CONVERSATION, "c-" + i, Scenario.normal(), cancelAfter));
    }
    return calls;
  }

  private CompletionStage<Optional<Conversation>> later(String id, Function<String, Optional<Conversation>> answer) {
    CompletableFuture<Optional<Conversation>> result = new CompletableFuture<>();
    timer.schedule(() -> result.complete(answer.apply(id)), 5, TimeUnit.MILLISECONDS);
    return result;
  }

  private static long farFuture() {
    return System.nanoTime() + TimeUnit.HOURS.toNanos(1);
  }

  @Test
  void keepsAtMostTheConcurrencyInFlightAndLabelsEveryCall() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ConversationRepository repository =
        id -> {
          most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          return later(id.value(), value -> {
            inFlight.decrementAndGet();
            return Optional.of(ContractData.fullConversation(value));
          });
        };
    List<PlannedCall> calls = calls(60, null);
    LatencyHistogram latencies = new LatencyHistogram();

    int started = driver(repository, Duration.ofSeconds(30), farFuture()).run(calls, 4, latencies);

    assertThat(started).isEqualTo(60);
    assertThat(most.get()).isBetween(1, 4);
    assertThat(calls).extracting(call -> call.outcome).containsOnly("success");
    assertThat(latencies.count()).isEqualTo(60);
  }

  @Test
  void aCallOlderThanTheBoundIsAHangAndTheRunGoesOn() throws Exception {
    CompletableFuture<Optional<Conversation>> never = new CompletableFuture<>();
    ConversationRepository repository =
        id -> id.value().equals("c-0") ? never : later(id.value(), value -> Optional.of(ContractData.fullConversation(value)));
    List<PlannedCall> calls = calls(5, null);

    driver(repository, Duration.ofMillis(300), farFuture()).run(calls, 1, new LatencyHistogram());

    assertThat(calls.get(0).hung).isTrue();
    assertThat(calls.get(0).outcome).isEqualTo("hang");
    assertThat(calls.subList(1, 5)).extracting(call -> call.outcome).containsOnly("success");
    never.complete(Optional.empty());
    assertThat(calls.get(0).outcome).isEqualTo("hang");
  }

  @Test
  void aPortThatThrowsIsLabelledAndTheRunGoesOn() throws Exception {
    List<PlannedCall> calls = calls(3, null);

    driver(id -> { throw new IllegalStateException("boom"); }, Duration.ofSeconds(30), farFuture()).run(calls, 2, new LatencyHistogram());

    assertThat(calls).extracting(call -> call.outcome).containsOnly("threw java.lang.IllegalStateException");
  }

  @Test
  void aCallCancelledAtOnceEndsCancelled() throws Exception {
    List<PlannedCall> calls = calls(3, Duration.ZERO);

    driver(id -> new CompletableFuture<>(), Duration.ofSeconds(30), farFuture()).run(calls, 3, new LatencyHistogram());

    assertThat(calls).allSatisfy(call -> {
      assertThat(call.cancelled).isTrue();
      assertThat(call.cancelledAt).isNotNull();
      assertThat(call.outcome).isEqualTo("cancelled");
      assertThat(call.expectedOutcome()).isEqualTo("cancelled");
    });
  }

  @Test
  void noCallStartsOnceTheRunsTimeIsUp() throws Exception {
    List<PlannedCall> calls = calls(10, null);

    int started = driver(id -> new CompletableFuture<>(), Duration.ofSeconds(30), System.nanoTime() - 1).run(calls, 2, new LatencyHistogram());

    assertThat(started).isZero();
    assertThat(calls).extracting(call -> call.outcome).containsOnlyNulls();
  }

  @Test
  void everyFailureIsLookedAtForTheKey() throws Exception {
    List<PlannedCall> calls = calls(1, null);

    driver(id -> CompletableFuture.failedFuture(new IllegalStateException("with k3y inside")), Duration.ofSeconds(30), farFuture())
        .run(calls, 1, new LatencyHistogram());

    assertThat(calls.get(0).outcome).isEqualTo("not a NebulyException: java.lang.IllegalStateException");
    assertThat(secrets.findings()).contains("the message of a IllegalStateException");
  }
}
