package io.github.nebuly4j.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Spreads a load's workers over the event loops of a Vert.x (5 for {@code load-vertx}, the 4.5 inside
 * Quarkus for {@code load-quarkus}), as an application's verticle instances would be spread. A
 * Vert.x client called on a context stays on it, so a worker started there runs its whole chain of
 * calls there; started from one plain thread, every worker would share one loop.
 */
public final class ContextSpread {
  private final List<Executor> contexts;

  private ContextSpread(List<Executor> contexts) {
    this.contexts = contexts;
  }

  /**
   * Picks {@code count} contexts. Vert.x gives each thread that is not its own a new event-loop
   * context (round-robin over the loops) and keeps it for that thread, so each pick runs on a fresh
   * thread.
   *
   * @param count how many contexts, typically the number of event loops
   * @param currentContext run on a fresh thread: returns that thread's context as an executor, such
   *     as {@code () -> { Context c = vertx.getOrCreateContext(); return task -> c.runOnContext(v -> task.run()); }}
   * @return the contexts
   */
  public static ContextSpread of(int count, Supplier<Executor> currentContext) {
    List<Executor> contexts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      CompletableFuture<Executor> picked = new CompletableFuture<>();
      Thread thread = new Thread(() -> picked.complete(currentContext.get()), "context-picker-" + i);
      thread.start();
      contexts.add(picked.join());
    }
    return new ContextSpread(List.copyOf(contexts));
  }

  /**
   * Runs a worker's first call on the worker's context.
   *
   * @param worker the worker's number, from 0
   * @param firstCall the first call
   */
  public void start(int worker, Runnable firstCall) {
    contexts.get(worker % contexts.size()).execute(firstCall);
  }
}
