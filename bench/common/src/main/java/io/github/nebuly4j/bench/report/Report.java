package io.github.nebuly4j.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.bench.load.Measurement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes {@code RESULTS.md} and the throughput plot from what {@code bench/run.sh} collected in its
 * results folder: {@code machine.txt}, {@code settings.txt}, {@code load.jsonl} (every load window,
 * wrk's included), {@code jmh.json} and {@code profile-*.jfr}. Every ratio is taken between figures
 * of the same run.
 */
public final class Report {
  /** A section another script owns: {@code <!-- NAME:begin -->} to {@code <!-- NAME:end -->}. */
  private static final Pattern KEPT_SECTION =
      Pattern.compile("(?s)<!-- ([\\w-]+):begin -->.*?<!-- \\1:end -->");

  private static final String MAIN = "conversation";
  private static final List<String> ORDER =
      List.of("wrk", "raw-webclient", "raw-jdk", "vertx-adapter", "raw-rest-client", "raw-vertx4", "quarkus-adapter");
  private static final int TARGET_CONCURRENCY = 256;

  private final Path results;
  private final List<Measurement> load;
  private final StringBuilder md = new StringBuilder();
  private final List<String[]> targets = new ArrayList<>();
  private final Map<String, Map<String, Map<Integer, Summary>>> panels = new LinkedHashMap<>();

  private Report(Path results, List<Measurement> load) {
    this.results = results;
    this.load = load;
  }

  /**
   * Writes the report.
   *
   * @param args the results folder, the Markdown file to write, the PNG file to write
   * @throws IOException if a file cannot be read or written
   * @throws IllegalArgumentException with the usage, if the arguments are not the three above
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: Report RESULTS_DIR RESULTS.md throughput.png");
    }
    System.setProperty("java.awt.headless", "true");
    Path results = Path.of(args[0]);
    Report report = new Report(results, readLoad(results.resolve("load.jsonl")));
    report.write(Path.of(args[1]), Path.of(args[2]));
  }

  private static List<Measurement> readLoad(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Measurement> measurements = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          measurements.add(mapper.readValue(line, Measurement.class));
        }
      }
    }
    return measurements;
  }

  private void write(Path markdown, Path png) throws IOException {
    md.append("# nebuly4j benchmarks\n\n")
        .append("Written by `bench/run.sh` on ")
        .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .append(". Raw data: `bench/target/results/` (`load.jsonl`, `jmh.json`, `profile-*.jfr`). ")
        .append("Every ratio compares figures of this one run.\n\n");
    machine();
    method();
    ceiling();
    workload(MAIN, "Conversation detail (main workload): `POST /get-conversation-detail`, 10 interactions",
        "POST /get-conversation-detail (10 interactions)");
    if (!panels.isEmpty()) {
      md.append("![throughput against concurrency, every client](").append(png.getFileName()).append(")\n\n");
    }
    ratios();
    workload("interaction-link", "Deep link (secondary workload): `GET /deeplinks/interaction/{id}`",
        "GET /deeplinks/interaction/{id}");
    if (!panels.isEmpty()) {
      ThroughputPlot.write("nebuly4j over loopback: throughput by concurrency", panels, png);
    }
    decoding();
    targetsSection();
    profiles();
    analysis(markdown);
    keptSections(markdown);
    Files.writeString(markdown, md, StandardCharsets.UTF_8);
  }

  private void machine() throws IOException {
    md.append("## Machine\n\n");
    Path file = results.resolve("machine.txt");
    if (Files.exists(file)) {
      md.append("| | |\n|---|---|\n");
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          md.append("| ").append(line, 0, colon).append(" | ").append(line.substring(colon + 1).strip()).append(" |\n");
        }
      }
      md.append('\n');
    }
  }

  private void method() throws IOException {
    md.append("## Method\n\n");
    Path file = results.resolve("settings.txt");
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        md.append("- ").append(line).append('\n');
      }
    }
    md.append("- Closed loop: each client keeps *c* requests in flight; every completion starts the next. ")
        .append("Per client and concurrency: one warm-up, then back-to-back measured windows (the repetitions); ")
        .append("figures are mean \u00b1 sample stdev over the windows. Latency is per call, from the call to its decoded result.\n")
        .append("- Every client that lets its pool be sized is sized for the largest concurrency (256 connections, like wrk's `-c`), ")
        .append("so each opens at most *c* connections (adapter-quarkus and `raw-rest-client`: `quarkus.nebuly.max-connections`). ")
        .append("The server is the Vert.x 5 loopback server of `bench/load-vertx` ")
        .append("in its own JVM, serving pre-encoded bytes; client, server and wrk share the machine's cores.\n")
        .append("- `raw-webclient`: Vert.x 5 WebClient + Jackson into plain records; `raw-jdk`: JDK HttpClient (HTTP/1.1) + Jackson ")
        .append("into the same records; `vertx-adapter`: `NebulyVertxClient`; `quarkus-adapter`: the CDI beans of adapter-quarkus in a ")
        .append("Quarkus command-mode app, beside its two baselines there: `raw-rest-client`, what a Quarkus user writes by hand (a ")
        .append("`@RegisterRestClient` interface returning the plain records through Jackson), and `raw-vertx4`, Quarkus's raw Vert.x 4.5 ")
        .append("HTTP client + Jackson into the plain records; `wrk`: the ceiling (it reads the bytes and decodes nothing).\n")
        .append("- Allocation per call: bytes allocated by all threads of the client's JVM during a window (HotSpot per-thread counters) ")
        .append("divided by the calls of that window; it includes the harness (a few hundred bytes: the loop's completion callbacks; the latency histogram does not allocate).\n\n");
  }

  private void ceiling() {
    List<Measurement> wrk = load.stream().filter(m -> m.client().equals("wrk")).collect(Collectors.toList());
    if (wrk.isEmpty()) {
      return;
    }
    md.append("## Loopback server ceiling (wrk)\n\n")
        .append("| endpoint | c | requests/s | p50 \u00b5s | p99 \u00b5s | errors |\n|---|---:|---:|---:|---:|---:|\n");
    for (String workload : workloads(wrk)) {
      for (int c : concurrencies(wrk, workload)) {
        List<Measurement> cell = cell("wrk", workload, c);
        md.append("| ").append(workload).append(" | ").append(c).append(" | ")
            .append(format(summary(cell, Measurement::requestsPerSecond), 0)).append(" | ")
            .append(format(summary(cell, Measurement::p50Micros), 0)).append(" | ")
            .append(format(summary(cell, Measurement::p99Micros), 0)).append(" | ")
            .append(cell.stream().mapToLong(Measurement::errors).sum()).append(" |\n");
      }
    }
    md.append('\n');
  }

  private void workload(String workload, String title, String panel) {
    List<Measurement> rows = load.stream().filter(m -> m.workload().equals(workload)).collect(Collectors.toList());
    if (rows.isEmpty()) {
      return;
    }
    md.append("## ").append(title).append("\n\n")
        .append("| client | c | requests/s | p50 \u00b5s | p99 \u00b5s | allocated B/call | CPU \u00b5s/call | errors |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    Map<String, Map<Integer, Summary>> series = new LinkedHashMap<>();
    for (String client : clients(rows)) {
      for (int c : concurrencies(rows, null)) {
        List<Measurement> cell = cell(client, workload, c);
        if (cell.isEmpty()) {
          continue;
        }
        Summary rps = summary(cell, Measurement::requestsPerSecond);
        series.computeIfAbsent(client, k -> new LinkedHashMap<>()).put(c, rps);
        List<Measurement> allocating =
            cell.stream().filter(m -> m.allocatedBytesPerCall() >= 0).collect(Collectors.toList());
        md.append("| ").append(client).append(" | ").append(c).append(" | ")
            .append(format(rps, 0)).append(" | ")
            .append(format(summary(cell, Measurement::p50Micros), 0)).append(" | ")
            .append(format(summary(cell, Measurement::p99Micros), 0)).append(" | ")
            .append(allocating.isEmpty() ? "n/a" : format(summary(allocating, Measurement::allocatedBytesPerCall), 0))
            .append(" | ").append(cpu(cell).map(r -> format(r, 1)).orElse("n/a"))
            .append(" | ").append(cell.stream().mapToLong(Measurement::errors).sum());
        String error = cell.stream().map(Measurement::firstError).filter(e -> !e.isEmpty()).findFirst().orElse("");
        md.append(error.isEmpty() ? "" : " (" + error.replace('|', '/') + ")").append(" |\n");
      }
    }
    md.append('\n');
    if (!series.isEmpty()) {
      panels.put(panel, series);
    }
  }

  private void ratios() {
    TreeSet<Integer> cs = concurrencies(load.stream().filter(m -> m.workload().equals(MAIN)).collect(Collectors.toList()), null);
    if (cs.isEmpty()) {
      return;
    }
    String[][] pairs = {
      {"vertx-adapter", "raw-webclient"}, {"vertx-adapter", "raw-jdk"}, {"vertx-adapter", "wrk"},
      {"quarkus-adapter", "raw-rest-client"}, {"quarkus-adapter", "raw-vertx4"}, {"raw-rest-client", "raw-vertx4"},
      {"quarkus-adapter", "raw-jdk"}, {"quarkus-adapter", "wrk"}, {"raw-webclient", "wrk"}, {"raw-jdk", "wrk"}
    };
    md.append("### Throughput ratios (conversation detail)\n\n| ratio |");
    cs.forEach(c -> md.append(" c=").append(c).append(" |"));
    md.append("\n|---|");
    cs.forEach(c -> md.append("---:|"));
    md.append('\n');
    for (String[] pair : pairs) {
      md.append("| ").append(pair[0]).append(" / ").append(pair[1]).append(" |");
      for (int c : cs) {
        Optional<Summary> ratio = ratio(pair[0], pair[1], c, Measurement::requestsPerSecond);
        md.append(' ').append(ratio.map(r -> format(r, 2)).orElse("n/a")).append(" |");
      }
      md.append('\n');
    }
    md.append("\n### Allocation ratios (conversation detail, bytes per call)\n\n| ratio |");
    cs.forEach(c -> md.append(" c=").append(c).append(" |"));
    md.append("\n|---|");
    cs.forEach(c -> md.append("---:|"));
    md.append('\n');
    String[][] allocationPairs = {
      {"vertx-adapter", "raw-webclient"}, {"quarkus-adapter", "raw-rest-client"}, {"quarkus-adapter", "raw-vertx4"},
      {"quarkus-adapter", "raw-jdk"}, {"raw-webclient", "raw-jdk"}
    };
    for (String[] pair : allocationPairs) {
      md.append("| ").append(pair[0]).append(" / ").append(pair[1]).append(" |");
      for (int c : cs) {
        md.append(' ')
            .append(ratio(pair[0], pair[1], c, Measurement::allocatedBytesPerCall).map(r -> format(r, 2)).orElse("n/a"))
            .append(" |");
      }
      md.append('\n');
    }
    md.append("\n### CPU ratios (conversation detail, CPU time of the client's JVM per call)\n\n| ratio |");
    cs.forEach(c -> md.append(" c=").append(c).append(" |"));
    md.append("\n|---|");
    cs.forEach(c -> md.append("---:|"));
    md.append('\n');
    for (String[] pair : new String[][] {{"vertx-adapter", "raw-webclient"}, {"quarkus-adapter", "raw-rest-client"}, {"quarkus-adapter", "raw-vertx4"}, {"quarkus-adapter", "raw-jdk"}, {"raw-webclient", "raw-jdk"}}) {
      md.append("| ").append(pair[0]).append(" / ").append(pair[1]).append(" |");
      for (int c : cs) {
        Optional<Summary> a = cpu(cell(pair[0], MAIN, c));
        Optional<Summary> b = cpu(cell(pair[1], MAIN, c));
        md.append(' ').append(a.isPresent() && b.isPresent() ? format(a.get().over(b.get()), 2) : "n/a").append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
    for (int c : cs) {
      throughputTarget("vertx-adapter", "raw-webclient", 0.95, c);
      allocationTarget("vertx-adapter", "raw-webclient", 1.05, c);
      throughputTarget("quarkus-adapter", "raw-rest-client", 0.95, c);
    }
    throughputTarget("vertx-adapter", "raw-jdk", 1.0, TARGET_CONCURRENCY);
    throughputTarget("vertx-adapter", "wrk", 0.8, TARGET_CONCURRENCY);
    throughputTarget("quarkus-adapter", "raw-jdk", 0.9, TARGET_CONCURRENCY);
    allocationTarget("quarkus-adapter", "raw-jdk", 1.2, TARGET_CONCURRENCY);
  }

  /** The CPU time per call of a cell, when its windows measured it. */
  private static Optional<Summary> cpu(List<Measurement> cell) {
    List<Measurement> measured = cell.stream().filter(m -> m.cpuMicrosPerCall() > 0).collect(Collectors.toList());
    return measured.isEmpty() ? Optional.empty() : Optional.of(summary(measured, Measurement::cpuMicrosPerCall));
  }

  private void throughputTarget(String client, String baseline, double atLeast, int c) {
    String name = client + " \u2265 " + atLeast + "\u00d7 " + baseline + " (requests/s, c=" + c + ")";
    Optional<Summary> ratio = ratio(client, baseline, c, Measurement::requestsPerSecond);
    if (ratio.isEmpty()) {
      targets.add(new String[] {name, "not measured", "one of the two clients has no result at c=" + c});
      return;
    }
    Summary a = summary(cell(client, MAIN, c), Measurement::requestsPerSecond);
    Summary b = summary(cell(baseline, MAIN, c), Measurement::requestsPerSecond);
    boolean met = ratio.get().mean() >= atLeast;
    targets.add(new String[] {
      name,
      (met ? "met" : "missed") + " (" + format(ratio.get(), 2) + ")",
      client + " " + format(a, 0) + " vs " + baseline + " " + format(b, 0) + " requests/s"
    });
  }

  private void allocationTarget(String client, String baseline, double atMost, int c) {
    String name = client + " \u2264 " + atMost + "\u00d7 " + baseline + " (allocated bytes per call, c=" + c + ")";
    Optional<Summary> ratio = ratio(client, baseline, c, Measurement::allocatedBytesPerCall);
    if (ratio.isEmpty()) {
      targets.add(new String[] {name, "not measured", "one of the two clients has no result at c=" + c});
      return;
    }
    Summary a = summary(cell(client, MAIN, c), Measurement::allocatedBytesPerCall);
    Summary b = summary(cell(baseline, MAIN, c), Measurement::allocatedBytesPerCall);
    boolean met = ratio.get().mean() <= atMost;
    targets.add(new String[] {
      name,
      (met ? "met" : "missed") + " (" + format(ratio.get(), 2) + ")",
      client + " " + format(a, 0) + " vs " + baseline + " " + format(b, 0) + " B/call"
    });
  }

  private void decoding() throws IOException {
    Path file = results.resolve("jmh.json");
    if (!Files.exists(file)) {
      return;
    }
    JsonNode runs = new ObjectMapper().readTree(file.toFile());
    md.append("## Decoding (JMH)\n\n")
        .append("A conversation document of *n* interactions (`Fixtures.conversation(n)`), from bytes: ")
        .append("`wire` = `NebulyCodec.conversation` (wire's own field readers, then the mapping to the domain); ")
        .append("`plainRecords` = a default `ObjectMapper` into plain records (`PlainConversation`), the baseline; ")
        .append("`tree` = `readTree`. Time: mean \u00b1 JMH's 99.9 % error, and the median and the fastest of the ")
        .append("measured iterations (this machine's memory-bound speed swings from one second to the next, see *Analysis*; ")
        .append("the ratios use the medians). Allocation: `-prof gc` (`gc.alloc.rate.norm`), which does not swing.\n\n")
        .append("| benchmark | n | time/op (mean) | median | fastest | allocated/op | time vs plainRecords (median) | allocation vs plainRecords |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    Map<String, Map<String, Decode>> bySize = new LinkedHashMap<>();
    for (JsonNode run : runs) {
      String benchmark = run.path("benchmark").asText();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String size = run.path("params").path("interactions").asText("?");
      JsonNode primary = run.path("primaryMetric");
      List<Double> iterations = new ArrayList<>();
      for (JsonNode fork : primary.path("rawData")) {
        fork.forEach(value -> iterations.add(value.asDouble()));
      }
      iterations.sort(null);
      double median = iterations.isEmpty() ? primary.path("score").asDouble() : median(iterations);
      double fastest = iterations.isEmpty() ? median : iterations.get(0);
      Summary allocation = null;
      for (Map.Entry<String, JsonNode> metric : run.path("secondaryMetrics").properties()) {
        if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
          allocation = new Summary(metric.getValue().path("score").asDouble(), finite(metric.getValue().path("scoreError").asDouble()), 1);
        }
      }
      bySize.computeIfAbsent(size, k -> new LinkedHashMap<>())
          .put(method, new Decode(
              new Summary(primary.path("score").asDouble(), finite(primary.path("scoreError").asDouble()), 1),
              median, fastest, allocation, primary.path("scoreUnit").asText()));
    }
    for (Map.Entry<String, Map<String, Decode>> size : bySize.entrySet()) {
      Decode plain = size.getValue().get("plainRecords");
      for (Map.Entry<String, Decode> entry : size.getValue().entrySet()) {
        Decode d = entry.getValue();
        md.append("| ").append(entry.getKey()).append(" | ").append(size.getKey()).append(" | ")
            .append(format(d.time(), 1)).append(' ').append(d.unit()).append(" | ")
            .append(String.format(Locale.ROOT, "%,.1f", d.median())).append(" | ")
            .append(String.format(Locale.ROOT, "%,.1f", d.fastest())).append(" | ")
            .append(d.allocation() == null ? "n/a" : format(d.allocation(), 0) + " B").append(" | ")
            .append(plain == null ? "n/a" : String.format(Locale.ROOT, "%.2f", d.median() / plain.median())).append(" | ")
            .append(plain == null || d.allocation() == null || plain.allocation() == null
                ? "n/a" : format(d.allocation().over(plain.allocation()), 2))
            .append(" |\n");
      }
      Decode wire = size.getValue().get("wire");
      if (size.getKey().equals("10000") && wire != null && plain != null) {
        double ratio = wire.median() / plain.median();
        targets.add(new String[] {
          "decode of 10,000 interactions (wire) \u2264 1.2\u00d7 plain record binding (median time/op)",
          (ratio <= 1.2 ? "met" : "missed") + String.format(Locale.ROOT, " (%.2f; fastest iterations: %.2f)",
              ratio, wire.fastest() / plain.fastest()),
          String.format(Locale.ROOT, "wire median %,.0f vs plainRecords median %,.0f %s", wire.median(), plain.median(), wire.unit())
        });
      }
    }
    md.append('\n');
  }

  /** One JMH result: mean with its error, the median and fastest iteration, bytes per operation. */
  private record Decode(Summary time, double median, double fastest, Summary allocation, String unit) {}

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private void targetsSection() {
    md.append("## Targets (reported, never asserted)\n\n| target | result (ratio \u00b1 error) | figures |\n|---|---|---|\n");
    for (String[] target : targets) {
      md.append("| ").append(target[0]).append(" | ").append(target[1].startsWith("met") ? "**" + target[1] + "**" : target[1])
          .append(" | ").append(target[2]).append(" |\n");
    }
    md.append("\nThe reasons for each miss, and what is ours and what is not, are under *Analysis* below.\n\n");
  }

  private void profiles() throws IOException {
    List<Path> recordings;
    try (Stream<Path> files = Files.list(results)) {
      recordings = files.filter(p -> p.getFileName().toString().matches("profile-.*\\.jfr")).sorted().collect(Collectors.toList());
    }
    if (recordings.isEmpty()) {
      return;
    }
    md.append("## Profiles (JFR, conversation detail at c=").append(TARGET_CONCURRENCY).append(")\n\n")
        .append("One extra run per client under `-XX:StartFlightRecording` (settings=profile). CPU: share of execution samples; ")
        .append("allocation: share of the bytes JFR's allocation samples stand for, by the first frame outside the JDK.\n\n");
    for (Path recording : recordings) {
      String client = recording.getFileName().toString().replaceAll("^profile-|\\.jfr$", "");
      HotFrames hot = HotFrames.read(recording, 12);
      md.append("### ").append(client).append("\n\n").append(hot.cpuSamples()).append(" CPU samples.\n\n");
      table("top frame's layer", hot.layers(), hot.cpuSamples(), "samples");
      table("top frame (self time)", hot.selfFrames(), hot.cpuSamples(), "samples");
      table("nebuly4j method anywhere on the stack (inclusive time)", hot.oursInclusive(), hot.cpuSamples(), "samples");
      table("allocation site", hot.allocationSites(), hot.allocationBytes(), "bytes");
      table("nebuly4j method anywhere on the stack (inclusive allocation)", hot.oursAllocation(), hot.allocationBytes(), "bytes");
    }
  }

  private void table(String title, Map<String, Long> counts, long total, String unit) {
    if (counts.isEmpty() || total == 0) {
      md.append("*").append(title).append(": none*\n\n");
      return;
    }
    md.append("| ").append(title).append(" | share of ").append(unit).append(" |\n|---|---:|\n");
    counts.forEach((name, count) -> md.append("| `").append(name).append("` | ")
        .append(String.format(Locale.ROOT, "%.1f %%", 100.0 * count / total)).append(" |\n"));
    md.append('\n');
  }

  /**
   * Keeps the sections that other scripts write into the same file between their own markers (such
   * as {@code bench/stability.sh}'s), as they were: this report rewrites only what it measured.
   */
  private void keptSections(Path markdown) throws IOException {
    if (!Files.exists(markdown)) {
      return;
    }
    String previous = Files.readString(markdown, StandardCharsets.UTF_8);
    Matcher kept = KEPT_SECTION.matcher(previous);
    while (kept.find()) {
      md.append('\n').append(kept.group()).append('\n');
    }
  }

  private void analysis(Path markdown) throws IOException {
    Path notes = markdown.resolveSibling("ANALYSIS.md");
    md.append("## Analysis\n\n");
    if (Files.exists(notes)) {
      md.append("From `bench/ANALYSIS.md` (written by hand after profiling; its figures are from the run it names):\n\n")
          .append(Files.readString(notes, StandardCharsets.UTF_8).strip()).append('\n');
    } else {
      md.append("No `bench/ANALYSIS.md` yet.\n");
    }
  }

  private Optional<Summary> ratio(String client, String baseline, int c, ToDoubleFunction<Measurement> metric) {
    List<Measurement> a = cell(client, MAIN, c);
    List<Measurement> b = cell(baseline, MAIN, c);
    a.removeIf(m -> metric.applyAsDouble(m) < 0);
    b.removeIf(m -> metric.applyAsDouble(m) < 0);
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(summary(a, metric).over(summary(b, metric)));
  }

  private List<Measurement> cell(String client, String workload, int c) {
    return load.stream()
        .filter(m -> m.client().equals(client) && m.workload().equals(workload) && m.concurrency() == c)
        .collect(Collectors.toList());
  }

  private static Summary summary(List<Measurement> cell, ToDoubleFunction<Measurement> metric) {
    return Summary.of(cell.stream().map(m -> metric.applyAsDouble(m)).collect(Collectors.toList()));
  }

  private static List<String> clients(List<Measurement> rows) {
    List<String> clients = new ArrayList<>();
    ORDER.stream().filter(c -> rows.stream().anyMatch(m -> m.client().equals(c))).forEach(clients::add);
    rows.stream().map(Measurement::client).distinct().filter(c -> !clients.contains(c)).forEach(clients::add);
    return clients;
  }

  private static List<String> workloads(List<Measurement> rows) {
    return rows.stream().map(Measurement::workload).distinct().collect(Collectors.toList());
  }

  private static TreeSet<Integer> concurrencies(List<Measurement> rows, String workload) {
    return rows.stream()
        .filter(m -> workload == null || m.workload().equals(workload))
        .map(Measurement::concurrency)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static double finite(double value) {
    return Double.isFinite(value) ? value : 0;
  }

  private static String format(Summary s, int decimals) {
    String pattern = "%,." + decimals + "f";
    return String.format(Locale.ROOT, pattern, s.mean())
        + (s.stdev() > 0 ? " \u00b1 " + String.format(Locale.ROOT, pattern, s.stdev()) : "");
  }
}
