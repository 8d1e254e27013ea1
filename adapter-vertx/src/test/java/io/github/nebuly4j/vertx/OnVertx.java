package io.github.nebuly4j.vertx;

import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A Vert.x for the clients of one test class, and a wait on a condition that never sleeps. */
abstract class OnVertx {
  static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /**
   * Waits until {@code condition} holds, checking it every 5 ms on a Vert.x timer.
   *
   * @param what what is waited for, for the failure's message
   * @throws AssertionError if it still does not hold after ten seconds
   */
  static void await(String what, BooleanSupplier condition) throws Exception {
    CompletableFuture<Void> held = new CompletableFuture<>();
    long timer = vertx.setPeriodic(5, id -> {
      if (condition.getAsBoolean()) {
        held.complete(null);
      }
    });
    try {
      held.get(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("still not so after 10 s: " + what);
    } finally {
      vertx.cancelTimer(timer);
    }
  }
}
