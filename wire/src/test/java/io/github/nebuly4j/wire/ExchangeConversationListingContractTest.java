package io.github.nebuly4j.wire;

import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.HttpConversationListingContract;
import io.github.nebuly4j.testkit.junit.WithFakeNebulyServer;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;

/**
 * testkit's {@link HttpConversationListingContract} through {@link NebulyExchange} on a plain {@code
 * java.net.http} transport, against {@code FakeNebulyServer}.
 */
@WithFakeNebulyServer(apiKey = ContractSettings.API_KEY)
class ExchangeConversationListingContractTest extends ExchangeBinding implements HttpConversationListingContract {
  ExchangeConversationListingContractTest(FakeNebulyServer server) {
    super(server);
  }
}
