package io.github.nebuly4j.examples.quarkus;

import io.github.nebuly4j.examples.demo.EmbeddedNebuly;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs an {@link EmbeddedNebuly} in the test and points the viewer at it, so that a test can script
 * its faults (a fake started by Dev Services lives in the build's class loader, out of a test's
 * reach).
 */
public class EmbeddedNebulyResource implements QuarkusTestResourceLifecycleManager {
  private EmbeddedNebuly nebuly;

  @Override
  public Map<String, String> start() {
    nebuly = EmbeddedNebuly.start();
    return Map.of("quarkus.nebuly.base-url", nebuly.baseUrl().toString(), "quarkus.nebuly.api-key", nebuly.apiKey());
  }

  @Override
  public void inject(TestInjector testInjector) {
    testInjector.injectIntoFields(nebuly, new TestInjector.MatchesType(EmbeddedNebuly.class));
  }

  @Override
  public void stop() {
    if (nebuly != null) {
      nebuly.close();
    }
  }
}
