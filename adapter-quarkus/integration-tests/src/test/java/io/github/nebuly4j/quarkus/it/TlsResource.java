package io.github.nebuly4j.quarkus.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a {@link TlsNebuly} and configures the client for it: its base URL, and a named TLS
 * configuration of the TLS registry that trusts its certificate.
 */
public class TlsResource implements QuarkusTestResourceLifecycleManager {
  private TlsNebuly nebuly;
  private Path directory;

  @Override
  public Map<String, String> start() {
    try {
      directory = Files.createTempDirectory("nebuly-tls");
      nebuly = TlsNebuly.start(directory);
    } catch (Exception e) {
      throw new IllegalStateException("the https test server could not start", e);
    }
    return Map.of(
        "quarkus.nebuly.base-url", nebuly.baseUrl().toString(),
        "quarkus.nebuly.api-key", "tls-test-key",
        "quarkus.tls.nebuly-test.trust-store.pem.certs", nebuly.certificate().toString(),
        "quarkus.nebuly.tls-configuration-name", "nebuly-test");
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(nebuly, new TestInjector.MatchesType(TlsNebuly.class));
  }

  @Override
  public void stop() {
    if (nebuly != null) {
      nebuly.close();
    }
  }
}
