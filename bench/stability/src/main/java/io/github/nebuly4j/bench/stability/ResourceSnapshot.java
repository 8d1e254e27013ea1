package io.github.nebuly4j.bench.stability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * What the process holds at one moment, read from the JVM and from Linux's {@code /proc}: live
 * threads, open file descriptors by kind, its TCP connections to the fake server by state, the heap
 * after a full collection, and its resident memory now and at its peak.
 *
 * @param label when it was taken, such as {@code after close()}
 * @param threads the names of the live threads, but the harness's own control client's
 * @param sockets open socket descriptors
 * @param otherDescriptors open descriptors that are neither sockets nor regular files (pipes,
 *     epoll and event descriptors)
 * @param files open regular files, jars included
 * @param established the process's connections to the server's port in state ESTABLISHED
 * @param closeWait the process's connections to the server's port in state CLOSE_WAIT: the server
 *     closed them and the process has not
 * @param heapAfterGc bytes of heap in use after a full collection, or -1 when not collected
 * @param rss resident bytes now
 * @param peakRss resident bytes at the process's peak (VmHWM)
 */
record ResourceSnapshot(
    String label,
    List<String> threads,
    int sockets,
    int otherDescriptors,
    int files,
    int established,
    int closeWait,
    long heapAfterGc,
    long rss,
    long peakRss) {

  private static final String ESTABLISHED = "01";
  private static final String CLOSE_WAIT = "08";

  /**
   * Reads the process's state.
   *
   * @param label the snapshot's name
   * @param serverPort the fake server's port on loopback
   * @param harnessThread true for a thread of the harness's control client, which is left out
   * @param collect whether to run a full collection first and measure the heap
   */
  static ResourceSnapshot take(String label, int serverPort, Predicate<String> harnessThread, boolean collect) {
    long heap = -1;
    if (collect) {
      // Twice: the first collection queues what cleaners and finalizers free, the second frees it.
      System.gc();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      System.gc();
      heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
    List<String> threads = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.isAlive() && !harnessThread.test(thread.getName())) {
        threads.add(thread.getName());
      }
    }
    threads.sort(null);
    int sockets = 0;
    int other = 0;
    int files = 0;
    Set<String> socketInodes = new HashSet<>();
    try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
      for (Path descriptor : descriptors) {
        String target;
        try {
          target = Files.readSymbolicLink(descriptor).toString();
        } catch (IOException closedMeanwhile) {
          continue;
        }
        if (target.startsWith("socket:[")) {
          sockets++;
          socketInodes.add(target.substring("socket:[".length(), target.length() - 1));
        } else if (target.startsWith("/") && !target.startsWith("/dev/")) {
          files++;
        } else {
          other++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list /proc/self/fd (the stability runs need Linux)", e);
    }
    int[] states = connectionsTo(serverPort, socketInodes);
    long[] memory = residentMemory();
    return new ResourceSnapshot(
        label, List.copyOf(threads), sockets, other, files, states[0], states[1], heap, memory[0], memory[1]);
  }

  /** Counts the process's sockets connected to {@code port} on loopback: ESTABLISHED, CLOSE_WAIT. */
  private static int[] connectionsTo(int port, Set<String> inodes) {
    int established = 0;
    int closeWait = 0;
    String remotePort = String.format(Locale.ROOT, ":%04X", port);
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.exists(path)) {
        continue;
      }
      List<String> lines;
      try {
        lines = Files.readAllLines(path, StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + table, e);
      }
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.trim().split("\\s+");
        // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
        if (fields.length < 10 || !fields[2].endsWith(remotePort) || !inodes.contains(fields[9])) {
          continue;
        }
        if (fields[3].equals(ESTABLISHED)) {
          established++;
        } else if (fields[3].equals(CLOSE_WAIT)) {
          closeWait++;
        }
      }
    }
    return new int[] {established, closeWait};
  }

  /** VmRSS and VmHWM of {@code /proc/self/status}, in bytes. */
  private static long[] residentMemory() {
    long rss = -1;
    long peak = -1;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmRSS:")) {
          rss = kilobytes(line);
        } else if (line.startsWith("VmHWM:")) {
          peak = kilobytes(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/self/status", e);
    }
    return new long[] {rss, peak};
  }

  private static long kilobytes(String line) {
    String[] fields = line.trim().split("\\s+");
    return Long.parseLong(fields[1]) * 1024;
  }

  /** Descriptors that are not regular files and not connections to the server: what a leak of anything else would grow. */
  int otherThanServerConnections() {
    return sockets - established - closeWait + otherDescriptors;
  }
}
