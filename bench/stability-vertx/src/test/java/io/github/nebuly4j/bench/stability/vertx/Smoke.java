package io.github.nebuly4j.bench.stability.vertx;

import io.github.nebuly4j.bench.stability.LauncherProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** How this module's tests start the Vert.x launcher in a JVM of its own, and the short runs of the broken adapters. */
final class Smoke {
  /** A short soak: one phase, every call in flight at once, so that a hang costs one bound. */
  static final List<String> SHORT_SOAK =
      List.of("--run", "soak", "--calls", "60", "--concurrency", "64", "--fault-share", "0.5",
          "--attempt-timeout", "500ms", "--connect-timeout", "500ms");
  static final List<String> SHORT_STORM =
      List.of("--run", "storm", "--calls", "200", "--batch", "200", "--concurrency", "64");
  static final List<String> SHORT_OVERLOAD =
      List.of("--run", "overload", "--calls", "300", "--bursts", "1", "--connect-timeout", "500ms");

  private Smoke() {}

  /** Runs {@code mainClass} with the run's arguments (and {@code before} them) in a JVM of its own. */
  static LauncherProcess.Result run(Path directory, List<String> jvmOptions, String mainClass, List<String> before, List<String> run) {
    List<String> args = new ArrayList<>(before);
    args.addAll(run);
    return LauncherProcess.run(
        LauncherProcess.javaCommand(jvmOptions, LauncherProcess.onThisClassPath(mainClass), args), directory, Duration.ofMinutes(5));
  }
}
