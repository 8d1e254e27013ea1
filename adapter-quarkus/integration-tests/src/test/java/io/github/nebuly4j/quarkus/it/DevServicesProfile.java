package io.github.nebuly4j.quarkus.it;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The application as a user's tests see it: nothing configured under {@code quarkus.nebuly.*}, so
 * Dev Services start the fake Nebuly (this module turns them off for its other profiles).
 */
public class DevServicesProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("quarkus.nebuly.devservices.enabled", "true");
  }
}
