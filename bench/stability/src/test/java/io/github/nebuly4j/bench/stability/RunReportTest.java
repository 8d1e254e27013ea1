package io.github.nebuly4j.bench.stability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.bench.load.LatencyHistogram;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReportTest {

  @Test
  void passesOnlyWhenEveryCheckPasses() {
    RunReport report = new RunReport("soak", "an-adapter");
    assertThat(report.passed()).as("a report without checks").isFalse();

    report.check("first", true, "fine");
    assertThat(report.passed()).isTrue();
    report.check("second", false, "a | b\nc");
    assertThat(report.passed()).isFalse();
    assertThat(report.markdown())
        .startsWith("### soak: an-adapter — FAIL")
        .contains("| second | **FAIL** | a \\| b c |", "| first | pass | fine |");
  }

  @Test
  void tablesTheOutcomesExpectedAndObserved() {
    RunReport report = new RunReport("storm", "x");
    report.outcome("success", "success");
    report.outcome("success", "Timeout(ANSWER)");
    report.scenario("normal", true, true);
    report.scenario("normal", false, true);
    LatencyHistogram latencies = new LatencyHistogram();
    latencies.record(2_000_000);
    report.phase("storm", 2, 8, Duration.ofSeconds(1), latencies);
    report.check("c", true, "d");

    assertThat(report.markdown().lines().toList())
        .contains("| Timeout(ANSWER) | 0 | 1 |", "| success | 2 | 1 |", "| normal | 2 | 1 | 2 |")
        .anySatisfy(line -> assertThat(line).startsWith("| storm | 2 | 8 | 1.0 | 2 |"));
    assertThat(List.of(report.markdown())).noneMatch(text -> text.contains("FAIL"));
  }
}
