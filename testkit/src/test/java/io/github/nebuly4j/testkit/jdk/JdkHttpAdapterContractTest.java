package io.github.nebuly4j.testkit.jdk;

import io.github.nebuly4j.testkit.contract.AdapterUnderTest;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.HttpAdapterContract;
import io.github.nebuly4j.testkit.junit.WithFakeNebulyServer;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;

/** The suite is passable: a minimal correct java.net.http adapter passes HttpAdapterContract. */
@WithFakeNebulyServer(apiKey = ContractSettings.API_KEY)
class JdkHttpAdapterContractTest implements HttpAdapterContract {
  private final FakeNebulyServer server;

  JdkHttpAdapterContractTest(FakeNebulyServer server) {
    this.server = server;
  }

  @Override
  public FakeNebulyServer server() {
    return server;
  }

  @Override
  public AdapterUnderTest adapter(ContractSettings settings) {
    return JdkAdapters.forSettings(settings);
  }
}
