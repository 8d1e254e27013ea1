package io.github.nebuly4j.wire;

import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.HttpDecodingContract;
import io.github.nebuly4j.testkit.junit.WithFakeNebulyServer;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;

/**
 * testkit's decoding corpus over HTTP, through {@link NebulyExchange} (the exchange every adapter
 * runs) on a plain {@code java.net.http} transport, against {@code FakeNebulyServer}.
 */
@WithFakeNebulyServer(apiKey = ContractSettings.API_KEY)
class ExchangeDecodingContractTest extends ExchangeBinding implements HttpDecodingContract {
  ExchangeDecodingContractTest(FakeNebulyServer server) {
    super(server);
  }
}
