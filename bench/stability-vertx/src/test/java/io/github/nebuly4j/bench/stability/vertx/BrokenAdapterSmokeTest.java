package io.github.nebuly4j.bench.stability.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.bench.stability.LauncherProcess;
import io.github.nebuly4j.bench.stability.Stability;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows that the smoke runs catch a broken adapter: the Vert.x adapter's ports, each broken in one
 * way an adapter could be, make the run fail, on the check meant to catch that breakage.
 */
class BrokenAdapterSmokeTest {

  @Test
  void aSwallowedFailureIsAnOutcomeOtherThanTheFaultShouldProduce(@TempDir Path directory) {
    LauncherProcess.Result result = run(directory, BrokenVertxStabilityMain.Breakage.SWALLOWS_FAILURES, Smoke.SHORT_SOAK);

    assertFailedOn(result, "each outcome is the one the injected fault should produce");
  }

  @Test
  void aCallThatNeverCompletesIsAHang(@TempDir Path directory) {
    LauncherProcess.Result result = run(directory, BrokenVertxStabilityMain.Breakage.DROPS_FAILURES, Smoke.SHORT_SOAK);

    assertFailedOn(result, "every call completes within the policy's bound");
  }

  @Test
  void aCancellationThatDoesNotReachTheRequestLetsItGoOn(@TempDir Path directory) {
    LauncherProcess.Result result = run(directory, BrokenVertxStabilityMain.Breakage.IGNORES_CANCELLATION, Smoke.SHORT_STORM);

    assertFailedOn(result, "no request reaches the server after its call was cancelled");
  }

  @Test
  void aClientNobodyClosesLeavesItsConnections(@TempDir Path directory) {
    LauncherProcess.Result result = run(directory, BrokenVertxStabilityMain.Breakage.LEAKS_CLIENTS, Smoke.SHORT_OVERLOAD);

    assertFailedOn(result, "after NebulyVertxClient.close(): nothing leaked");
    assertThat(String.join("\n", result.failedChecks())).contains("still established");
  }

  @Test
  void aWarningLoggedOnCancellationIsCaught(@TempDir Path directory) {
    LauncherProcess.Result result = run(directory, BrokenVertxStabilityMain.Breakage.WARNS_ON_CANCELLATION, Smoke.SHORT_STORM);

    assertFailedOn(result, "no log line at WARN or above");
    assertThat(String.join("\n", result.failedChecks())).contains("Stream reset: 0");
  }

  private static LauncherProcess.Result run(Path directory, BrokenVertxStabilityMain.Breakage breakage, List<String> run) {
    return Smoke.run(directory, List.of(), BrokenVertxStabilityMain.class.getName(), List.of(breakage.name()), run);
  }

  private static void assertFailedOn(LauncherProcess.Result result, String check) {
    assertThat(result.exitStatus()).as(result.report()).isEqualTo(Stability.FAILED);
    assertThat(result.failedChecks()).as(result.report()).anySatisfy(row -> assertThat(row).contains(check));
  }
}
