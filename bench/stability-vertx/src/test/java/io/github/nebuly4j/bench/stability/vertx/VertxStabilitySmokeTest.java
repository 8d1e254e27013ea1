package io.github.nebuly4j.bench.stability.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.bench.stability.LauncherProcess;
import io.github.nebuly4j.bench.stability.SmokeRuns;
import io.github.nebuly4j.bench.stability.Stability;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The smoke runs of adapter-vertx: each of the four runs, a few hundred calls, in a JVM of its own
 * against the fake server in another. Each must pass every check, and the API key must show
 * nowhere in what the process wrote. Asserts nothing about speed.
 */
class VertxStabilitySmokeTest {
  @ParameterizedTest(name = "{0}")
  @FieldSource("io.github.nebuly4j.bench.stability.SmokeRuns#ALL")
  void passes(SmokeRuns.Run run, @TempDir Path directory) {
    LauncherProcess.Result result = Smoke.run(directory, run.jvmOptions(), VertxStabilityMain.class.getName(), List.of(), run.args());

    assertThat(result.problems(Stability.DEFAULT_API_KEY)).as(result.report()).isEmpty();
  }

  @Test
  void aBadCommandLineIsAUsageError(@TempDir Path directory) {
    LauncherProcess.Result result =
        Smoke.run(directory, List.of(), VertxStabilityMain.class.getName(), List.of(), List.of("--run", "marathon"));

    assertThat(result.exitStatus()).isEqualTo(Stability.USAGE_ERROR);
    assertThat(result.outputText()).contains("--run must be soak, storm, overload or hostile", "Usage:");
  }
}
