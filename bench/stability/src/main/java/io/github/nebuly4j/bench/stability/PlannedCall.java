package io.github.nebuly4j.bench.stability;

import io.github.nebuly4j.testkit.server.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One call of a run: planned before the batch starts (kind, id, scenario, faults, when it is
 * cancelled), then filled in by the driver with how it ended. Each call has an id of its own, so
 * the server's journal tells exactly which requests were sent for it.
 */
final class PlannedCall {
  final CallKind kind;
  final String id;
  final Scenario scenario;
  final List<Fault> faults;
  /** Completes when the call's held requests may go on; null without a hold. */
  final CompletableFuture<Void> release;
  /** How long after its start the call is cancelled; null when it is not. */
  final Duration cancelAfter;

  volatile long startNanos;
  volatile long endNanos;
  volatile String outcome;
  /** True once the harness cancelled the stage and the cancellation took (the call had not ended). */
  volatile boolean cancelled;
  volatile Instant cancelledAt;
  /** True once the watchdog found the call older than the policy's bound. */
  volatile boolean hung;
  /** True when the call ended after the run had given up on it. */
  volatile boolean lateCompletion;
  /** The stage the port returned, to cancel it. */
  volatile CompletableFuture<?> future;

  PlannedCall(CallKind kind, String id, Scenario scenario, Duration cancelAfter) {
    this.kind = kind;
    this.id = id;
    this.scenario = scenario;
    this.cancelAfter = cancelAfter;
    List<Fault> scoped = new ArrayList<>();
    if (scenario.hold().isPresent()) {
      release = new CompletableFuture<>();
      scoped.add(scoped(Fault.holdUntil(release).times(scenario.hold().get().times())));
    } else {
      release = null;
    }
    scenario.faults().forEach(fault -> scoped.add(scoped(fault)));
    this.faults = List.copyOf(scoped);
  }

  private Fault scoped(Fault fault) {
    return fault.on(kind.endpoint()).forId(id);
  }

  /** How long after its start the hold is released, if it has one released before the batch ends. */
  Optional<Duration> releaseAfter() {
    return scenario.hold().flatMap(Scenario.HoldPlan::releaseAfter);
  }

  /** The outcome the call must end with, given whether it was cancelled. */
  String expectedOutcome() {
    return cancelled ? Outcomes.CANCELLED : scenario.outcome().apply(kind);
  }

  long latencyNanos() {
    return endNanos - startNanos;
  }
}
