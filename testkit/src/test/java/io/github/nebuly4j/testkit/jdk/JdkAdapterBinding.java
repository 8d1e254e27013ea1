package io.github.nebuly4j.testkit.jdk;

import io.github.nebuly4j.testkit.contract.AdapterUnderTest;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.FakeServerBinding;
import io.github.nebuly4j.testkit.server.FakeNebulyControl;

/**
 * Binds the test-only JDK adapter to the fake server that {@code @WithFakeNebulyServer} injects
 * (or to a remote control of it), for every suite class that runs it.
 */
public abstract class JdkAdapterBinding implements FakeServerBinding {
  private final FakeNebulyControl server;

  protected JdkAdapterBinding(FakeNebulyControl server) {
    this.server = server;
  }

  @Override
  public FakeNebulyControl server() {
    return server;
  }

  @Override
  public AdapterUnderTest adapter(ContractSettings settings) {
    return JdkAdapters.forSettings(settings, java.util.Set.of());
  }
}
