package io.github.nebuly4j.bench.stability;

import io.github.nebuly4j.bench.load.LatencyHistogram;
import io.github.nebuly4j.testkit.contract.ContractData;
import io.github.nebuly4j.testkit.server.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a run works with: its options and the adapter's settings, the driver of calls, the fake
 * server's script, the report, the checkpoints and a seeded source of random choices.
 */
final class RunContext {
  final StabilityOptions options;
  final AdapterSettings settings;
  final RunReport report;
  final CallDriver driver;
  final ServerScript server;
  final Checkpoints checkpoints;
  final SplittableRandom random;
  private long serial;

  RunContext(
      StabilityOptions options,
      AdapterSettings settings,
      RunReport report,
      CallDriver driver,
      ServerScript server,
      Checkpoints checkpoints) {
    this.options = options;
    this.settings = settings;
    this.report = report;
    this.driver = driver;
    this.server = server;
    this.checkpoints = checkpoints;
    this.random = new SplittableRandom(options.seed());
  }

  /**
   * A fresh id for a call: a number of its own, and now and then one of the contract suites' awkward
   * ids after it, so that percent-encoding is exercised under load too.
   */
  String nextId(String prefix) {
    long number = serial++;
    List<String> awkward = ContractData.AWKWARD_IDS;
    int pick = (int) (number % (awkward.size() * 2));
    return prefix + number + (pick < awkward.size() ? "-" + awkward.get(pick) : "");
  }

  /** Half the calls read a conversation, a quarter each resolve a link. */
  CallKind drawKind() {
    int draw = random.nextInt(4);
    return draw < 2 ? CallKind.CONVERSATION : draw == 2 ? CallKind.INTERACTION_LINK : CallKind.CONVERSATION_LINK;
  }

  /** Plans a call. */
  PlannedCall plan(String prefix, Scenario scenario, Duration cancelAfter) {
    return new PlannedCall(drawKind(), nextId(prefix), scenario, cancelAfter);
  }

  /**
   * Prepares the server for a batch, runs it with {@code concurrency} in flight (the calls that
   * last longest first, the others shuffled, so that the slow ones do not all end the batch), and
   * releases the holds still closed.
   *
   * @return how many calls started
   */
  int runBatch(List<PlannedCall> batch, int concurrency, LatencyHistogram latencies) throws InterruptedException {
    List<PlannedCall> order = new ArrayList<>(batch);
    Collections.shuffle(order, new java.util.Random(random.nextLong()));
    order.sort(Comparator.comparing(call -> !call.scenario.slow()));
    return driver.run(order, concurrency, latencies);
  }

  /** Releases every hold of the batch, so that nothing stays held on the server. */
  static void releaseHolds(List<PlannedCall> batch) {
    for (PlannedCall call : batch) {
      if (call.release != null) {
        call.release.complete(null);
      }
    }
  }

  /** Sums the requests the policy implies for the calls not cancelled: the journal has at least these once they have ended. */
  static int impliedRequests(List<PlannedCall> batch) {
    return batch.stream().filter(call -> !call.cancelled && !call.hung && call.outcome != null)
        .mapToInt(call -> call.scenario.requests()).sum();
  }

  /** The server script with no unscoped fault. */
  void prepare(List<PlannedCall> batch) {
    server.prepare(batch, List.<Fault>of());
  }
}
