package io.github.nebuly4j.wire;

import io.github.nebuly4j.testkit.contract.AdapterUnderTest;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.FakeServerBinding;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;

/**
 * Binds testkit's HTTP suites to the exchange on a plain {@code java.net.http} transport and the
 * fake server that {@code @WithFakeNebulyServer} injects.
 */
abstract class ExchangeBinding implements FakeServerBinding {
  private static final JdkTransport TRANSPORT = new JdkTransport();

  private final FakeNebulyServer server;

  ExchangeBinding(FakeNebulyServer server) {
    this.server = server;
  }

  @Override
  public FakeNebulyServer server() {
    return server;
  }

  /** Returns an exchange configured with the suite's settings, as every port. */
  @Override
  public AdapterUnderTest adapter(ContractSettings settings) {
    NebulyExchange exchange =
        NebulyExchange.create(
            NebulySettings.builder()
                .baseUrl(settings.baseUrl().toString())
                .apiKey(settings.apiKey())
                .connectTimeout(settings.connectTimeout())
                .attemptTimeout(settings.attemptTimeout())
                .retryPolicy(settings.retryPolicy())
                .maxBodySize(settings.maxBodySize())
                .maxConnections(settings.maxConnections())
                .build(),
            TRANSPORT);
    return AdapterUnderTest.of(exchange);
  }
}
