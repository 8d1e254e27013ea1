package io.github.nebuly4j.bench.stability;

import io.github.nebuly4j.testkit.server.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one call meets and what must come of it: the faults the server applies to the call's id
 * (never to any other call), whether the id is seeded, the outcome, and how many requests the
 * server must receive for it.
 *
 * @param name how the report names it, such as {@code 503 once}
 * @param faults the faults, unscoped but for their count; a plan restricts each to its call's id
 * @param hold a hold to put before them, if any
 * @param seeded whether the server knows the call's id
 * @param outcome the outcome, by call kind (a 404 is empty for a conversation, {@code NotFound}
 *     for a link)
 * @param requests how many requests the retry policy sends for it
 * @param slow whether it lasts about an attempt timeout or more: a run starts these first
 */
record Scenario(
    String name,
    List<Fault> faults,
    Optional<HoldPlan> hold,
    boolean seeded,
    Function<CallKind, String> outcome,
    int requests,
    boolean slow) {

  /**
   * A hold in front of the call's requests.
   *
   * @param times how many requests it holds
   * @param releaseAfter how long after the call starts it is released; empty: when the batch ends
   */
  record HoldPlan(int times, Optional<Duration> releaseAfter) {}

  /** A seeded call that meets one fault and ends as {@code outcome} after {@code requests} requests. */
  static Scenario of(String name, Fault fault, String outcome, int requests) {
    return new Scenario(name, List.of(fault), Optional.empty(), true, kind -> outcome, requests, false);
  }

  /** A seeded call that meets nothing. */
  static Scenario normal() {
    return normal("normal");
  }

  /** A seeded call that meets nothing, under another name in the report. */
  static Scenario normal(String name) {
    return new Scenario(name, List.of(), Optional.empty(), true, kind -> Outcomes.SUCCESS, 1, false);
  }

  /** A call for an id the server does not know. */
  static Scenario unknownId() {
    return new Scenario("unknown id", List.of(), Optional.empty(), false, CallKind::notFoundOutcome, 1, false);
  }

  /** This scenario, marked as lasting about an attempt timeout or more. */
  Scenario slowly() {
    return new Scenario(name, faults, hold, seeded, outcome, requests, true);
  }

  /** This scenario with another outcome by call kind. */
  Scenario withOutcome(Function<CallKind, String> byKind) {
    return new Scenario(name, faults, hold, seeded, byKind, requests, slow);
  }

  /** A seeded call whose requests are held; the hold is the only fault. */
  static Scenario held(String name, HoldPlan hold, String outcome, int requests, boolean slow) {
    return new Scenario(name, List.of(), Optional.of(hold), true, kind -> outcome, requests, slow);
  }
}
