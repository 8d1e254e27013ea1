package io.github.nebuly4j.testkit.jdk;

import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.HttpInteractionSearchContract;
import io.github.nebuly4j.testkit.junit.WithFakeNebulyServer;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;

/** The suite is passable: a minimal correct java.net.http adapter passes HttpInteractionSearchContract. */
@WithFakeNebulyServer(apiKey = ContractSettings.API_KEY)
class JdkHttpInteractionSearchContractTest extends JdkAdapterBinding implements HttpInteractionSearchContract {
  JdkHttpInteractionSearchContractTest(FakeNebulyServer server) {
    super(server);
  }
}
