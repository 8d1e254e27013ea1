package io.github.nebuly4j.testkit.jdk;

import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.HttpDeepLinkResolverContract;
import io.github.nebuly4j.testkit.junit.WithFakeNebulyServer;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;

/** The suite is passable: a minimal correct java.net.http adapter passes HttpDeepLinkResolverContract. */
@WithFakeNebulyServer(apiKey = ContractSettings.API_KEY)
class JdkHttpDeepLinkResolverContractTest extends JdkAdapterBinding implements HttpDeepLinkResolverContract {
  JdkHttpDeepLinkResolverContractTest(FakeNebulyServer server) {
    super(server);
  }
}
