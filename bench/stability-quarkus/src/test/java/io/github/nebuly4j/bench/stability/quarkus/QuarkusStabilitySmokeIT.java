package io.github.nebuly4j.bench.stability.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.bench.stability.LauncherProcess;
import io.github.nebuly4j.bench.stability.SmokeRuns;
import io.github.nebuly4j.bench.stability.Stability;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke runs of the Quarkus extension: each of the four runs, a few hundred calls, in the
 * packaged app in a JVM of its own, against the fake server in another. Each must pass every check,
 * and the API key must show nowhere in what the process wrote. Asserts nothing about speed.
 */
class QuarkusStabilitySmokeIT {

  @Test
  void soak(@TempDir Path directory) {
    assertPassed(launch(SmokeRuns.SOAK, directory));
  }

  @Test
  void cancellationStorm(@TempDir Path directory) {
    assertPassed(launch(SmokeRuns.STORM, directory));
  }

  @Test
  void overload(@TempDir Path directory) {
    assertPassed(launch(SmokeRuns.OVERLOAD, directory));
  }

  @Test
  void hostileBodiesInASmallHeap(@TempDir Path directory) {
    assertPassed(launch(SmokeRuns.HOSTILE, directory));
  }

  private static LauncherProcess.Result launch(SmokeRuns.Run run, Path directory) {
    List<String> app = List.of("-jar", System.getProperty("nebuly4j.stabilityApp"));
    return LauncherProcess.run(LauncherProcess.javaCommand(run.jvmOptions(), app, run.args()), directory, Duration.ofMinutes(5));
  }

  private static void assertPassed(LauncherProcess.Result result) {
    assertThat(result.problems(Stability.DEFAULT_API_KEY)).as(result.report()).isEmpty();
  }
}
