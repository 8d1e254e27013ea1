package io.github.nebuly4j.bench.vertx;

import io.github.nebuly4j.bench.client.RawJdkClient;
import io.github.nebuly4j.bench.load.ContextSpread;
import io.github.nebuly4j.bench.load.LoadClient;
import io.github.nebuly4j.bench.load.LoadDriver;
import io.github.nebuly4j.bench.load.LoadOptions;
import io.github.nebuly4j.bench.load.Measurement;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The load runner of the clients that live on Vert.x 5's class path: {@code vertx-adapter}, {@code
 * raw-webclient} and {@code raw-jdk}. Each runs in turn on one Vert.x instance with one event loop
 * per core; results are appended as JSON lines (see {@link LoadOptions#USAGE}).
 */
public final class VertxLoadMain {
  /** The clients this runner knows, in the order it runs them by default. */
  public static final List<String> CLIENTS = List.of("raw-webclient", "raw-jdk", "vertx-adapter");

  private VertxLoadMain() {}

  /**
   * Runs a plan against a loopback server.
   *
   * @param args see {@link LoadOptions#USAGE}
   * @throws Exception if the run fails
   */
  public static void main(String[] args) throws Exception {
    // Bad arguments end the program with LoadOptions' IllegalArgumentException, which carries the usage.
    run(LoadOptions.parse(args, CLIENTS));
  }

  /**
   * Runs a plan on a Vert.x of its own, closed afterwards.
   *
   * @param options the plan
   * @return the measurements
   * @throws Exception if the run fails
   */
  public static List<Measurement> run(LoadOptions options) throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(cores));
    try {
      ContextSpread loops =
          ContextSpread.of(
              cores,
              () -> {
                Context context = vertx.getOrCreateContext();
                return task -> context.runOnContext(ignored -> task.run());
              });
      Map<String, Function<Integer, LoadClient>> clients = new LinkedHashMap<>();
      clients.put("raw-webclient", pool -> new RawWebClient(vertx, loops, options.baseUrl(), pool));
      clients.put("raw-jdk", pool -> new RawJdkClient(options.baseUrl()));
      clients.put("vertx-adapter", pool -> new VertxAdapterClient(vertx, loops, options.baseUrl(), pool));
      return LoadDriver.run(options, clients);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
