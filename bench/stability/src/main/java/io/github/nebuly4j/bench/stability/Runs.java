package io.github.nebuly4j.bench.stability;

import io.github.nebuly4j.bench.load.LatencyHistogram;
import io.github.nebuly4j.testkit.server.Fault;
import io.github.nebuly4j.testkit.server.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The four runs, over a {@link RunContext}. */
final class Runs {
  /** The share of unfaulted calls that ask for an id the server does not know. */
  private static final double UNKNOWN_IDS = 0.05;

  /** How long, in all, the server waits for the client to close the connections of a batch's cancelled held requests. */
  static final Duration ABORT_WAIT = Duration.ofSeconds(5);

  /** How long the journal must stay the same after a storm's batch: longer than the policy's first backoff. */
  static final Duration QUIET_AFTER_STORM = Duration.ofSeconds(2);

  /** How long the overload's server takes over every request: the pool empties at its size per this. */
  static final Duration OVERLOAD_DELAY = Duration.ofMillis(100);

  private Runs() {}

  /** Runs what the options name. */
  static void run(RunContext context) throws InterruptedException {
    switch (context.options.run()) {
      case SOAK -> scripted(context, FaultMenu.soak(context.settings), "soak");
      case HOSTILE -> scripted(context, FaultMenu.hostile(context.settings, context.options.hugeBody()), "hostile bodies");
      case STORM -> storm(context);
      case OVERLOAD -> overload(context);
    }
  }

  /**
   * The soak (and the hostile bodies, with their own menu): one phase per concurrency, the first
   * of {@code calls} calls and each later one of a fifth of it, in batches; a share of the calls
   * meets a fault drawn from the menu, the others ask for a seeded id or, now and then, an unknown
   * one. A checkpoint follows each phase.
   */
  static void scripted(RunContext context, FaultMenu menu, String name) throws InterruptedException {
    StabilityOptions options = context.options;
    CallChecks checks = new CallChecks(context.report, context.settings);
    context.report.setting("faults drawn from every kind of " + menu.kinds().stream().map(Class::getSimpleName).toList()
        + ", each kind alike, in " + menu.scenarios().size() + " scenarios");
    for (int phase = 0; phase < options.concurrency().size(); phase++) {
      int calls = phase == 0 ? options.calls() : Math.max(1, options.calls() / 5);
      int concurrency = options.concurrency().get(phase);
      LatencyHistogram latencies = new LatencyHistogram();
      long started = System.nanoTime();
      long ran = 0;
      for (int planned = 0; planned < calls; planned += options.batch()) {
        List<PlannedCall> batch = new ArrayList<>();
        for (int i = 0; i < Math.min(options.batch(), calls - planned); i++) {
          batch.add(context.plan("p" + phase + "-", drawScenario(context, menu, options.faultShare()), null));
        }
        context.prepare(batch);
        ran += context.runBatch(batch, concurrency, latencies);
        RunContext.releaseHolds(batch);
        checks.batch(batch, context.server.received(RunContext.impliedRequests(batch), Duration.ZERO));
      }
      context.report.phase(name + ", concurrency " + concurrency, ran, concurrency,
          Duration.ofNanos(System.nanoTime() - started), latencies);
      context.checkpoints.afterRun("after the " + name + " at concurrency " + concurrency, context.settings.maxConnections());
    }
    checks.report(false);
  }

  private static Scenario drawScenario(RunContext context, FaultMenu menu, double faultShare) {
    if (context.random.nextDouble() < faultShare) {
      return menu.draw(context.random);
    }
    return context.random.nextDouble() < UNKNOWN_IDS ? Scenario.unknownId() : Scenario.normal();
  }

