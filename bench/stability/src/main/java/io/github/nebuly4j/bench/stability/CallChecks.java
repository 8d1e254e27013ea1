package io.github.nebuly4j.bench.stability;

import io.github.nebuly4j.testkit.server.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The per-call checks of a run, accumulated over its batches: each call ended (no hang), every
 * failure is a {@code NebulyException} or the cancellation of a cancelled call, every success
 * equals the seeded data, each outcome is the planned one, the server received for each call the
 * requests the retry policy implies (and none after its call was cancelled), and every request
 * carried the API key as configured.
 */
final class CallChecks {
  /**
   * How long after a cancellation a request may still reach the server: it may have left before
   * the cancellation and waited in the sockets of a loaded machine. A retry sent after the
   * cancellation comes an attempt timeout or a backoff later.
   */
  static final Duration AFTER_CANCEL_GRACE = Duration.ofSeconds(1);

  private final RunReport report;
  private final String authorization;
  private final Duration hangBound;
  private long calls;
  private long notStarted;
  private long hangs;
  private long lateCompletions;
  private long foreignFailures;
  private long wrongValues;
  private long outcomeMismatches;
  private long requestMismatches;
  private long requestsAfterCancel;
  private long strangers;
  private long wrongKeys;
  private long requests;
  private final List<String> hangExamples = new ArrayList<>();
  private final List<String> foreignExamples = new ArrayList<>();
  private final List<String> outcomeExamples = new ArrayList<>();
  private final List<String> requestExamples = new ArrayList<>();
  private final List<String> afterCancelExamples = new ArrayList<>();
  private final List<String> strangerExamples = new ArrayList<>();

  CallChecks(RunReport report, AdapterSettings settings) {
    this.report = report;
    this.authorization = "Bearer " + settings.apiKey();
    this.hangBound = settings.callBound();
  }

  /** Checks the calls of one batch against the requests the server received for them. */
  void batch(List<PlannedCall> batch, ServerScript.Received received) {
    requests += received.total();
    for (PlannedCall call : batch) {
      calls++;
      if (call.outcome == null) {
        notStarted++;
        continue;
      }
      String expected = call.expectedOutcome();
      String observed = call.outcome;
      report.outcome(expected, observed);
      if (call.hung) {
        hangs++;
        example(hangExamples, describe(call) + " still running after " + Durations.format(hangBound));
      }
      if (call.lateCompletion) {
        lateCompletions++;
      }
      if (observed.startsWith("not a NebulyException") || observed.startsWith("threw") || observed.equals("returned no stage")
          || (observed.equals(Outcomes.CANCELLED) && !call.cancelled)) {
        foreignFailures++;
        example(foreignExamples, describe(call) + ": " + observed);
      }
      if (observed.equals(Outcomes.WRONG_VALUE)) {
        wrongValues++;
      }
      boolean asPlanned = expected.equals(observed);
      if (!asPlanned) {
        outcomeMismatches++;
        example(outcomeExamples, describe(call) + ": expected " + expected + ", got " + observed);
      }
      List<RecordedRequest> sent = received.of(call);
      boolean requestsAsImplied;
      if (call.cancelled) {
        Instant latest = call.cancelledAt.plus(AFTER_CANCEL_GRACE);
        Optional<RecordedRequest> late = sent.stream().filter(request -> request.receivedAt().isAfter(latest)).findFirst();
        late.ifPresent(request -> {
          requestsAfterCancel++;
          example(afterCancelExamples, describe(call) + ": a request arrived "
              + Duration.between(call.cancelledAt, request.receivedAt()).toMillis() + " ms after the cancellation");
        });
        requestsAsImplied = sent.size() <= call.scenario.requests() && late.isEmpty();
      } else {
        requestsAsImplied = call.hung || sent.size() == call.scenario.requests();
      }
      if (!requestsAsImplied) {
        requestMismatches++;
        example(requestExamples, describe(call) + ": " + sent.size() + " request(s) (connections "
            + sent.stream().map(request -> Long.toString(request.connectionId())).collect(Collectors.joining(", "))
            + "), the policy implies " + (call.cancelled ? "at most " : "") + call.scenario.requests());
      }
      report.scenario(call.scenario.name(), asPlanned, requestsAsImplied);
    }
    Set<CallKind.CallKey> planned = new HashSet<>();
    batch.forEach(call -> planned.add(new CallKind.CallKey(call.kind, call.id)));
    List<RecordedRequest> forNoCall = new ArrayList<>(received.strangers());
    received.byCall().forEach((key, sent) -> {
      if (!planned.contains(key)) {
        forNoCall.addAll(sent);
      }
    });
    for (RecordedRequest stranger : forNoCall) {
      strangers++;
      example(strangerExamples, stranger.method() + " " + stranger.rawPath());
    }
    for (List<RecordedRequest> sent : received.byCall().values()) {
      for (RecordedRequest request : sent) {
        if (!request.header("Authorization").map(authorization::equals).orElse(false)) {
          wrongKeys++;
        }
      }
    }
  }

  /** Puts the verdicts into the report. */
  void report(boolean withCancellations) {
    report.check("every call completes within the policy's bound (" + Durations.format(hangBound) + ")",
        hangs == 0 && notStarted == 0,
        count(calls) + " calls, " + count(hangs) + " hung, " + count(notStarted) + " not started (the run's time was up)"
            + (lateCompletions > 0 ? ", " + count(lateCompletions) + " hung ones ended later" : "") + examples(hangExamples));
    report.check("every failure is a NebulyException" + (withCancellations ? ", or the CancellationException of a cancelled call" : ""),
        foreignFailures == 0, count(foreignFailures) + " other" + examples(foreignExamples));
    report.check("every success equals the seeded data", wrongValues == 0, count(wrongValues) + " wrong value(s)");
    report.check("each outcome is the one the injected fault should produce", outcomeMismatches == 0,
        count(outcomeMismatches) + " of " + count(calls - notStarted) + " differ" + examples(outcomeExamples));
    report.check("the server received the requests the retry policy implies, for each call", requestMismatches == 0 && strangers == 0,
        count(requests) + " requests; " + count(requestMismatches) + " call(s) with other counts" + examples(requestExamples)
            + "; " + count(strangers) + " request(s) for no planned call" + examples(strangerExamples));
    if (withCancellations) {
      report.check("no request reaches the server after its call was cancelled (" + Durations.format(AFTER_CANCEL_GRACE) + " of grace)",
          requestsAfterCancel == 0, count(requestsAfterCancel) + " call(s)" + examples(afterCancelExamples));
    }
    report.check("every request carries the API key as configured", wrongKeys == 0,
        count(wrongKeys) + " request(s) with another Authorization header");
  }

  private static String describe(PlannedCall call) {
    return call.scenario.name() + " (" + call.kind.name().toLowerCase(java.util.Locale.ROOT) + " '" + call.id + "')";
  }

  private static void example(List<String> examples, String text) {
    if (examples.size() < RunReport.EXAMPLES) {
      examples.add(text);
    }
  }

  private static String examples(List<String> examples) {
    return examples.isEmpty() ? "" : "; e.g. " + String.join("; ", examples);
  }

  private static String count(long value) {
    return RunReport.count(value);
  }
}
