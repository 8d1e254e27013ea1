package io.github.nebuly4j.bench.stability;

import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.testkit.server.Fault;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The scenarios a run draws its faulted calls from, grouped by the kind of {@link Fault} they use,
 * with each outcome and request count derived from the adapter's settings and retry policy (never
 * from what an adapter did). A run first draws a kind, every kind alike, then one of its scenarios.
 *
 * <p>Timed faults keep a wide margin around the attempt timeout: "below" is a tenth of it, "past"
 * twice it or more, so that a loaded machine does not turn one into the other.
 */
final class FaultMenu {
  private static final Duration SHORT_RETRY_AFTER = Duration.ofSeconds(1);
  private static final Duration LONG_RETRY_AFTER = Duration.ofSeconds(120);
  private static final URI ELSEWHERE = URI.create("https://elsewhere.example/api/external");

  private final Map<Class<? extends Fault>, List<Scenario>> byKind;

  private FaultMenu(Map<Class<? extends Fault>, List<Scenario>> byKind) {
    this.byKind = byKind;
  }

  /**
   * The soak's menu: every kind of fault the fake server offers, each in the variants that end in
   * success after a retry, in the failure the policy gives up with, or in a failure never retried.
   *
   * @throws IllegalStateException if the fake server offers a kind of fault the menu has no
   *     scenario for (a new kind must be added here)
   */
  static FaultMenu soak(AdapterSettings settings) {
    RetryPolicy policy = settings.retryPolicy();
    int attempts = policy.maxAttempts();
    Duration attempt = settings.attemptTimeout();
    Duration tenth = attempt.dividedBy(10);
    Duration twice = attempt.multipliedBy(2);
    long pastTheBound = settings.maxBodySize() * 4;
    Map<Class<? extends Fault>, List<Scenario>> menu = new LinkedHashMap<>();
    menu.put(Fault.Delay.class, List.of(
        Scenario.of("delay of a tenth of the attempt timeout", Fault.delay(tenth), Outcomes.SUCCESS, 1),
        transientOnce("delay past the attempt timeout, once", Fault.delay(twice), Outcomes.ANSWER_TIMEOUT, attempts).slowly()));
    menu.put(Fault.Hold.class, List.of(
        Scenario.held("hold released within the attempt", new Scenario.HoldPlan(1, Optional.of(tenth)), Outcomes.SUCCESS, 1, false),
        Scenario.held("hold released past the attempt timeout", new Scenario.HoldPlan(1, Optional.of(twice)),
            attempts >= 2 ? Outcomes.SUCCESS : Outcomes.ANSWER_TIMEOUT, Math.min(2, attempts), true)));
    menu.put(Fault.Status.class, List.of(
        transientOnce("503 once", Fault.status(503), Outcomes.label(NebulyException.ServiceFailure.class, 503), attempts),
        everyAttempt("503 every attempt", Fault.status(503), Outcomes.label(NebulyException.ServiceFailure.class, 503), attempts),
        rateLimited("429, Retry-After 1 s, once", SHORT_RETRY_AFTER, policy),
        rateLimited("429, Retry-After beyond the policy's maxRetryAfter", LONG_RETRY_AFTER, policy),
        Scenario.of("401", Fault.status(401), Outcomes.label(NebulyException.Authentication.class, 401), 1),
        Scenario.of("422", Fault.status(422), Outcomes.label(NebulyException.InvalidRequest.class, 422), 1),
        Scenario.of("404 for a seeded id", Fault.status(404), Outcomes.NOT_FOUND, 1).withOutcome(CallKind::notFoundOutcome)));
    menu.put(Fault.HtmlPage.class, List.of(
        transientOnce("HTML 502 page once", Fault.htmlPage(502), Outcomes.label(NebulyException.ServiceFailure.class, 502), attempts),
        Scenario.of("HTML 403 page", Fault.htmlPage(403), Outcomes.label(NebulyException.Authentication.class, 403), 1)));
    menu.put(Fault.EmptyBody.class, List.of(
        transientOnce("empty 503 once", Fault.emptyBody(503), Outcomes.label(NebulyException.ServiceFailure.class, 503), attempts),
        Scenario.of("empty 200", Fault.emptyBody(200), Outcomes.label(NebulyException.MalformedResponse.class, 200), 1)));
    menu.put(Fault.MalformedJson.class, List.of(
        Scenario.of("malformed JSON", Fault.malformedJson(), Outcomes.label(NebulyException.MalformedResponse.class, 200), 1)));
    menu.put(Fault.DropConnection.class, List.of(
        transientOnce("connection dropped mid-body once", Fault.dropConnection(), Outcomes.TRANSPORT, attempts),
        everyAttempt("connection dropped mid-body every attempt", Fault.dropConnection(), Outcomes.TRANSPORT, attempts)));
    menu.put(Fault.HugeBody.class, List.of(
        Scenario.of("body 4× the bound", Fault.hugeBody(pastTheBound), Outcomes.label(NebulyException.MalformedResponse.class, 200), 1),
        Scenario.of("endless chunked body", Fault.hugeChunkedBody(Long.MAX_VALUE), Outcomes.label(NebulyException.MalformedResponse.class, 200), 1),
        transientOnce("503 page 4× the bound, once", Fault.hugeBody(503, pastTheBound), Outcomes.label(NebulyException.ServiceFailure.class, 503), attempts)));
    menu.put(Fault.Trickle.class, List.of(
        Scenario.of("body trickled within the attempt", Fault.trickle(64, Duration.ofMillis(1)), Outcomes.SUCCESS, 1),
        transientOnce("body trickled past the attempt timeout, once", Fault.trickle(1, tenth), Outcomes.ANSWER_TIMEOUT, attempts).slowly(),
        everyAttempt("body trickled past every attempt", Fault.trickle(1, tenth), Outcomes.ANSWER_TIMEOUT, attempts).slowly()));
    menu.put(Fault.Redirect.class, List.of(
        Scenario.of("302 redirect", Fault.redirect(302, ELSEWHERE), Outcomes.label(NebulyException.ServiceFailure.class, 302), 1),
        Scenario.of("307 redirect", Fault.redirect(307, ELSEWHERE), Outcomes.label(NebulyException.ServiceFailure.class, 307), 1)));
    return covering(menu);
  }

