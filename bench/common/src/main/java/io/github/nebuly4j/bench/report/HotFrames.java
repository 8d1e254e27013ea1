package io.github.nebuly4j.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes a JFR recording of a load run: where the CPU samples are (the top frame, and the
 * nebuly4j methods on the stack), and which frames allocate (from JFR's allocation samples,
 * weighted by the bytes they stand for). What {@code jfr print --events jdk.ExecutionSample}
 * shows, aggregated.
 *
 * @param cpuSamples the number of execution samples
 * @param selfFrames method to samples where it is the top frame, most first
 * @param oursInclusive nebuly4j method to samples where it is anywhere on the stack, most first
 * @param layers a layer (package family) to samples whose top frame is in it
 * @param allocationBytes the bytes the allocation samples stand for
 * @param allocationSites the first frame of a nebuly4j, Jackson or framework method to bytes, most first
 * @param oursAllocation nebuly4j method to the bytes allocated while it is anywhere on the stack
 */
public record HotFrames(
    long cpuSamples,
    Map<String, Long> selfFrames,
    Map<String, Long> oursInclusive,
    Map<String, Long> layers,
    long allocationBytes,
    Map<String, Long> allocationSites,
    Map<String, Long> oursAllocation) {

  private static final String OURS = "io.github.nebuly4j.";
  private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda\\$[0-9]+([+/]0x[0-9a-f]+)?([./][0-9]+)?");

  /**
   * Writes the summary of a recording to {@code FILE.jfr.txt} beside it, for a look at one by hand.
   *
   * @param args the {@code .jfr} file, and optionally how many entries per ranking
   * @throws IOException if the file cannot be read or the summary written
   * @throws IllegalArgumentException with the usage, if the arguments are missing
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: HotFrames FILE.jfr [TOP]");
    }
    HotFrames hot = read(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 25);
    StringBuilder text = new StringBuilder();
    text.append(hot.cpuSamples).append(" CPU samples\n");
    print(text, "layer of the top frame", hot.layers, hot.cpuSamples);
    print(text, "top frame", hot.selfFrames, hot.cpuSamples);
    print(text, "nebuly4j on the stack", hot.oursInclusive, hot.cpuSamples);
    print(text, "allocation site (" + hot.allocationBytes / (1 << 20) + " MiB sampled)", hot.allocationSites, hot.allocationBytes);
    print(text, "allocated with nebuly4j on the stack", hot.oursAllocation, hot.allocationBytes);
    java.nio.file.Files.writeString(Path.of(args[0] + ".txt"), text);
  }

  private static void print(StringBuilder text, String title, Map<String, Long> counts, long total) {
    text.append("\n").append(title).append(":\n");
    counts.forEach((name, count) -> text.append(String.format("%6.1f%%  %s%n", 100.0 * count / Math.max(1, total), name)));
  }

  /**
   * Reads a recording.
   *
   * @param file the {@code .jfr} file
   * @param top how many entries each ranking keeps
   * @return the summary
   * @throws IOException if the file cannot be read
   */
  public static HotFrames read(Path file, int top) throws IOException {
    long samples = 0;
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> ours = new HashMap<>();
    Map<String, Long> layers = new HashMap<>();
    long allocated = 0;
    Map<String, Long> sites = new HashMap<>();
    Map<String, Long> oursAllocated = new HashMap<>();
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    for (RecordedEvent event : events) {
      String type = event.getEventType().getName();
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      List<RecordedFrame> frames = stack.getFrames();
      if (type.equals("jdk.ExecutionSample")) {
        samples++;
        String topFrame = name(frames.get(0));
        self.merge(topFrame, 1L, Long::sum);
        layers.merge(layer(topFrame), 1L, Long::sum);
        countOurs(frames, 1, ours);
      } else if (type.equals("jdk.ObjectAllocationSample")) {
        long weight = event.getLong("weight");
        allocated += weight;
        sites.merge(allocationSite(frames), weight, Long::sum);
        countOurs(frames, weight, oursAllocated);
      }
    }
    return new HotFrames(
        samples, top(self, top), top(ours, top), top(layers, 20), allocated, top(sites, top), top(oursAllocated, top));
  }

  /** Adds {@code weight} once to each distinct nebuly4j method (not the harness's) on the stack. */
  private static void countOurs(List<RecordedFrame> frames, long weight, Map<String, Long> counts) {
    Set<String> seen = new HashSet<>();
    for (RecordedFrame frame : frames) {
      String method = name(frame);
      if (method.startsWith(OURS) && !method.startsWith("io.github.nebuly4j.bench.") && seen.add(method)) {
        counts.merge(method, weight, Long::sum);
      }
    }
  }

  /** The first frame outside the JDK's own classes: who asked for the allocation. */
  private static String allocationSite(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String method = name(frame);
      if (!(method.startsWith("java.") || method.startsWith("jdk.") || method.startsWith("sun."))) {
        return method;
      }
    }
    return name(frames.get(0));
  }

  private static String layer(String method) {
    if (method.startsWith(OURS)) {
      return method.startsWith("io.github.nebuly4j.bench.") ? "bench harness" : "nebuly4j";
    }
    String[][] families = {
      {"com.fasterxml.jackson.", "Jackson"},
      {"io.netty.", "Netty"},
      {"io.vertx.", "Vert.x"},
      {"org.jboss.resteasy.", "RESTEasy Reactive"},
      {"io.quarkus.", "Quarkus"},
      {"io.smallrye.", "SmallRye"},
      {"java.time.", "java.time"},
      {"java.math.", "java.math"},
      {"sun.nio.", "JDK NIO"},
      {"java.nio.", "JDK NIO"},
      {"jdk.internal.net.http.", "JDK HttpClient"},
      {"java.util.concurrent.", "java.util.concurrent"},
      {"java.lang.", "java.lang"},
      {"java.util.", "java.util"},
      {"jdk.internal.", "JDK internal"}
    };
    for (String[] family : families) {
      if (method.startsWith(family[0])) {
        return family[1];
      }
    }
    return "other";
  }

  private static String name(RecordedFrame frame) {
    RecordedMethod method = frame.getMethod();
    if (method == null) {
      return "?";
    }
    // A lambda's hidden class carries an address and a hash that differ from run to run.
    return LAMBDA.matcher(method.getType().getName()).replaceAll("\\$\\$Lambda") + "." + method.getName();
  }

  private static Map<String, Long> top(Map<String, Long> counts, int limit) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(limit)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }
}
