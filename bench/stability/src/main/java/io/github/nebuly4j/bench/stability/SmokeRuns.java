package io.github.nebuly4j.bench.stability;

import java.util.List;

/**
 * The smoke size of each run, a few hundred calls with short timeouts, which every launcher's
 * tests run in {@code ./mvnw verify}: enough to meet every scenario, far too little to measure.
 */
public final class SmokeRuns {
  /** The soak: two phases, half the calls faulted, so that every scenario comes up. */
  public static final List<String> SOAK =
      List.of("--run", "soak", "--calls", "300", "--concurrency", "16,64", "--batch", "300", "--fault-share", "0.5",
          "--attempt-timeout", "1s", "--connect-timeout", "1s");

  /** The storm: one batch above a pool of 16. */
  public static final List<String> STORM =
      List.of("--run", "storm", "--calls", "400", "--batch", "400", "--concurrency", "64", "--attempt-timeout", "1s");

  /** The overload: two bursts of 500 on a pool of 16, with a short connect timeout. */
  public static final List<String> OVERLOAD =
      List.of("--run", "overload", "--calls", "500", "--bursts", "2", "--connect-timeout", "500ms");

  /** The hostile bodies: sized ones of 16 MiB against a bound of 2 MiB; run it in {@link #SMALL_HEAP}. */
  public static final List<String> HOSTILE =
      List.of("--run", "hostile", "--calls", "60", "--concurrency", "4", "--huge-body", "16777216");

  /** The JVM of the hostile bodies: a heap a body past the bound would overflow, and an overflow ends it. */
  public static final List<String> SMALL_HEAP = List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError");

  private SmokeRuns() {}
}
