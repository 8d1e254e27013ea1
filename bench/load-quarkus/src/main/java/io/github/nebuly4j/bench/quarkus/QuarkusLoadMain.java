package io.github.nebuly4j.bench.quarkus;

import io.github.nebuly4j.bench.load.ContextSpread;
import io.github.nebuly4j.bench.load.LoadClient;
import io.github.nebuly4j.bench.load.LoadDriver;
import io.github.nebuly4j.bench.load.LoadOptions;
import io.github.nebuly4j.bench.load.PortCalls;
import io.github.nebuly4j.bench.load.Workload;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.quarkus.QuarkusCacheDeepLinkStore;
import io.github.nebuly4j.wire.NebulySettings;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The load runner of adapter-quarkus and its two baselines, a Quarkus command-mode app that runs
 * the shared load loop and appends its results as JSON lines (see {@link LoadOptions#USAGE}):
 *
 * <ul>
 *   <li>{@code quarkus-adapter}: the injected {@link ConversationRepository} and {@link
 *       DeepLinkResolver} beans, configured by {@code quarkus.nebuly.*} as any application is;
 *   <li>{@code raw-rest-client}: what a Quarkus user would write by hand, a REST Client interface
 *       returning Jackson records ({@link BenchNebulyApi}), on the same URL and pool size;
 *   <li>{@code raw-vertx4}: the raw Vert.x 4.5 HTTP client and Jackson ({@link RawVertxClient}).
 * </ul>
 *
 * <p>Start it with {@code -Dquarkus.nebuly.base-url=URL} and the same {@code --url URL}, and {@code
 * -Dquarkus.nebuly.max-connections} at least the largest concurrency.
 */
@QuarkusMain
public class QuarkusLoadMain implements QuarkusApplication {
  private static final Logger LOG = Logger.getLogger(QuarkusLoadMain.class);

  /** The clients this runner knows, in the order it runs them by default. */
  public static final List<String> CLIENTS = List.of("raw-rest-client", "raw-vertx4", "quarkus-adapter");

  @Inject @RestClient BenchNebulyApi api;
  @Inject ConversationRepository repository;
  @Inject DeepLinkResolver resolver;
  @Inject NebulySettings settings;
  @Inject Vertx vertx;

  @CacheName(QuarkusCacheDeepLinkStore.LINKS_CACHE)
  Cache deepLinks;

  @CacheName(QuarkusCacheDeepLinkStore.NOT_FOUND_CACHE)
  Cache deepLinksNotFound;

  @Override
  public int run(String... args) throws Exception {
    if (args.length > 0 && args[0].equals(DeepLinkScaleOptions.COMMAND)) {
      return DeepLinkScaleOptions.run(Arrays.copyOfRange(args, 1, args.length), vertx, deepLinks, deepLinksNotFound);
    }
    LoadOptions options;
    try {
      options = LoadOptions.parse(args, CLIENTS);
      if (!strip(settings.baseUrl().toString()).equals(strip(options.baseUrl()))) {
        throw new IllegalArgumentException(
            "--url " + options.baseUrl() + " is not the configured quarkus.nebuly.base-url " + settings.baseUrl()
                + "; start with -Dquarkus.nebuly.base-url=" + options.baseUrl());
      }
    } catch (IllegalArgumentException e) {
      LOG.error(e.getMessage());
      return 2;
    }
    // The workers are spread over Quarkus's event loops, as the Vert.x runner spreads its own.
    ContextSpread loops =
        ContextSpread.of(
            Runtime.getRuntime().availableProcessors(),
            () -> {
              Context context = vertx.getOrCreateContext();
              return task -> context.runOnContext(ignored -> task.run());
            });
    LoadDriver.run(
        options,
        Map.of(
            "quarkus-adapter",
            pool -> {
              requireConfiguredPool(pool);
              return new AdapterClient(loops);
            },
            "raw-rest-client",
            pool -> {
              requireConfiguredPool(pool);
              return new RawRestClient(api, loops);
            },
            "raw-vertx4",
            pool -> new RawVertxClient(vertx, loops, options.baseUrl(), pool)));
    return 0;
  }

  /**
   * The pool of the adapter, and of the REST Client baseline (see application.properties), is
   * quarkus.nebuly.max-connections: it must hold the largest concurrency.
   */
  private void requireConfiguredPool(int pool) {
    if (settings.maxConnections() < pool) {
      throw new IllegalArgumentException(
          "quarkus.nebuly.max-connections is " + settings.maxConnections() + ", below the concurrency " + pool
              + "; start with -Dquarkus.nebuly.max-connections=" + pool);
    }
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The beans under load; their pool is quarkus.nebuly.max-connections. */
  private final class AdapterClient implements LoadClient {
    private final ContextSpread loops;

    AdapterClient(ContextSpread loops) {
      this.loops = loops;
    }

    @Override
    public CompletionStage<?> call(Workload workload) {
      return PortCalls.call(workload, resolver, repository);
    }

    @Override
    public void startWorker(int worker, Runnable firstCall) {
      loops.start(worker, firstCall);
    }

    @Override
    public void close() {
      // The beans belong to the application; Quarkus closes them at shutdown.
    }
  }
}
