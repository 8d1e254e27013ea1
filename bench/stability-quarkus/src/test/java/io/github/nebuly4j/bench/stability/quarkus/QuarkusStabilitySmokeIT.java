package io.github.nebuly4j.bench.stability.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.bench.stability.LauncherProcess;
import io.github.nebuly4j.bench.stability.SmokeRuns;
import io.github.nebuly4j.bench.stability.Stability;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Disabled;
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
  @Disabled("adapter-quarkus runs out of a 64 MiB heap here, which adapter-vertx does not at 32 MiB: at 4 calls in flight"
      + " with a 2 MiB bound it needs 64 MiB for sized bodies past the bound and 96 MiB for error pages past it, so it"
      + " holds a body several times over. Enable again once adapter-quarkus keeps one bounded copy; bench/RESULTS.md"
      + " (Stability) has the full run")
  void hostileBodiesInASmallHeap(@TempDir Path directory) {
    assertPassed(run(directory, SmokeRuns.SMALL_HEAP, SmokeRuns.HOSTILE));
  }

  private static LauncherProcess.Result run(Path directory, List<String> jvmOptions, List<String> run) {
    List<String> app = new ArrayList<>(List.of("-jar", System.getProperty("nebuly4j.stabilityApp")));
    return LauncherProcess.run(LauncherProcess.javaCommand(jvmOptions, app, run), directory, Duration.ofMinutes(5));
  }

  private static void assertPassed(LauncherProcess.Result result) {
    assertThat(result.problems(Stability.DEFAULT_API_KEY)).as(result.report()).isEmpty();
  }
}
