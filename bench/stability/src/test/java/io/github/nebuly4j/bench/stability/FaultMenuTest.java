package io.github.nebuly4j.bench.stability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.testkit.server.Fault;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FaultMenuTest {

  private static AdapterSettings settings(RetryPolicy policy) {
    return new AdapterSettings(URI.create("http://127.0.0.1:1/api/external"), "k", Duration.ofSeconds(5),
        Duration.ofSeconds(2), 1024 * 1024, 64, policy);
  }

  private static Scenario named(FaultMenu menu, String name) {
    return menu.scenarios().stream().filter(scenario -> scenario.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theSoakDrawsFromEveryKindOfFaultTheServerOffers() {
    FaultMenu menu = FaultMenu.soak(settings(RetryPolicy.defaults()));

    assertThat(new HashSet<Class<?>>(menu.kinds())).containsExactlyInAnyOrder(Fault.class.getPermittedSubclasses());
    Set<Class<?>> drawn = new HashSet<>();
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 2_000; i++) {
      Scenario scenario = menu.draw(random);
      scenario.faults().forEach(fault -> drawn.add(fault.getClass()));
      scenario.hold().ifPresent(hold -> drawn.add(Fault.Hold.class));
    }
    assertThat(drawn).containsExactlyInAnyOrder(Fault.class.getPermittedSubclasses());
  }

  @Test
  void aTransientFaultSucceedsOnTheSecondRequestAndAPersistentOneEndsAfterEveryAttempt() {
    FaultMenu menu = FaultMenu.soak(settings(RetryPolicy.builder().maxAttempts(4).build()));

    Scenario once = named(menu, "503 once");
    assertThat(once.outcome().apply(CallKind.CONVERSATION)).isEqualTo("success");
    assertThat(once.requests()).isEqualTo(2);
    Scenario always = named(menu, "503 every attempt");
    assertThat(always.outcome().apply(CallKind.CONVERSATION)).isEqualTo("ServiceFailure 503");
    assertThat(always.requests()).isEqualTo(4);
    assertThat(named(menu, "connection dropped mid-body every attempt").requests()).isEqualTo(4);
    assertThat(named(menu, "body trickled past every attempt").outcome().apply(CallKind.INTERACTION_LINK)).isEqualTo("Timeout(ANSWER)");
  }

  @Test
  void withoutRetriesATransientFaultIsTheCallsFailure() {
    FaultMenu menu = FaultMenu.soak(settings(RetryPolicy.none()));

    Scenario once = named(menu, "503 once");
    assertThat(once.outcome().apply(CallKind.CONVERSATION)).isEqualTo("ServiceFailure 503");
    assertThat(once.requests()).isEqualTo(1);
    assertThat(named(menu, "delay past the attempt timeout, once").outcome().apply(CallKind.CONVERSATION)).isEqualTo("Timeout(ANSWER)");
    assertThat(named(menu, "429, Retry-After 1 s, once").outcome().apply(CallKind.CONVERSATION)).isEqualTo("RateLimited 429");
  }

  @Test
  void aRetryAfterIsWaitedForOnlyUpToThePolicysLongest() {
    FaultMenu patient = FaultMenu.soak(settings(RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(2)).build()));
    FaultMenu impatient = FaultMenu.soak(settings(RetryPolicy.builder().maxRetryAfter(Duration.ofMillis(500)).build()));

    assertThat(named(patient, "429, Retry-After 1 s, once").requests()).isEqualTo(2);
    assertThat(named(impatient, "429, Retry-After 1 s, once").requests()).isEqualTo(1);
    assertThat(named(patient, "429, Retry-After beyond the policy's maxRetryAfter").outcome().apply(CallKind.CONVERSATION))
        .isEqualTo("RateLimited 429");
  }

  @Test
  void a404IsAnEmptyConversationAndAMissingLink() {
    Scenario notFound = named(FaultMenu.soak(settings(RetryPolicy.defaults())), "404 for a seeded id");

    assertThat(notFound.outcome().apply(CallKind.CONVERSATION)).isEqualTo("empty");
    assertThat(notFound.outcome().apply(CallKind.CONVERSATION_LINK)).isEqualTo("NotFound 404");
  }

  @Test
  void timedFaultsKeepATenfoldMarginAroundTheAttemptTimeout() {
    FaultMenu menu = FaultMenu.soak(settings(RetryPolicy.defaults()));

    assertThat(named(menu, "delay of a tenth of the attempt timeout").faults()).containsExactly(Fault.delay(Duration.ofMillis(200)));
    assertThat(named(menu, "hold released past the attempt timeout").hold().orElseThrow().releaseAfter()).contains(Duration.ofSeconds(4));
    assertThat(named(menu, "body trickled past the attempt timeout, once").slow()).isTrue();
  }

  @Test
  void theHostileMenuHasOnlyBodiesPastTheBound() {
    FaultMenu menu = FaultMenu.hostile(settings(RetryPolicy.defaults()), 64L << 20);

    assertThat(new HashSet<Class<?>>(menu.kinds())).containsExactly(Fault.HugeBody.class);
    assertThat(menu.scenarios()).extracting(Scenario::requests).containsExactlyInAnyOrder(1, 1, 3, 3);
  }

  @Test
  void theStormHoldsCallsItAlwaysCancels() {
    FaultMenu menu = FaultMenu.storm(settings(RetryPolicy.defaults()));

    assertThat(menu.scenarios()).contains(FaultMenu.HOLD_UNTIL_THE_BATCH_ENDS);
    assertThat(FaultMenu.HOLD_UNTIL_THE_BATCH_ENDS.hold().orElseThrow().releaseAfter()).isEmpty();
    assertThat(menu.scenarios()).noneMatch(Scenario::slow);
  }

  @Test
  void aPlannedCallScopesEachFaultToItsOwnIdAndEndpoint() {
    Scenario scenario = Scenario.of("503 once", Fault.status(503).times(1), "success", 2);
    PlannedCall call = new PlannedCall(CallKind.INTERACTION_LINK, "id-1", scenario, null);

    assertThat(call.faults).hasSize(1);
    Fault.Scope scope = call.faults.get(0).scope();
    assertThat(scope.id()).contains("id-1");
    assertThat(scope.endpoint()).contains(CallKind.INTERACTION_LINK.endpoint());
    assertThat(scope.count()).hasValue(1);
    assertThat(call.expectedOutcome()).isEqualTo("success");
    PlannedCall held = new PlannedCall(CallKind.CONVERSATION, "id-2", FaultMenu.HOLD_UNTIL_THE_BATCH_ENDS, Duration.ZERO);
    assertThat(held.faults).singleElement().isInstanceOf(Fault.Hold.class);
    assertThat(held.release).isNotDone();
  }
}
