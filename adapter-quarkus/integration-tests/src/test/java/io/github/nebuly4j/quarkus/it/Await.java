package io.github.nebuly4j.quarkus.it;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition that other threads make true, checking it every few milliseconds. */
final class Await {
  private Await() {}

  /**
   * Waits until the condition holds or the time is up.
   *
   * @return whether the condition held
   */
  static boolean until(BooleanSupplier condition, Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    return true;
  }
}
