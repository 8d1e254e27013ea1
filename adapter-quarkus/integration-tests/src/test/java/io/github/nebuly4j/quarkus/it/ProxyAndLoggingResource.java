package io.github.nebuly4j.quarkus.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts a {@link RecordingProxy} and routes the client through it by a named proxy configuration
 * of the proxy registry, with the REST Client's request logging on.
 */
public class ProxyAndLoggingResource implements QuarkusTestResourceLifecycleManager {
  private RecordingProxy proxy;

  @Override
  public Map<String, String> start() {
    try {
      proxy = RecordingProxy.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of(
        "quarkus.proxy.\"nebuly-test\".host", "127.0.0.1",
        "quarkus.proxy.\"nebuly-test\".port", String.valueOf(proxy.port()),
        "quarkus.nebuly.proxy-configuration-name", "nebuly-test",
        "quarkus.nebuly.logging.scope", "request-response");
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(proxy, new TestInjector.MatchesType(RecordingProxy.class));
  }

  @Override
  public void stop() {
    if (proxy != null) {
      proxy.close();
    }
  }
}
