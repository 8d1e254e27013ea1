package io.github.nebuly4j.vertx.contract;

import io.github.nebuly4j.testkit.contract.AdapterUnderTest;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.FakeServerBinding;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.github.nebuly4j.vertx.NebulyVertxClient;
import io.github.nebuly4j.vertx.NebulyVertxOptions;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the HTTP suites need from this adapter: one fake server and one Vert.x per test class,
 * and one {@link NebulyVertxClient} per {@link ContractSettings}, all closed after the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VertxFakeServerBinding implements FakeServerBinding {
  private final Map<ContractSettings, NebulyVertxClient> clients = new ConcurrentHashMap<>();
  private Vertx vertx;
  private FakeNebulyServer server;

  @BeforeAll
  void start() {
    vertx = Vertx.vertx();
    server = FakeNebulyServer.builder().apiKey(ContractSettings.API_KEY).start();
  }

  @AfterAll
  void stop() throws Exception {
    clients.values().forEach(NebulyVertxClient::close);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    server.close();
  }

  @Override
  public FakeNebulyServer server() {
    return server;
  }

  @Override
  public AdapterUnderTest adapter(ContractSettings settings) {
    return AdapterUnderTest.of(clients.computeIfAbsent(settings, this::create));
  }

  private NebulyVertxClient create(ContractSettings settings) {
    return NebulyVertxClient.create(vertx, new NebulyVertxOptions()
        .setBaseUrl(settings.baseUrl().toString())
        .setApiKey(settings.apiKey())
        .setConnectTimeout(settings.connectTimeout())
        .setAttemptTimeout(settings.attemptTimeout())
        .setRetryPolicy(settings.retryPolicy())
        .setMaxBodySize(settings.maxBodySize())
        .setMaxConnections(settings.maxConnections()));
  }
}