  /**
   * The hostile bodies' menu: bodies past the bound, sized or endless, as answers and as error
   * pages; the error pages are retryable statuses, so each attempt meets one.
   */
  static FaultMenu hostile(AdapterSettings settings, long hugeBytes) {
    int attempts = settings.retryPolicy().maxAttempts();
    Map<Class<? extends Fault>, List<Scenario>> menu = new LinkedHashMap<>();
    menu.put(Fault.HugeBody.class, List.of(
        Scenario.of("sized body past the bound", Fault.hugeBody(hugeBytes), Outcomes.label(NebulyException.MalformedResponse.class, 200), 1),
        Scenario.of("endless chunked body", Fault.hugeChunkedBody(Long.MAX_VALUE), Outcomes.label(NebulyException.MalformedResponse.class, 200), 1),
        everyAttempt("sized 503 page past the bound, every attempt", Fault.hugeBody(503, hugeBytes), Outcomes.label(NebulyException.ServiceFailure.class, 503), attempts),
        everyAttempt("endless chunked 500 page, every attempt", Fault.hugeChunkedBody(500, Long.MAX_VALUE), Outcomes.label(NebulyException.ServiceFailure.class, 500), attempts)));
    return new FaultMenu(menu);
  }

  /**
   * The cancellation storm's menu: short faults only, so that a cancellation lands in every phase
   * of a call (waiting for a connection, sending, reading a slow body, waiting to retry), and a
   * hold until the batch ends, whose calls are always cancelled: an adapter that does not abort
   * them keeps their connections busy.
   */
  static FaultMenu storm(AdapterSettings settings) {
    int attempts = settings.retryPolicy().maxAttempts();
    Map<Class<? extends Fault>, List<Scenario>> menu = new LinkedHashMap<>();
    menu.put(Fault.Delay.class, List.of(
        Scenario.of("delay of 50 ms", Fault.delay(Duration.ofMillis(50)), Outcomes.SUCCESS, 1),
        Scenario.of("delay of 150 ms", Fault.delay(Duration.ofMillis(150)), Outcomes.SUCCESS, 1)));
    menu.put(Fault.Trickle.class, List.of(
        Scenario.of("body trickled within the attempt", Fault.trickle(64, Duration.ofMillis(1)), Outcomes.SUCCESS, 1)));
    menu.put(Fault.Status.class, List.of(
        transientOnce("503 once", Fault.status(503), Outcomes.label(NebulyException.ServiceFailure.class, 503), attempts)));
    menu.put(Fault.DropConnection.class, List.of(
        transientOnce("connection dropped mid-body once", Fault.dropConnection(), Outcomes.TRANSPORT, attempts)));
    menu.put(Fault.Hold.class, List.of(HOLD_UNTIL_THE_BATCH_ENDS));
    return new FaultMenu(menu);
  }

