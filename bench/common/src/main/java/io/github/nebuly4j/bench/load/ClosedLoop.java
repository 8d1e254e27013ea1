package io.github.nebuly4j.bench.load;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop load: {@code concurrency} requests are always in flight; each one that completes
 * starts the next. After a warm-up, {@code reps} back-to-back windows are measured (throughput,
 * latency of the calls completing in the window, bytes allocated and CPU time used per call), so the repetitions
 * share one warm JVM and one set of connections, as wrk's do.
 */
public final class ClosedLoop {
  /** Calls that complete on the caller's own stack are re-dispatched past this depth. */
  private static final int MAX_INLINE_DEPTH = 32;

  private final LoadClient client;
  private final String clientName;
  private final Workload workload;
  private final int concurrency;
  private final AllocationMeter allocations = new AllocationMeter();
  private final com.sun.management.OperatingSystemMXBean process =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
  private final ExecutorService redispatch =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "closed-loop-redispatch");
            thread.setDaemon(true);
            return thread;
          });

  private volatile boolean stopped;
  private volatile Window window;
  private CountDownLatch drained;

  private ClosedLoop(LoadClient client, String clientName, Workload workload, int concurrency) {
    this.client = client;
    this.clientName = clientName;
    this.workload = workload;
    this.concurrency = concurrency;
  }

  /**
   * Runs the load and returns one measurement per repetition.
   *
   * @param client the client under load
   * @param clientName its name in the results
   * @param workload what each call asks
   * @param concurrency how many calls are kept in flight, 1 or more
   * @param warmup how long to run before measuring
   * @param measure the length of each measured window
   * @param reps how many windows, 1 or more
   * @return the measurements, in order
   * @throws InterruptedException if interrupted while waiting
   * @throws IllegalArgumentException if a number is out of range
   */
  public static List<Measurement> run(
      LoadClient client,
      String clientName,
      Workload workload,
      int concurrency,
      Duration warmup,
      Duration measure,
      int reps)
      throws InterruptedException {
    if (concurrency < 1 || reps < 1 || measure.isZero() || measure.isNegative() || warmup.isNegative()) {
      throw new IllegalArgumentException(
          "concurrency and reps must be at least 1 and measure positive; got concurrency="
              + concurrency + ", reps=" + reps + ", measure=" + measure + ", warmup=" + warmup);
    }
    ClosedLoop loop = new ClosedLoop(client, clientName, workload, concurrency);
    try {
      return loop.execute(warmup, measure, reps);
    } finally {
      loop.redispatch.shutdownNow();
    }
  }

  private List<Measurement> execute(Duration warmup, Duration measure, int reps) throws InterruptedException {
    drained = new CountDownLatch(concurrency);
    window = new Window();
    for (int i = 0; i < concurrency; i++) {
      client.startWorker(i, this::next);
    }
    TimeUnit.NANOSECONDS.sleep(warmup.toNanos());
    List<Measurement> results = new ArrayList<>(reps);
    for (int rep = 1; rep <= reps; rep++) {
      Map<Long, Long> before = allocations.snapshot();
      long cpuBefore = process.getProcessCpuTime();
      Window measured = new Window();
      long start = System.nanoTime();
      window = measured;
      TimeUnit.NANOSECONDS.sleep(measure.toNanos());
      // The next window starts now, so that no completion between two windows is lost or counted twice.
      window = new Window();
      long seconds = System.nanoTime() - start;
      long cpuAfter = process.getProcessCpuTime();
      Map<Long, Long> after = allocations.snapshot();
      long cpuNanos = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
      results.add(measured.result(rep, seconds / 1e9, AllocationMeter.allocatedBetween(before, after), cpuNanos));
    }
    stopped = true;
    if (!drained.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          clientName + " still had calls in flight 60 s after the load stopped; a call never completed");
    }
    return results;
  }

  private void next() {
    if (stopped) {
      drained.countDown();
      return;
    }
    long start = System.nanoTime();
    CompletionStage<?> stage;
    try {
      stage = client.call(workload);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete(
        (result, failure) -> {
          long end = System.nanoTime();
          window.record(end - start, failure);
          int[] d = depth.get();
          if (d[0] >= MAX_INLINE_DEPTH) {
            redispatch.execute(this::next);
            return;
          }
          d[0]++;
          try {
            next();
          } finally {
            d[0]--;
          }
        });
  }

  /** What one window saw. */
  private final class Window {
    final LatencyHistogram latencies = new LatencyHistogram();
    final LongAdder errors = new LongAdder();
    final AtomicReference<String> firstError = new AtomicReference<>("");

    void record(long nanos, Throwable failure) {
      if (failure == null) {
        latencies.record(nanos);
      } else {
        errors.increment();
        firstError.compareAndSet("", describe(failure));
      }
    }

    Measurement result(int rep, double seconds, long allocatedBytes, long cpuNanos) {
      long requests = latencies.count();
      return new Measurement(
          clientName,
          workload.label(),
          concurrency,
          rep,
          seconds,
          requests,
          errors.sum(),
          requests / seconds,
          latencies.percentileNanos(50) / 1e3,
          latencies.percentileNanos(99) / 1e3,
          latencies.meanNanos() / 1e3,
          requests == 0 ? -1 : (double) allocatedBytes / requests,
          requests == 0 || cpuNanos < 0 ? -1 : cpuNanos / 1e3 / requests,
          firstError.get());
    }
  }

  private static String describe(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof java.util.concurrent.CompletionException
            || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getClass().getName() + ": " + cause.getMessage();
  }
}
