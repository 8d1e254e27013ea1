package io.github.nebuly4j.bench.stability;

import io.github.nebuly4j.bench.load.LatencyHistogram;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run found, printed as Markdown: its settings, a table per phase (calls, throughput, p50
 * and p99), the outcomes by type (expected and observed), the scenarios, the resources at each
 * checkpoint, and every check with its verdict. A run passes when every check does.
 */
final class RunReport {
  /** How many examples of a failed check the report quotes. */
  static final int EXAMPLES = 5;

  private final String run;
  private final String adapter;
  private final List<String> settings = new ArrayList<>();
  private final List<String[]> phases = new ArrayList<>();
  private final Map<String, long[]> outcomes = new TreeMap<>();
  private final Map<String, long[]> scenarios = new LinkedHashMap<>();
  private final List<ResourceSnapshot> snapshots = new ArrayList<>();
  private final List<Check> checks = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /**
   * One verdict.
   *
   * @param name what is checked
   * @param passed whether it held
   * @param detail the figures behind it, and examples when it failed
   */
  record Check(String name, boolean passed, String detail) {}

  RunReport(String run, String adapter) {
    this.run = run;
    this.adapter = adapter;
  }

  void setting(String line) {
    settings.add(line);
  }

  void note(String line) {
    notes.add(line);
  }

  void phase(String name, long calls, int concurrency, Duration wall, LatencyHistogram latencies) {
    double seconds = Math.max(1e-9, wall.toNanos() / 1e9);
    phases.add(
        new String[] {
          name,
          String.format(Locale.ROOT, "%,d", calls),
          Integer.toString(concurrency),
          String.format(Locale.ROOT, "%.1f", seconds),
          String.format(Locale.ROOT, "%,.0f", calls / seconds),
          millis(latencies.percentileNanos(50)),
          millis(latencies.percentileNanos(99)),
          millis(latencies.percentileNanos(100))
        });
  }

  /** Counts one call: what it should have ended as and what it did. */
  void outcome(String expected, String observed) {
    synchronized (outcomes) {
      outcomes.computeIfAbsent(expected, key -> new long[2])[0]++;
      outcomes.computeIfAbsent(observed, key -> new long[2])[1]++;
    }
  }

  /** Counts one call of a scenario: whether it ended as planned, whether its requests were as implied. */
  void scenario(String name, boolean asPlanned, boolean requestsAsImplied) {
    synchronized (scenarios) {
      long[] counts = scenarios.computeIfAbsent(name, key -> new long[3]);
      counts[0]++;
      counts[1] += asPlanned ? 1 : 0;
      counts[2] += requestsAsImplied ? 1 : 0;
    }
  }

  void snapshot(ResourceSnapshot snapshot) {
    snapshots.add(snapshot);
  }

  void check(String name, boolean passed, String detail) {
    checks.add(new Check(name, passed, detail));
  }

  List<Check> checks() {
    return List.copyOf(checks);
  }

  boolean passed() {
    return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
  }

  /** The report as Markdown, headed by the run and the adapter. */
  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("### ").append(run).append(": ").append(adapter).append(" — ")
        .append(passed() ? "PASS" : "FAIL").append("\n\n");
    settings.forEach(line -> md.append("- ").append(line).append('\n'));
    md.append('\n');
    if (!phases.isEmpty()) {
      md.append("| phase | calls | concurrency | seconds | calls/s | p50 ms | p99 ms | max ms |\n")
          .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
      phases.forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
      md.append('\n');
    }
    if (!outcomes.isEmpty()) {
      md.append("| outcome | expected | observed |\n|---|---:|---:|\n");
      outcomes.forEach(
          (label, counts) ->
              md.append("| ").append(label).append(" | ").append(count(counts[0]))
                  .append(" | ").append(count(counts[1])).append(" |\n"));
      md.append('\n');
    }
    if (!scenarios.isEmpty()) {
      md.append("| scenario | calls | outcome as planned | requests as the policy implies |\n|---|---:|---:|---:|\n");
      scenarios.forEach(
          (name, counts) ->
              md.append("| ").append(name).append(" | ").append(count(counts[0]))
                  .append(" | ").append(count(counts[1])).append(" | ").append(count(counts[2])).append(" |\n"));
      md.append('\n');
    }
    if (!snapshots.isEmpty()) {
      md.append("| checkpoint | threads | sockets | other descriptors | files | established | CLOSE_WAIT | heap after GC MiB | RSS MiB | peak RSS MiB |\n")
          .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (ResourceSnapshot s : snapshots) {
        md.append("| ").append(s.label()).append(" | ").append(s.threads().size()).append(" | ")
            .append(s.sockets()).append(" | ").append(s.otherDescriptors()).append(" | ")
            .append(s.files()).append(" | ").append(s.established()).append(" | ")
            .append(s.closeWait()).append(" | ").append(s.heapAfterGc() < 0 ? "-" : mebibytes(s.heapAfterGc()))
            .append(" | ").append(mebibytes(s.rss())).append(" | ").append(mebibytes(s.peakRss())).append(" |\n");
      }
      md.append('\n');
    }
    md.append("| check | result | detail |\n|---|---|---|\n");
    for (Check check : checks) {
      md.append("| ").append(check.name()).append(" | ").append(check.passed() ? "pass" : "**FAIL**")
          .append(" | ").append(check.detail().replace("|", "\\|").replace("\n", " ")).append(" |\n");
    }
    md.append('\n');
    notes.forEach(line -> md.append(line).append("\n\n"));
    return md.toString();
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
  }
}
