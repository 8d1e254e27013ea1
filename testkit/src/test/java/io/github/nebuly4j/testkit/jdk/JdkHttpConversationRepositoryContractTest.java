package io.github.nebuly4j.testkit.jdk;

import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.HttpConversationRepositoryContract;
import io.github.nebuly4j.testkit.junit.WithFakeNebulyServer;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;

/** The suite is passable: a minimal correct java.net.http adapter passes HttpConversationRepositoryContract. */
@WithFakeNebulyServer(apiKey = ContractSettings.API_KEY)
class JdkHttpConversationRepositoryContractTest extends JdkAdapterBinding implements HttpConversationRepositoryContract {
  JdkHttpConversationRepositoryContractTest(FakeNebulyServer server) {
    super(server);
  }
}
