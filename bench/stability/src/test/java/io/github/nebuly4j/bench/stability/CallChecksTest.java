package io.github.nebuly4j.bench.stability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.testkit.server.Fault;
import io.github.nebuly4j.testkit.server.RecordedRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallChecksTest {
  private static final String KEY = "k3y+/=!~%ünïcode";
  private static final AdapterSettings SETTINGS =
      new AdapterSettings(URI.create("http://127.0.0.1:1/api/external"), KEY, Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, 4, RetryPolicy.defaults());
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Scenario ONCE = Scenario.of("503 once", Fault.status(503).times(1), "success", 2);

  private static RecordedRequest linkRequest(String id, String key, Instant at) {
    return new RecordedRequest("GET", "/api/external/deeplinks/interaction/" + id, Optional.empty(),
        Map.of("Authorization", List.of("Bearer " + key)), "", at, 1);
  }

  private static RecordedRequest detailRequest(String id, Instant at) {
    return new RecordedRequest("POST", "/api/external/get-conversation-detail", Optional.empty(),
        Map.of("Authorization", List.of("Bearer " + KEY)), "{\"conversation_id\": \"" + id + "\"}", at, 1);
  }

  private static PlannedCall ended(CallKind kind, String id, Scenario scenario, String outcome) {
    PlannedCall call = new PlannedCall(kind, id, scenario, null);
    call.outcome = outcome;
    return call;
  }

  private static Map<String, RunReport.Check> run(List<PlannedCall> calls, List<RecordedRequest> requests, boolean cancellations) {
    RunReport report = new RunReport("soak", "test");
    CallChecks checks = new CallChecks(report, SETTINGS);
    checks.batch(calls, new ServerScript.Received(requests, "/api/external"));
    checks.report(cancellations);
    Map<String, RunReport.Check> byName = new java.util.LinkedHashMap<>();
    report.checks().forEach(check -> byName.put(check.name().replaceAll(" \\(.*\\)$", ""), check));
    return byName;
  }

  @Test
  void callsThatEndAsPlannedWithTheImpliedRequestsPass() {
    List<PlannedCall> calls = List.of(ended(CallKind.INTERACTION_LINK, "a/b", ONCE, "success"), ended(CallKind.CONVERSATION, "c", Scenario.normal(), "success"));
    List<RecordedRequest> requests = List.of(linkRequest("a%2Fb", KEY, NOW), linkRequest("a%2Fb", KEY, NOW), detailRequest("c", NOW));

    assertThat(run(calls, requests, false).values()).allSatisfy(check -> assertThat(check.passed()).as(check.toString()).isTrue());
  }

  @Test
  void anotherOutcomeOrAnotherRequestCountFails() {
    List<PlannedCall> calls = List.of(ended(CallKind.INTERACTION_LINK, "a", ONCE, "ServiceFailure 503"));
    List<RecordedRequest> requests = List.of(linkRequest("a", KEY, NOW), linkRequest("a", KEY, NOW), linkRequest("a", KEY, NOW));

    Map<String, RunReport.Check> checks = run(calls, requests, false);

    assertThat(checks.get("each outcome is the one the injected fault should produce").passed()).isFalse();
    assertThat(checks.get("each outcome is the one the injected fault should produce").detail())
        .contains("503 once (interaction_link 'a'): expected success, got ServiceFailure 503");
    assertThat(checks.get("the server received the requests the retry policy implies, for each call").detail())
        .contains("3 request(s) (connections 1, 1, 1), the policy implies 2");
  }

  @Test
  void aHangAndAForeignFailureAndAWrongValueEachFailTheirCheck() {
    PlannedCall hung = ended(CallKind.CONVERSATION, "h", Scenario.normal(), "hang");
    hung.hung = true;
    List<PlannedCall> calls = List.of(hung, ended(CallKind.CONVERSATION, "f", Scenario.normal(), "not a NebulyException: java.lang.NullPointerException"),
        ended(CallKind.CONVERSATION, "w", Scenario.normal(), "wrong value"));

    Map<String, RunReport.Check> checks = run(calls, List.of(detailRequest("f", NOW), detailRequest("w", NOW)), false);

    assertThat(checks.get("every call completes within the policy's bound").passed()).isFalse();
    assertThat(checks.get("every failure is a NebulyException").passed()).isFalse();
    assertThat(checks.get("every success equals the seeded data").passed()).isFalse();
  }

  @Test
  void aRequestWellAfterTheCancellationFails() {
    PlannedCall cancelled = ended(CallKind.INTERACTION_LINK, "x", ONCE, "cancelled");
    cancelled.cancelled = true;
    cancelled.cancelledAt = NOW;
    List<RecordedRequest> requests = List.of(linkRequest("x", KEY, NOW.minusMillis(5)), linkRequest("x", KEY, NOW.plusSeconds(2)));

    Map<String, RunReport.Check> checks = run(List.of(cancelled), requests, true);

    assertThat(checks.get("each outcome is the one the injected fault should produce").passed()).isTrue();
    assertThat(checks.get("no request reaches the server after its call was cancelled").passed()).isFalse();
    assertThat(checks.get("no request reaches the server after its call was cancelled").detail()).contains("2000 ms after the cancellation");
  }

  @Test
  void aRequestForNoCallOrWithAnotherKeyFails() {
    List<PlannedCall> calls = List.of(ended(CallKind.INTERACTION_LINK, "a", Scenario.normal(), "success"));
    List<RecordedRequest> requests = new ArrayList<>(List.of(linkRequest("a", "k3y+/=!~%Ã¼nÃ¯code", NOW), linkRequest("stranger", KEY, NOW)));

    Map<String, RunReport.Check> checks = run(calls, requests, false);

    assertThat(checks.get("every request carries the API key as configured").passed()).isFalse();
    assertThat(checks.get("the server received the requests the retry policy implies, for each call").detail())
        .contains("1 request(s) for no planned call");
  }

  @Test
  void aCallNotStartedForWantOfTimeFails() {
    List<PlannedCall> calls = List.of(new PlannedCall(CallKind.CONVERSATION, "n", Scenario.normal(), null));

    assertThat(run(calls, List.of(), false).get("every call completes within the policy's bound").detail()).contains("1 not started");
  }
}