  /** The storm's scenario whose calls are always cancelled. */
  static final Scenario HOLD_UNTIL_THE_BATCH_ENDS =
      Scenario.held("held until the batch ends, always cancelled", new Scenario.HoldPlan(1, Optional.empty()), Outcomes.CANCELLED, 1, false);

  /** Draws a kind of fault, every kind alike, then one of its scenarios. */
  Scenario draw(RandomGenerator random) {
    List<List<Scenario>> kinds = new ArrayList<>(byKind.values());
    List<Scenario> kind = kinds.get(random.nextInt(kinds.size()));
    return kind.get(random.nextInt(kind.size()));
  }

  /** Every scenario, for the report. */
  List<Scenario> scenarios() {
    return byKind.values().stream().flatMap(List::stream).toList();
  }

  /** The kinds of fault the menu draws from. */
  Set<Class<? extends Fault>> kinds() {
    return byKind.keySet();
  }

  private static FaultMenu covering(Map<Class<? extends Fault>, List<Scenario>> menu) {
    for (Class<?> kind : Fault.class.getPermittedSubclasses()) {
      if (!menu.containsKey(kind)) {
        throw new IllegalStateException(
            "the fake server offers " + kind.getName() + ", which the soak's fault menu does not draw: add its scenarios");
      }
    }
    return new FaultMenu(menu);
  }

  /** A fault on the first request only: success on the retry, if the policy retries at all. */
  private static Scenario transientOnce(String name, Fault fault, String failure, int attempts) {
    return attempts >= 2
        ? Scenario.of(name, fault.times(1), Outcomes.SUCCESS, 2)
        : Scenario.of(name, fault.times(1), failure, 1);
  }

  /** A fault on every request the policy sends: it gives up after its last attempt. */
  private static Scenario everyAttempt(String name, Fault fault, String failure, int attempts) {
    return Scenario.of(name, fault.times(attempts), failure, attempts);
  }

  /** A 429 once: retried after its Retry-After when the policy honours that long a wait. */
  private static Scenario rateLimited(String name, Duration retryAfter, RetryPolicy policy) {
    boolean honoured = retryAfter.compareTo(policy.maxRetryAfter()) <= 0 && policy.maxAttempts() >= 2;
    Fault fault = Fault.rateLimited(retryAfter).times(1);
    Scenario scenario =
        honoured
            ? Scenario.of(name, fault, Outcomes.SUCCESS, 2)
            : Scenario.of(name, fault, Outcomes.label(NebulyException.RateLimited.class, 429), 1);
    return honoured ? scenario.slowly() : scenario;
  }
}
