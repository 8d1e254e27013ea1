package io.github.nebuly4j.bench.stability;

import java.util.List;

/**
 * The smoke size of each run, a few hundred calls with short timeouts, which every launcher's
 * tests run in {@code ./mvnw verify}: enough to meet every scenario, far too little to measure.
 */
public final class SmokeRuns {
  /** The soak: two phases, half the calls faulted, so that every scenario comes up. */
  public static final Run SOAK =
      new Run("soak", List.of(),
          List.of("--run", "soak", "--calls", "300", "--concurrency", "16,64", "--batch", "300", "--fault-share", "0.5",
              "--attempt-timeout", "1s", "--connect-timeout", "1s"));

  /** The storm: one batch above a pool of 16. */
  public static final Run STORM =
      new Run("storm", List.of(), List.of("--run", "storm", "--calls", "400", "--batch", "400", "--concurrency", "64"));

  /** The overload: a burst of 500 on a pool of 16, with a short connect timeout. */
  public static final Run OVERLOAD =
      new Run("overload", List.of(), List.of("--run", "overload", "--calls", "500", "--bursts", "1", "--connect-timeout", "500ms"));

  /**
   * The hostile bodies: sized ones of 16 MiB against a bound of 2 MiB, in a heap a body past the
   * bound would overflow, which an overflow ends.
   */
  public static final Run HOSTILE =
      new Run("hostile bodies", List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"),
          List.of("--run", "hostile", "--calls", "40", "--concurrency", "4", "--huge-body", "16777216"));

  /** Every run at smoke size. */
  public static final List<Run> ALL = List.of(SOAK, STORM, OVERLOAD, HOSTILE);

  /**
   * One run at smoke size.
   *
   * @param name the run's name
   * @param jvmOptions options of its JVM
   * @param args its command line
   */
  public record Run(String name, List<String> jvmOptions, List<String> args) {
    /** Names the run, as a parameterized test shows it. */
    @Override
    public String toString() {
      return name;
    }
  }

  private SmokeRuns() {}
}
