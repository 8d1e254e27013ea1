package io.github.nebuly4j.bench.stability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The resource checks: a snapshot before the adapter exists ({@code start}), one after its warm-up
 * ({@code warm}), and after each run, after {@code close()} and after the framework's shutdown a
 * comparison with one of them.
 *
 * <p>The checks look for leaks, not for figures: a leak grows with the calls or the connections, of
 * which every run makes thousands, so it passes any small allowance within a few hundred calls,
 * while a framework legitimately starts a bounded number of things lazily (an event loop first
 * used, a pool grown by a thread, a jar opened to load a class). The allowances:
 *
 * <ul>
 *   <li>{@value #THREADS} threads over the baseline;
 *   <li>{@value #DESCRIPTORS} descriptors over the baseline that are neither regular files nor
 *       connections to the server (each event loop holds an epoll and an event descriptor); regular
 *       files (jars) are reported, not checked;
 *   <li>connections to the server: at most the pool's size after a run, none after {@code close()}
 *       and none in CLOSE_WAIT at any checkpoint (a connection the server closed and the process
 *       never did);
 *   <li>{@value #HEAP_MIB} MiB of heap after a full collection over the baseline: a leak of 1 KiB
 *       per call passes it before the soak's first phase ends.
 * </ul>
 *
 * <p>Sockets close and threads end asynchronously, so a checkpoint waits up to {@value
 * #SETTLE_SECONDS} s for the counts to come within the allowances before it judges.
 */
final class Checkpoints {
  static final int THREADS = 8;
  static final int DESCRIPTORS = 16;
  static final int HEAP_MIB = 32;
  static final int SETTLE_SECONDS = 5;

  private final RunReport report;
  private final int serverPort;
  private final Predicate<String> harnessThread;
  private ResourceSnapshot start;
  private ResourceSnapshot warm;

  Checkpoints(RunReport report, int serverPort, Predicate<String> harnessThread) {
    this.report = report;
    this.serverPort = serverPort;
    this.harnessThread = harnessThread;
  }

  /** Takes the baseline before the adapter exists. */
  void start() {
    start = take("start (no adapter yet)", true);
  }

  /** Takes the baseline after the adapter's warm-up. */
  void warm() {
    warm = take("warm (after the warm-up)", true);
  }

  /** Compares with the warm baseline after a run: the pool may stay open, nothing else may grow. */
  void afterRun(String label, int poolSize) {
    compare(label, warm, poolSize);
  }

  /** Compares with the warm baseline after the adapter's {@code close()}: no connection may stay. */
  void afterClose(String label) {
    compare(label, warm == null ? start : warm, 0);
  }

  /** Compares with the start baseline after the framework's shutdown. */
  void afterShutdown(String label) {
    compare(label, start, 0);
  }

  private void compare(String label, ResourceSnapshot baseline, int maxEstablished) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
    ResourceSnapshot now = ResourceSnapshot.take(label, serverPort, harnessThread, false);
    while (!problems(now, baseline, maxEstablished, false).isEmpty() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
      now = ResourceSnapshot.take(label, serverPort, harnessThread, false);
    }
    ResourceSnapshot judged = take(label, true);
    List<String> problems = problems(judged, baseline, maxEstablished, true);
    report.check(
        label + ": nothing leaked since \"" + baseline.label() + "\"",
        problems.isEmpty(),
        problems.isEmpty()
            ? judged.threads().size() + " threads (" + signed(judged.threads().size() - baseline.threads().size())
                + newThreads(judged, baseline) + "), " + judged.established() + " connection(s) to the server, heap after GC "
                + signed(Math.round((judged.heapAfterGc() - baseline.heapAfterGc()) / (1024.0 * 1024.0))) + " MiB, peak RSS "
                + RunReport.mebibytes(judged.peakRss()) + " MiB (" + RunReport.mebibytes(baseline.peakRss()) + " then)"
            : String.join("; ", problems));
  }

  private ResourceSnapshot take(String label, boolean collect) {
    ResourceSnapshot snapshot = ResourceSnapshot.take(label, serverPort, harnessThread, collect);
    if (collect) {
      report.snapshot(snapshot);
    }
    return snapshot;
  }

  static List<String> problems(ResourceSnapshot now, ResourceSnapshot baseline, int maxEstablished, boolean heap) {
    List<String> problems = new ArrayList<>();
    int threads = now.threads().size() - baseline.threads().size();
    if (threads > THREADS) {
      problems.add(threads + " more threads than at \"" + baseline.label() + "\" (allowed: " + THREADS + ")" + newThreads(now, baseline));
    }
    int descriptors = now.otherThanServerConnections() - baseline.otherThanServerConnections();
    if (descriptors > DESCRIPTORS) {
      problems.add(descriptors + " more descriptors besides files and server connections (allowed: " + DESCRIPTORS + ")");
    }
    if (now.established() > maxEstablished) {
      problems.add(now.established() + " connection(s) to the server still established (allowed: " + maxEstablished + ")");
    }
    if (now.closeWait() > 0) {
      problems.add(now.closeWait() + " connection(s) in CLOSE_WAIT: closed by the server, never by the process");
    }
    if (heap && baseline.heapAfterGc() >= 0) {
      long grown = now.heapAfterGc() - baseline.heapAfterGc();
      if (grown > HEAP_MIB * 1024L * 1024L) {
        problems.add("heap after GC grew by " + RunReport.mebibytes(grown) + " MiB (allowed: " + HEAP_MIB + ")");
      }
    }
    return problems;
  }

  /** The threads not in the baseline, by name, the first ten. */
  private static String newThreads(ResourceSnapshot now, ResourceSnapshot baseline) {
    List<String> started = new ArrayList<>(now.threads());
    baseline.threads().forEach(started::remove);
    return started.isEmpty() ? "" : "; new: " + String.join(", ", started.subList(0, Math.min(10, started.size())));
  }

  private static String signed(long value) {
    return value >= 0 ? "+" + value : Long.toString(value);
  }
}
