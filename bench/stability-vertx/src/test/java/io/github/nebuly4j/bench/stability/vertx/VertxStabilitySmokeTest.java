package io.github.nebuly4j.bench.stability.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.bench.stability.LauncherProcess;
import io.github.nebuly4j.bench.stability.SmokeRuns;
import io.github.nebuly4j.bench.stability.Stability;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke runs of adapter-vertx: each of the four runs, a few hundred calls, in a JVM of its own
 * against the fake server in another. Each must pass every check, and the API key must show
 * nowhere in what the process wrote. Asserts nothing about speed.
 */
class VertxStabilitySmokeTest {

  @Test
  void soak(@TempDir Path directory) {
    assertPassed(run(directory, List.of(), SmokeRuns.SOAK));
  }

  @Test
  void cancellationStorm(@TempDir Path directory) {
    assertPassed(run(directory, List.of(), SmokeRuns.STORM));
  }

  @Test
  void overload(@TempDir Path directory) {
    assertPassed(run(directory, List.of(), SmokeRuns.OVERLOAD));
  }

  @Test
  void hostileBodiesInASmallHeap(@TempDir Path directory) {
    assertPassed(run(directory, SmokeRuns.SMALL_HEAP, SmokeRuns.HOSTILE));
  }

  @Test
  void aBadCommandLineIsAUsageError(@TempDir Path directory) {
    LauncherProcess.Result result = run(directory, List.of(), List.of("--run", "marathon"));

    assertThat(result.exitStatus()).isEqualTo(Stability.USAGE_ERROR);
    assertThat(result.outputText()).contains("--run must be soak, storm, overload or hostile", "Usage:");
  }

  private static LauncherProcess.Result run(Path directory, List<String> jvmOptions, List<String> run) {
    return Smoke.run(directory, jvmOptions, VertxStabilityMain.class.getName(), List.of(), run);
  }

  private static void assertPassed(LauncherProcess.Result result) {
    assertThat(result.problems(Stability.DEFAULT_API_KEY)).as(result.report()).isEmpty();
  }
}
