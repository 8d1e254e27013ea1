package io.github.nebuly4j.testkit.jdk;

import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.HttpConversationListingContract;
import io.github.nebuly4j.testkit.junit.WithFakeNebulyServer;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;

/** The suite is passable: a minimal correct java.net.http adapter passes HttpConversationListingContract. */
@WithFakeNebulyServer(apiKey = ContractSettings.API_KEY)
class JdkHttpConversationListingContractTest extends JdkAdapterBinding implements HttpConversationListingContract {
  JdkHttpConversationListingContractTest(FakeNebulyServer server) {
    super(server);
  }
}
