package io.github.nebuly4j.testkit.jdk;

import io.github.nebuly4j.testkit.contract.AdapterUnderTest;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.FakeServerBinding;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;

/**
 * Binds the test-only java.net.http adapter to the fake server that {@code @WithFakeNebulyServer}
 * injects, for every suite class that runs it.
 */
public abstract class JdkAdapterBinding implements FakeServerBinding {
  private final FakeNebulyServer server;

  protected JdkAdapterBinding(FakeNebulyServer server) {
    this.server = server;
  }

  @Override
  public FakeNebulyServer server() {
    return server;
  }

  @Override
  public AdapterUnderTest adapter(ContractSettings settings) {
    return JdkAdapters.forSettings(settings, java.util.Set.of());
  }
}