  /**
   * The cancellation storm: batches of calls at a concurrency above the pool, so that many wait for
   * a connection, with short faults; a share is cancelled at a random moment (a tenth of those at
   * once), and every call held until the batch ends is cancelled. After each batch, the request of
   * each cancelled held call must have been aborted (the server sees its connection closed) before
   * the holds are released; then normal calls run at the pool's size, and each must be served on
   * its first request, which it cannot be if a cancelled call kept a connection.
   */
  static void storm(RunContext context) throws InterruptedException {
    StabilityOptions options = context.options;
    AdapterSettings settings = context.settings;
    FaultMenu menu = FaultMenu.storm(settings);
    CallChecks checks = new CallChecks(context.report, settings);
    int concurrency = options.concurrency().get(0);
    int pool = settings.maxConnections();
    double heldShare = options.faultShare() / menu.kinds().size();
    double cancelOthers = Math.max(0, (options.cancelShare() - heldShare) / (1 - heldShare));
    LatencyHistogram latencies = new LatencyHistogram();
    LatencyHistogram after = new LatencyHistogram();
    long afterCalls = 0;
    long afterServed = 0;
    long heldRequests = 0;
    long notAborted = 0;
    List<String> notAbortedExamples = new ArrayList<>();
    long started = System.nanoTime();
    long ran = 0;
    for (int planned = 0; planned < options.calls(); planned += options.batch()) {
      List<PlannedCall> batch = new ArrayList<>();
      for (int i = 0; i < Math.min(options.batch(), options.calls() - planned); i++) {
        Scenario scenario = context.random.nextDouble() < options.faultShare() ? menu.draw(context.random) : Scenario.normal();
        boolean cancel = scenario == FaultMenu.HOLD_UNTIL_THE_BATCH_ENDS || context.random.nextDouble() < cancelOthers;
        Duration cancelAfter = !cancel ? null
            : context.random.nextInt(10) == 0 ? Duration.ZERO
            : Duration.ofMillis(context.random.nextInt(300));
        batch.add(context.plan("storm-", scenario, cancelAfter));
      }
      List<PlannedCall> afterwards = new ArrayList<>();
      Scenario served = Scenario.normal("normal, right after the storm");
      for (int i = 0; i < 4 * pool; i++) {
        afterwards.add(context.plan("after-", served, null));
      }
      List<PlannedCall> all = new ArrayList<>(batch);
      all.addAll(afterwards);
      context.prepare(all);
      ran += context.runBatch(batch, concurrency, latencies);
      // Before the holds are released: a held request is still open only if its cancellation did not abort it.
      ServerScript.Received sent = context.server.received(0, Duration.ZERO);
      long abortDeadline = System.nanoTime() + ABORT_WAIT.toNanos();
      for (PlannedCall call : batch) {
        if (call.cancelled && call.release != null) {
          for (RecordedRequest request : sent.of(call)) {
            heldRequests++;
            Duration left = Duration.ofNanos(Math.max(0, abortDeadline - System.nanoTime()));
            if (!context.server.closedByClient(request.connectionId(), left)) {
              notAborted++;
              if (notAbortedExamples.size() < RunReport.EXAMPLES) {
                notAbortedExamples.add("'" + call.id + "' (connection " + request.connectionId() + ")");
              }
            }
          }
        }
      }
      RunContext.releaseHolds(batch);
      context.driver.run(afterwards, pool, after);
      // A retry after a cancellation comes a backoff later; the quiet wait lets it arrive.
      checks.batch(all, context.server.received(RunContext.impliedRequests(all), QUIET_AFTER_STORM));
      afterCalls += afterwards.size();
      afterServed += afterwards.stream().filter(call -> Outcomes.SUCCESS.equals(call.outcome)).count();
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - started);
    context.report.phase("storm, concurrency " + concurrency, ran, concurrency, wall, latencies);
    context.report.phase("normal calls right after each batch", afterCalls, pool, wall, after);
    context.report.check("after the storm, normal calls are served at once (each succeeds, on its first request)",
        afterServed == afterCalls, RunReport.count(afterServed) + " of " + RunReport.count(afterCalls) + " succeeded");
    context.report.check("cancelling a call aborts its request: the server sees the connection closed",
        notAborted == 0, RunReport.count(heldRequests) + " held requests of cancelled calls, " + RunReport.count(notAborted)
            + " still open after " + Durations.format(ABORT_WAIT) + (notAbortedExamples.isEmpty() ? "" : "; e.g. " + String.join(", ", notAbortedExamples)));
    context.checkpoints.afterRun("after the storm", pool);
    checks.report(true);
  }

