package io.github.nebuly4j.testkit.jdk;

import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.HttpAdapterContract;
import io.github.nebuly4j.testkit.junit.WithFakeNebulyServer;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.github.nebuly4j.testkit.server.RemoteFakeNebulyServer;

/**
 * The suite passes with the server controlled over its admin API, as a test does when the server
 * runs in another class loader or JVM: every fault, hold included, crosses as JSON.
 */
@WithFakeNebulyServer(apiKey = ContractSettings.API_KEY)
class JdkHttpAdapterRemoteControlContractTest extends JdkAdapterBinding implements HttpAdapterContract {
  JdkHttpAdapterRemoteControlContractTest(FakeNebulyServer server) {
    super(RemoteFakeNebulyServer.connect(server.baseUrl()));
  }
}
