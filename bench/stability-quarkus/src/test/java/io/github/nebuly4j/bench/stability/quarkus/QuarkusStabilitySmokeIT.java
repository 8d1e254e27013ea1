package io.github.nebuly4j.bench.stability.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.bench.stability.LauncherProcess;
import io.github.nebuly4j.bench.stability.SmokeRuns;
import io.github.nebuly4j.bench.stability.Stability;
import java.nio.file.Path;
import java.time.Duration;
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
    assertPassed(launch(SmokeRuns.SOAK, directory));
  }

  @Test
  @Disabled("adapter-quarkus fails the storm now and then: a call cancelled while it waits for a connection is still sent"
      + " once one frees (1.6 to 1.9 s after the cancellation), and a call not cancelled is now and then sent twice (its"
      + " first attempt fails), as if a cancellation reset the connection another call was using; adapter-vertx passes."
      + " Enable again once adapter-quarkus never sends a cancelled request; bench/RESULTS.md (Stability) has the full run")
  void cancellationStorm(@TempDir Path directory) {
    assertPassed(launch(SmokeRuns.STORM, directory));
  }

  @Test
  void overload(@TempDir Path directory) {
    assertPassed(launch(SmokeRuns.OVERLOAD, directory));
  }

  @Test
  @Disabled("adapter-quarkus runs out of a 64 MiB heap here, which adapter-vertx does not at 32 MiB: at 4 calls in flight"
      + " with a 2 MiB bound it needs 64 MiB for sized bodies past the bound and 96 MiB for error pages past it, so it"
      + " holds a body several times over. Enable again once adapter-quarkus keeps one bounded copy; bench/RESULTS.md"
      + " (Stability) has the full run")
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
