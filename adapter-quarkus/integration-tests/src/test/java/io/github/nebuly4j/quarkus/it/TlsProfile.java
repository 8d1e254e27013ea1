package io.github.nebuly4j.quarkus.it;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The client configured for an https Nebuly whose certificate only a named TLS configuration trusts. */
public class TlsProfile implements QuarkusTestProfile {
  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(TlsResource.class));
  }
}
