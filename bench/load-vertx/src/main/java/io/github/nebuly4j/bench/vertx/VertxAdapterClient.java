package io.github.nebuly4j.bench.vertx;

import io.github.nebuly4j.bench.fixture.Fixtures;
import io.github.nebuly4j.bench.load.ContextSpread;
import io.github.nebuly4j.bench.load.LoadClient;
import io.github.nebuly4j.bench.load.PortCalls;
import io.github.nebuly4j.bench.load.Workload;
import io.github.nebuly4j.vertx.NebulyVertxClient;
import io.github.nebuly4j.vertx.NebulyVertxOptions;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;

/** nebuly4j's Vert.x adapter under load, through its ports (the {@code CompletionStage} calls). */
final class VertxAdapterClient implements LoadClient {

  private final NebulyVertxClient client;
  private final ContextSpread loops;

  VertxAdapterClient(Vertx vertx, ContextSpread loops, String baseUrl, int maxConnections) {
    this.loops = loops;
    this.client =
        NebulyVertxClient.create(
            vertx,
            new NebulyVertxOptions()
                .setBaseUrl(baseUrl)
                .setApiKey(Fixtures.API_KEY)
                .setMaxConnections(maxConnections));
  }

  @Override
  public CompletionStage<?> call(Workload workload) {
    return PortCalls.call(workload, client, client);
  }

  @Override
  public void startWorker(int worker, Runnable firstCall) {
    loops.start(worker, firstCall);
  }

  @Override
  public void close() {
    client.close();
  }
}
