package io.github.nebuly4j.wire;

import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.HttpInteractionSearchContract;
import io.github.nebuly4j.testkit.junit.WithFakeNebulyServer;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;

/**
 * testkit's {@link HttpInteractionSearchContract} through {@link NebulyExchange} on a plain {@code
 * java.net.http} transport, against {@code FakeNebulyServer}.
 */
@WithFakeNebulyServer(apiKey = ContractSettings.API_KEY)
class ExchangeInteractionSearchContractTest extends ExchangeBinding implements HttpInteractionSearchContract {
  ExchangeInteractionSearchContractTest(FakeNebulyServer server) {
    super(server);
  }
}
