package io.github.nebuly4j.testkit.jdk;

import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.HttpAdapterContract;
import io.github.nebuly4j.testkit.junit.WithFakeNebulyServer;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;

/** The suite is passable: a minimal correct java.net.http adapter passes HttpAdapterContract. */
@WithFakeNebulyServer(apiKey = ContractSettings.API_KEY)
class JdkHttpAdapterContractTest extends JdkAdapterBinding implements HttpAdapterContract {
  JdkHttpAdapterContractTest(FakeNebulyServer server) {
    super(server);
  }
}