  /**
   * The overload: bursts of calls far beyond the pool, at once, against a server that takes {@link
   * #OVERLOAD_DELAY} over every request, with no retry. The pool serves what it can within the
   * connect timeout; every other call must fail with the documented pool-wait timeout ({@code
   * Timeout} of phase {@code CONNECT} and the connect timeout as its limit) and never be sent. After
   * each burst, memory and connections must be back where the warm-up left them.
   */
  static void overload(RunContext context) throws InterruptedException {
    StabilityOptions options = context.options;
    AdapterSettings settings = context.settings;
    int pool = settings.maxConnections();
    List<PlannedCall> seeded = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      seeded.add(context.plan("overload-", Scenario.normal(), null));
    }
    LatencyHistogram latencies = new LatencyHistogram();
    long hangs = 0;
    long successes = 0;
    long poolTimeouts = 0;
    List<String> others = new ArrayList<>();
    long excessRequests = 0;
    long started = System.nanoTime();
    long ran = 0;
    for (int burst = 1; burst <= options.bursts(); burst++) {
      List<PlannedCall> calls = new ArrayList<>();
      for (int i = 0; i < options.calls(); i++) {
        PlannedCall model = seeded.get(i % seeded.size());
        calls.add(new PlannedCall(model.kind, model.id, model.scenario, null));
      }
      context.server.prepare(seeded, List.of(Fault.delay(OVERLOAD_DELAY)));
      ran += context.driver.run(calls, calls.size(), latencies);
      long burstSuccesses = 0;
      for (PlannedCall call : calls) {
        if (call.hung) {
          hangs++;
        } else if (Outcomes.SUCCESS.equals(call.outcome)) {
          burstSuccesses++;
        } else if (Outcomes.CONNECT_TIMEOUT.equals(call.outcome)) {
          poolTimeouts++;
        } else if (others.size() < RunReport.EXAMPLES) {
          others.add(call.outcome);
        }
        String observed = call.outcome == null ? "not started" : call.outcome;
        boolean allowed = observed.equals(Outcomes.SUCCESS) || observed.equals(Outcomes.CONNECT_TIMEOUT);
        context.report.outcome(allowed ? observed : Outcomes.SUCCESS + " or " + Outcomes.CONNECT_TIMEOUT, observed);
      }
      successes += burstSuccesses;
      int received = context.server.received((int) burstSuccesses, Duration.ofSeconds(1)).total();
      excessRequests += Math.max(0, received - burstSuccesses - pool);
      context.checkpoints.afterRun("after burst " + burst, pool);
    }
    long failures = ran - successes - poolTimeouts - hangs;
    context.report.phase("bursts of " + options.calls(), ran, options.calls(),
        Duration.ofNanos(System.nanoTime() - started), latencies);
    context.report.check("every call completes within the policy's bound (" + Durations.format(settings.callBound()) + ")",
        hangs == 0 && ran == (long) options.calls() * options.bursts(), RunReport.count(hangs) + " hung of " + RunReport.count(ran));
    context.report.check("the pool serves calls while it can", successes >= (long) pool * options.bursts(),
        RunReport.count(successes) + " succeeded (at least the pool's " + pool + " per burst)");
    context.report.check("every failure is the documented pool-wait timeout (Timeout, phase CONNECT, limit "
            + Durations.format(settings.connectTimeout()) + ")",
        failures == 0, RunReport.count(poolTimeouts) + " pool-wait timeouts, " + RunReport.count(failures) + " other failure(s)"
            + (others.isEmpty() ? "" : "; e.g. " + String.join(", ", others)));
    context.report.check("a call that timed out waiting for a connection is never sent",
        excessRequests == 0, RunReport.count(excessRequests)
            + " request(s) beyond the successes and the " + pool + " that may race the timeout per burst");
  }
}
