package io.github.nebuly4j.bench.stability.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.bench.stability.LauncherProcess;
import io.github.nebuly4j.bench.stability.Stability;
import io.github.nebuly4j.bench.stability.vertx.BrokenVertxStabilityMain.Breakage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Shows that the smoke runs catch a broken adapter: the Vert.x adapter's ports, each broken in one
 * way an adapter could be, make the run fail, on the check meant to catch that breakage.
 */
class BrokenAdapterSmokeTest {
  static final List<Arguments> BREAKAGES =
      List.of(
          Arguments.of(Breakage.SWALLOWS_FAILURES, Smoke.SHORT_SOAK, "each outcome is the one the injected fault should produce", "expected"),
          Arguments.of(Breakage.DROPS_FAILURES, Smoke.SHORT_SOAK, "every call completes within the policy's bound", "hung"),
          Arguments.of(Breakage.IGNORES_CANCELLATION, Smoke.SHORT_STORM, "cancelling a call aborts its request", "still open"),
          Arguments.of(Breakage.LEAKS_CLIENTS, Smoke.SHORT_OVERLOAD, "after NebulyVertxClient.close(): nothing leaked", "still established"),
          Arguments.of(Breakage.WARNS_ON_CANCELLATION, Smoke.SHORT_STORM, "no log line at WARN or above", "Stream reset: 0"));

  @ParameterizedTest(name = "{0}")
  @FieldSource("BREAKAGES")
  void failsTheRunOnTheCheckMeantForIt(Breakage breakage, List<String> run, String check, String detail, @TempDir Path directory) {
    LauncherProcess.Result result =
        Smoke.run(directory, List.of(), BrokenVertxStabilityMain.class.getName(), List.of(breakage.name()), run);

    assertThat(result.exitStatus()).as(result.report()).isEqualTo(Stability.FAILED);
    assertThat(result.failedChecks()).as(result.report()).anySatisfy(row -> assertThat(row).contains(check, detail));
  }
}
