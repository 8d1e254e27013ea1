package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for something that the suites cannot be told about, such as an implementation's own clock
 * letting an entry expire, by asking again every few milliseconds until a generous bound.
 */
final class Eventually {
  /** The longest wait: many times any time to live the suites set, for slow, shared machines. */
  static final Duration LIMIT = Duration.ofSeconds(10);

  private static final Duration PAUSE = Duration.ofMillis(20);

  private Eventually() {}

  /** Returns once {@code condition} holds; fails the test if it still does not after {@link #LIMIT}. */
  static void until(String what, BooleanSupplier condition) {
    long start = System.nanoTime();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - start > LIMIT.toNanos()) {
        fail(what + " did not happen within " + LIMIT.toSeconds() + " s");
      }
      LockSupport.parkNanos(PAUSE.toNanos());
    }
  }
}
