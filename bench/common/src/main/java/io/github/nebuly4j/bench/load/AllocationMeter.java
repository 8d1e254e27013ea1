package io.github.nebuly4j.bench.load;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Measures the bytes the whole JVM allocated between two snapshots, summed over its threads
 * (callers, event loops, the JDK client's executor), with HotSpot's per-thread allocation
 * counters. A thread that ends between the snapshots loses its share, so the clients under
 * measurement keep their threads alive (event loops, pooled executors).
 */
public final class AllocationMeter {
  private final com.sun.management.ThreadMXBean threads;

  /**
   * Creates a meter.
   *
   * @throws IllegalStateException if this JVM does not count allocations per thread
   */
  public AllocationMeter() {
    if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean)) {
      throw new IllegalStateException("this JVM has no com.sun.management.ThreadMXBean");
    }
    threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    if (!threads.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException("this JVM does not count the bytes each thread allocates");
    }
    threads.setThreadAllocatedMemoryEnabled(true);
  }

  /**
   * Reads every live thread's allocation counter.
   *
   * @return thread id to bytes allocated so far
   */
  public Map<Long, Long> snapshot() {
    long[] ids = threads.getAllThreadIds();
    long[] bytes = threads.getThreadAllocatedBytes(ids);
    Map<Long, Long> snapshot = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        snapshot.put(ids[i], bytes[i]);
      }
    }
    return snapshot;
  }

  /**
   * Returns the bytes allocated from one snapshot to a later one; a thread born in between counts
   * from zero.
   *
   * @param before the earlier snapshot
   * @param after the later snapshot
   * @return bytes
   */
  public static long allocatedBetween(Map<Long, Long> before, Map<Long, Long> after) {
    long total = 0;
    for (Map.Entry<Long, Long> thread : after.entrySet()) {
      total += Math.max(0, thread.getValue() - before.getOrDefault(thread.getKey(), 0L));
    }
    return total;
  }
}
